"""Triptych's own JSON export (`core.transcripts.archive`), read back and checked whole: every reference
between
messages, the current leaf and compare runs must name a message that comes earlier in the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast, get_args

from core.model.codec import error_from_dict, settings_from_dict, timing_from_dict, usage_from_dict
from core.model.compare_run import MAX_COLUMNS, ColumnMetrics
from core.model.conversation import MessageStatus
from core.model.grid import MAX_REPEATS, CellKey, CellResult, CellStatus, GridRun, RunState, TestSet
from core.model.grid_codec import cell_from_dict, decode_test_set, variant_from_dict
from core.model.judging_codec import (
    pair_judgement_from_dict,
    rubric_score_from_dict,
    template_from_dict,
    vote_from_dict,
)
from core.model.messages import Role
from core.model.tools_codec import runs_from_list
from core.transcripts.archive import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ArchivedColumn,
    ArchivedCompareRun,
    ArchivedConversation,
    ArchivedGrids,
    ArchivedJudging,
    ArchivedMessage,
    ArchivedReply,
    RunInFile,
)
from core.transcripts.importers.base import (
    ImportFormatError,
    ParsedImport,
    content_blocks,
    json_kind,
    need_dict,
    need_list,
    need_str,
    opt_number,
    opt_str,
)
from core.transcripts.importers.progress import ImportProgress, ImportStage

_STATUSES = frozenset(get_args(MessageStatus))
_T = TypeVar("_T")
_MAX_ROUNDS = 1_000_000


def parse_triptych(data: Any, progress: ImportProgress | None = None) -> ParsedImport:
    conversations = parse_archive(data, progress)
    return ParsedImport("triptych", conversations, grids=parse_grids(data))


def is_archive(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT_NAME


def parse_archive(data: Any, progress: ImportProgress | None = None) -> list[ArchivedConversation]:
    """A Triptych JSON document (already decoded), checked whole; ImportFormatError names what is wrong."""
    document = need_dict(data, "The file")
    if document.get("format") != FORMAT_NAME:
        raise ImportFormatError('The file is not a Triptych export (its "format" is not "triptych").')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFormatError('The Triptych export has no valid "version".')
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            f"The file is a Triptych export of version {version}; this Triptych reads up to version "
            f"{FORMAT_VERSION}. Update Triptych to import it."
        )
    items = need_list(document.get("conversations"), "conversations")
    if progress is None:
        return [_conversation(item, f"conversations[{index}]") for index, item in enumerate(items)]
    progress.begin(ImportStage.READING, len(items))
    conversations = []
    for index, item in enumerate(items):
        conversations.append(_conversation(item, f"conversations[{index}]"))
        progress.advance()
    return conversations


def _conversation(value: Any, where: str) -> ArchivedConversation:
    data = need_dict(value, where)
    messages: list[ArchivedMessage] = []
    seen: set[int] = set()
    for index, item in enumerate(need_list(data.get("messages", []), f"{where}.messages")):
        message = _message(item, f"{where}.messages[{index}]", seen)
        seen.add(message.id)
        messages.append(message)
    leaf = _reference(data, "current_leaf", where, seen)
    if leaf is None and messages:
        # A hand-made or trimmed file without the branch on screen: show the newest branch, as the exports
        # do (the last message has no child, every child coming after its parent), not an empty transcript.
        leaf = messages[-1].id
    runs = [
        _run(item, f"{where}.compare_runs[{index}]", seen)
        for index, item in enumerate(need_list(data.get("compare_runs", []), f"{where}.compare_runs"))
    ]
    pinned = data.get("pinned", False)
    if not isinstance(pinned, bool):
        raise ImportFormatError(f"{where}.pinned should be true or false, not {json_kind(pinned)}.")
    return ArchivedConversation(
        tags=_tags(data, where),
        title=opt_str(data, "title", where) or "",
        settings=settings_from_dict(need_dict(data.get("settings", {}), f"{where}.settings")),
        profile_name=opt_str(data, "profile_name", where),
        pinned=pinned,
        created_at=opt_number(data, "created_at", where) or 0.0,
        updated_at=opt_number(data, "updated_at", where) or 0.0,
        current_leaf=leaf,
        messages=messages,
        compare_runs=runs,
    )


def _tags(data: dict[str, Any], where: str) -> list[str]:
    """Optional: files written before tags existed have none."""
    tags = need_list(data.get("tags", []), f"{where}.tags")
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise ImportFormatError(f"{where}.tags[{index}] should be text, not {json_kind(tag)}.")
    return list(tags)


def _message(value: Any, where: str, earlier: set[int]) -> ArchivedMessage:
    data = need_dict(value, where)
    message_id = data.get("id")
    if not isinstance(message_id, int) or isinstance(message_id, bool):
        raise ImportFormatError(f"{where}.id should be a whole number, not {json_kind(message_id)}.")
    if message_id in earlier:
        raise ImportFormatError(f"{where}.id {message_id} is used by another message.")
    role = data.get("role")
    if role not in ("user", "assistant"):
        raise ImportFormatError(f'{where}.role should be "user" or "assistant".')
    status = data.get("status", "complete")
    if not isinstance(status, str) or status not in _STATUSES:
        raise ImportFormatError(f"{where}.status {status!r} is not one of {', '.join(sorted(_STATUSES))}.")
    usage, timing, error = (_optional_object(data, key, where) for key in ("usage", "timing", "error"))
    return ArchivedMessage(
        id=message_id,
        parent=_reference(data, "parent", where, earlier),
        role=cast(Role, role),
        content=content_blocks(data.get("content"), f"{where}.content"),
        # A reply cut while streaming in the other database is interrupted here: nothing will finish it.
        status="interrupted" if status == "streaming" else cast(MessageStatus, status),
        created_at=opt_number(data, "created_at", where) or 0.0,
        model=opt_str(data, "model", where),
        stop_reason=opt_str(data, "stop_reason", where),
        stop_sequence=opt_str(data, "stop_sequence", where),
        usage=None if usage is None else usage_from_dict(usage),
        cost_usd=opt_number(data, "cost_usd", where),
        timing=None if timing is None else timing_from_dict(timing),
        request_id=opt_str(data, "request_id", where),
        error=None if error is None else error_from_dict(error),
        warnings=[
            item for item in need_list(data.get("warnings", []), f"{where}.warnings") if isinstance(item, str)
        ],
        tool_runs=runs_from_list(need_list(data.get("tool_runs", []), f"{where}.tool_runs")),
    )


def _run(value: Any, where: str, messages: set[int]) -> ArchivedCompareRun:
    data = need_dict(value, where)
    prompts = need_list(data.get("prompts", []), f"{where}.prompts")
    if not all(isinstance(prompt, str) for prompt in prompts):
        raise ImportFormatError(f"{where}.prompts should be a list of texts.")
    items = need_list(data.get("columns"), f"{where}.columns")
    if not 1 <= len(items) <= MAX_COLUMNS:
        raise ImportFormatError(f"{where}.columns should hold 1 to {MAX_COLUMNS} columns, not {len(items)}.")
    columns = [_column(item, f"{where}.columns[{index}]", messages) for index, item in enumerate(items)]
    chosen = data.get("chosen_column")
    if chosen is not None and (
        not isinstance(chosen, int) or isinstance(chosen, bool) or not 0 <= chosen < len(columns)
    ):
        raise ImportFormatError(f"{where}.chosen_column is not the index of one of its columns.")
    return ArchivedCompareRun(
        base_message=_reference(data, "base_message", where, messages),
        prompts=prompts,
        columns=columns,
        created_at=opt_number(data, "created_at", where) or 0.0,
        chosen_column=chosen,
    )


def _column(value: Any, where: str, messages: set[int]) -> ArchivedColumn:
    data = need_dict(value, where)
    replies = []
    rounds: set[int] = set()
    for index, item in enumerate(need_list(data.get("replies", []), f"{where}.replies")):
        reply_where = f"{where}.replies[{index}]"
        reply = need_dict(item, reply_where)
        round_index = reply.get("round")
        if (
            not isinstance(round_index, int)
            or isinstance(round_index, bool)
            or not 0 <= round_index < _MAX_ROUNDS
            or round_index in rounds
        ):
            raise ImportFormatError(f"{reply_where}.round should be a whole number used once per column.")
        rounds.add(round_index)
        metrics = _optional_object(reply, "metrics", reply_where)
        replies.append(
            ArchivedReply(
                round=round_index,
                message=_reference(reply, "message", reply_where, messages),
                metrics=None if metrics is None else ColumnMetrics.from_dict(metrics),
            )
        )
    return ArchivedColumn(
        profile_name=opt_str(data, "profile_name", where),
        settings=settings_from_dict(need_dict(data.get("settings", {}), f"{where}.settings")),
        replies=replies,
    )


def _reference(data: dict[str, Any], key: str, where: str, known: set[int]) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value not in known:
        raise ImportFormatError(f"{where}.{key} does not name a message that comes before it in the file.")
    return value


def _optional_object(data: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = data.get(key)
    return None if value is None else need_dict(value, f"{where}.{key}")


# -- evaluation grids ---------------------------------------------------------------------------------------


def parse_grids(data: Any) -> ArchivedGrids:
    """The file's test sets and grid runs (none in files written before grids), checked whole."""
    document = need_dict(data, "The file")
    sets = need_list(document.get("test_sets", []), "test_sets")
    runs = need_list(document.get("grid_runs", []), "grid_runs")
    return ArchivedGrids(
        test_sets=[_test_set(item, f"test_sets[{index}]") for index, item in enumerate(sets)],
        runs=[_grid_run(item, f"grid_runs[{index}]") for index, item in enumerate(runs)],
        judging=_judging(document, len(runs), _compare_run_counts(document)),
    )


# -- judging ------------------------------------------------------------------------------------------------


def _judging(document: dict[str, Any], grid_runs: int, compare_runs: list[int]) -> ArchivedJudging:
    """The file's judge templates, votes, scores and verdicts (none in files written before judging), each
    checked whole, their runs checked to be in the file."""
    templates = []
    for index, item in enumerate(need_list(document.get("judge_templates", []), "judge_templates")):
        where = f"judge_templates[{index}]"
        template_id = need_dict(item, where).get("id")
        if not isinstance(template_id, int) or isinstance(template_id, bool):
            raise ImportFormatError(f"{where}.id should be a whole number.")
        templates.append(_decoded(template_from_dict, item, where, id=template_id))

    def located(key: str, decode: Callable[..., _T]) -> list[tuple[_T, RunInFile]]:
        found = []
        for index, item in enumerate(need_list(document.get(key, []), key)):
            where = f"{key}[{index}]"
            value = _decoded(decode, item, where)
            found.append(
                (value, _run_in_file(need_dict(item, where).get("run"), where, grid_runs, compare_runs))
            )
        return found

    return ArchivedJudging(
        judge_templates=templates,
        votes=located("votes", vote_from_dict),
        rubric_scores=located("rubric_scores", rubric_score_from_dict),
        pair_judgements=located("pair_judgements", pair_judgement_from_dict),
    )


def _decoded(decode: Callable[..., _T], item: Any, where: str, **extra: Any) -> _T:
    try:
        return decode(item, **extra)
    except ValueError as error:
        raise ImportFormatError(f"{where}: {error}") from None


def _run_in_file(value: Any, where: str, grid_runs: int, compare_runs: list[int]) -> RunInFile:
    if value is None:
        return RunInFile()
    data = need_dict(value, f"{where}.run")
    if "grid_run" in data:
        run = data["grid_run"]
        if not isinstance(run, int) or isinstance(run, bool) or not 0 <= run < grid_runs:
            raise ImportFormatError(
                f"{where}.run.grid_run should be the index of one of the file's grid runs."
            )
        return RunInFile(grid_run=run)
    conversation, compare_run = data.get("conversation"), data.get("compare_run")
    if (
        not isinstance(conversation, int)
        or isinstance(conversation, bool)
        or not 0 <= conversation < len(compare_runs)
        or not isinstance(compare_run, int)
        or isinstance(compare_run, bool)
        or not 0 <= compare_run < compare_runs[conversation]
    ):
        raise ImportFormatError(
            f"{where}.run should name a grid run, or a conversation and one of its compare runs, in the file."
        )
    return RunInFile(conversation=conversation, compare_run=compare_run)


def _compare_run_counts(document: dict[str, Any]) -> list[int]:
    """How many compare runs each of the file's conversations has (the conversations are checked apart)."""
    counts = []
    for item in document.get("conversations", []) if isinstance(document.get("conversations"), list) else []:
        runs = item.get("compare_runs") if isinstance(item, dict) else None
        counts.append(len(runs) if isinstance(runs, list) else 0)
    return counts


def _test_set(value: Any, where: str) -> TestSet:
    data = need_dict(value, where)
    need_str(data, "name", where)
    need_str(data, "template", where)
    opt_str(data, "system", where)
    for index, item in enumerate(need_list(data.get("cases", []), f"{where}.cases")):
        _check_case(item, f"{where}.cases[{index}]")
    return decode_test_set(data)


def _check_case(value: Any, where: str) -> None:
    case = need_dict(value, where)
    need_str(case, "name", where)
    opt_str(case, "expected", where)
    for name, text in need_dict(case.get("variables", {}), f"{where}.variables").items():
        if not isinstance(text, str):
            raise ImportFormatError(f"{where}.variables.{name} should be text, not {json_kind(text)}.")
    for index, item in enumerate(need_list(case.get("context", []), f"{where}.context")):
        message = need_dict(item, f"{where}.context[{index}]")
        if message.get("role") not in ("user", "assistant"):
            raise ImportFormatError(f'{where}.context[{index}].role should be "user" or "assistant".')
        if not isinstance(message.get("content"), str):
            content_blocks(message.get("content"), f"{where}.context[{index}].content")


def _grid_run(value: Any, where: str) -> GridRun:
    data = need_dict(value, where)
    test_set = _test_set(data.get("test_set"), f"{where}.test_set")
    if not test_set.cases:
        raise ImportFormatError(f"{where}.test_set has no cases: a grid run needs at least one.")
    variants = need_list(data.get("variants"), f"{where}.variants")
    if not variants:
        raise ImportFormatError(f"{where}.variants is empty: a grid run needs at least one.")
    for index, item in enumerate(variants):
        need_dict(
            need_dict(item, f"{where}.variants[{index}]").get("settings"),
            f"{where}.variants[{index}].settings",
        )
    repeats = _whole(data, "repeats", where, 1, MAX_REPEATS)
    concurrency = _whole(data, "concurrency", where, 1, 1_000)
    state = data.get("state", RunState.PAUSED.value)
    if state not in {s.value for s in RunState}:
        raise ImportFormatError(
            f"{where}.state {state!r} is not one of {', '.join(s.value for s in RunState)}."
        )
    shape = (len(test_set.cases), len(variants), repeats)
    cells: dict[CellKey, CellResult] = {}
    for index, item in enumerate(need_list(data.get("cells", []), f"{where}.cells")):
        cell_where = f"{where}.cells[{index}]"
        cell = cell_from_dict(need_dict(item, cell_where))
        if cell is None or not all(
            part < size
            for part, size in zip((cell.key.case, cell.key.variant, cell.key.repeat), shape, strict=True)
        ):
            raise ImportFormatError(
                f"{cell_where} should name a case, a variant and a repeat of the run (whole numbers in it)."
            )
        if need_dict(item, cell_where).get("status") not in (CellStatus.DONE.value, CellStatus.FAILED.value):
            raise ImportFormatError(f'{cell_where}.status should be "done" or "failed".')
        if cell.key in cells:
            raise ImportFormatError(f"{cell_where} is the same cell and repeat as another one.")
        cells[cell.key] = cell
    return GridRun(
        id=None,
        name=opt_str(data, "name", where) or "",
        test_set=test_set,
        variants=tuple(variant_from_dict(item) for item in variants),
        repeats=repeats,
        concurrency=concurrency,
        # Nothing runs it here yet: a run exported while running resumes on demand.
        state=RunState.PAUSED if state == RunState.RUNNING.value else RunState(state),
        created_at=opt_number(data, "created_at", where) or 0.0,
        cells=cells,
    )


def _whole(data: dict[str, Any], key: str, where: str, low: int, high: int) -> int:
    value = data.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ImportFormatError(f"{where}.{key} should be a whole number from {low} to {high}.")
    return value
