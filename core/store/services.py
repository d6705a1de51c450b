"""One door per capability: what the GUI may ask of the store, as typed coroutines.

Each service runs its work on the store's thread (`StoreWorker`), so awaiting it never blocks the UI; a
call is queued when it is made and runs to its end even if the awaiting task is cancelled. The GUI never
sees the `Store` itself, only these verbs. Errors are the store's own types (`core.store.errors`):
`RecordNotFoundError` when a row is gone, `StoreError` when the disk fails.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from core.model.branching import Versions
from core.model.compare_run import CompareRun
from core.model.conversation import Conversation, ConversationSummary, StoredMessage
from core.model.grid import CellResult, GridRun, GridRunSummary, RunState, TestSet
from core.model.judging import (
    BatchJob,
    JudgeTemplate,
    PairJudgement,
    RubricScore,
    Vote,
    VoteSourceKind,
)
from core.model.preset import Preset, UserDefaults
from core.model.profile import Profile
from core.model.provider_check import DoctorReport
from core.model.request_settings import RequestSettings
from core.model.saved_prompt import SavedPrompt
from core.model.spend import SpendRow
from core.model.tools import ApprovalRule, ServerConfig
from core.store.backup import merge_backup
from core.store.repository import Store
from core.store.search_query import SearchChoices, SearchHit, SearchQuery
from core.store.worker import StoreWorker
from core.transcripts.archive import ArchivedConversation, ArchivedGrids
from core.transcripts.importers.base import ImportReport, ParsedImport
from core.transcripts.importers.progress import ImportProgress


class ConversationService:
    """Conversations and their messages: list, open, create, change, delete and undo, versions."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def summaries(self) -> list[ConversationSummary]:
        """The conversation list: not deleted, pinned first, then the most recently active."""
        return await self._worker.call(lambda store: store.list_conversations())

    async def create(self, settings: RequestSettings, profile_name: str | None) -> Conversation:
        return await self._worker.call(lambda store: store.create_conversation(settings, profile_name))

    async def get(self, conversation_id: int) -> Conversation:
        return await self._worker.call(lambda store: store.get_conversation(conversation_id))

    async def opened(self, conversation_id: int) -> tuple[Conversation, list[StoredMessage]]:
        """The conversation and the branch on screen, read together so they agree."""
        return await self._worker.call(
            lambda store: (store.get_conversation(conversation_id), store.current_path(conversation_id))
        )

    async def rename(self, conversation_id: int, title: str) -> None:
        await self._worker.call(lambda store: store.rename(conversation_id, title))

    async def set_pinned(self, conversation_id: int, pinned: bool) -> None:
        await self._worker.call(lambda store: store.set_pinned(conversation_id, pinned))

    async def update_settings(
        self, conversation_id: int, settings: RequestSettings, profile_name: str | None
    ) -> None:
        await self._worker.call(
            lambda store: store.update_conversation_settings(conversation_id, settings, profile_name)
        )

    async def delete(self, conversation_id: int) -> Conversation:
        """Hide the conversation (undone by `restore` until the next start); returns it as it was."""

        def delete(store: Store) -> Conversation:
            deleted = store.get_conversation(conversation_id)
            store.delete_conversation(conversation_id)
            return deleted

        return await self._worker.call(delete)

    async def restore(self, conversation_id: int) -> None:
        await self._worker.call(lambda store: store.restore_conversation(conversation_id))

    async def tidy_at_start(self) -> None:
        """Replies cut by a crash or a quit become "interrupted" (their text stays); grid runs left running
        become paused (resumed on demand); conversations deleted in an earlier session are removed for good
        (undo lasts one session)."""

        def tidy(store: Store) -> None:
            store.mark_unfinished_as_interrupted()
            store.pause_interrupted_grid_runs()
            store.purge_deleted(0)

        await self._worker.call(tidy)

    async def message(self, message_id: int) -> StoredMessage:
        return await self._worker.call(lambda store: store.get_message(message_id))

    async def messages(self, message_ids: Sequence[int]) -> list[StoredMessage]:
        return await self._worker.call(lambda store: [store.get_message(i) for i in message_ids])

    async def conversation_of(self, message_id: int) -> Conversation:
        """The conversation a message belongs to."""
        return await self._worker.call(
            lambda store: store.get_conversation(store.get_message(message_id).conversation_id)
        )

    async def versions(self, message_ids: Sequence[int]) -> dict[int, Versions]:
        """For each message, its place among its versions (`‹ 2/3 ›`)."""
        return await self._worker.call(lambda store: store.sibling_positions(message_ids))

    async def set_tags(self, conversation_id: int, tags: Sequence[str]) -> list[str]:
        """Replace the conversation's tags; returns them tidied (trimmed, no repeats, sorted)."""
        return await self._worker.call(lambda store: store.set_tags(conversation_id, tags))

    async def all_tags(self) -> list[str]:
        """Every tag in use, for completion."""
        return await self._worker.call(lambda store: store.all_tags())

    async def reveal_message(self, message_id: int) -> int:
        """Put the message on the branch on screen; returns its conversation's id."""
        return await self._worker.call(lambda store: store.reveal_message(message_id))


class ProfileService:
    """Provider profiles (never keys: those are in the keyring)."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def all(self) -> list[Profile]:
        return await self._worker.call(lambda store: store.list_profiles())

    async def save(self, profile: Profile, *, old_name: str | None = None) -> None:
        """Insert or update; with `old_name`, rename it (its conversations follow)."""
        await self._worker.call(lambda store: store.save_profile(profile, old_name=old_name))

    async def delete(self, name: str) -> None:
        await self._worker.call(lambda store: store.delete_profile(name))


class PresetService:
    """The defaults new conversations start from, and named presets (personas), which compare columns use
    too."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def defaults(self) -> UserDefaults | None:
        """None until the user saves defaults."""
        return await self._worker.call(lambda store: store.user_defaults())

    async def save_defaults(self, defaults: UserDefaults) -> None:
        await self._worker.call(lambda store: store.save_user_defaults(defaults))

    async def all(self) -> list[Preset]:
        """By name."""
        return await self._worker.call(lambda store: store.list_presets())

    async def save(self, name: str, settings: RequestSettings, profile_name: str | None) -> Preset:
        """Made, or replaced if one has this name."""
        return await self._worker.call(lambda store: store.save_preset(name, settings, profile_name))

    async def rename(self, preset_id: int, name: str) -> None:
        """NameTakenError if another preset has the name."""
        await self._worker.call(lambda store: store.rename_preset(preset_id, name))

    async def delete(self, preset_id: int) -> None:
        await self._worker.call(lambda store: store.delete_preset(preset_id))


class PromptService:
    """The prompt library: saved prompts with `{{variables}}`."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def all(self) -> list[SavedPrompt]:
        """By title."""
        return await self._worker.call(lambda store: store.list_prompts())

    async def save(self, prompt: SavedPrompt) -> SavedPrompt:
        """Added when its id is None, else changed; returns it as stored."""
        return await self._worker.call(lambda store: store.save_prompt(prompt))

    async def delete(self, prompt_id: int) -> None:
        await self._worker.call(lambda store: store.delete_prompt(prompt_id))


class CompareRunService:
    """Saved compare runs and the alternatives a chosen reply links to."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def of_conversation(self, conversation_id: int) -> list[CompareRun]:
        """Oldest first."""
        return await self._worker.call(lambda store: store.list_compare_runs(conversation_id))

    async def alternative_counts(self, message_ids: Sequence[int]) -> dict[int, int]:
        return await self._worker.call(lambda store: store.alternative_counts(message_ids))

    async def run_of(self, message_id: int) -> CompareRun | None:
        return await self._worker.call(lambda store: store.compare_run_of(message_id))


class SearchService:
    """Search every conversation (Ctrl+K)."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def search(self, query: SearchQuery) -> list[SearchHit]:
        if not query.needle:
            return []
        return await self._worker.call(lambda store: store.search(query))

    async def choices(self) -> SearchChoices:
        """The models and profiles conversations use, for the filters."""
        return await self._worker.call(lambda store: store.search_choices())


class TransferService:
    """Conversations out of and into the store: export, import, restore from a backup."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def export_conversation(self, conversation_id: int) -> ArchivedConversation:
        return await self._worker.call(lambda store: store.export_conversation(conversation_id))

    async def export_all(self) -> list[ArchivedConversation]:
        return await self._worker.call(lambda store: store.export_all())

    async def export_grids(self) -> ArchivedGrids:
        """Every test set and grid run, for the Triptych JSON beside the conversations."""
        return await self._worker.call(lambda store: store.export_grids())

    async def import_conversations(
        self, parsed: ParsedImport, progress: ImportProgress | None = None
    ) -> ImportReport:
        """Adds only: conversations already here (same content) are skipped and reported. A cancel through
        `progress` raises ImportCancelledError and adds nothing."""
        return await self._worker.call(lambda store: store.import_conversations(parsed, progress))

    async def restore_backup(self, backup: Path) -> ImportReport:
        """Add the backup's conversations this database lacks; nothing here is changed or removed."""
        return await self._worker.call(lambda store: merge_backup(store, backup))


class ProviderCheckService:
    """The provider checks' history."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def save(self, report: DoctorReport) -> None:
        await self._worker.call(lambda store: store.save_provider_check(report))

    async def latest(self, profile_name: str) -> DoctorReport | None:
        """The profile's last check (one row read, not the history)."""
        found = await self._worker.call(lambda store: store.provider_checks(profile_name, limit=1))
        return found[0] if found else None

    async def history(self, profile_name: str) -> list[DoctorReport]:
        """Newest first."""
        return await self._worker.call(lambda store: store.provider_checks(profile_name))


class ToolSettingsService:
    """MCP tools: the servers (their non-secret parts; secrets are in the keyring), the remembered approval
    rules, and the tool-loop limit."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def servers(self) -> list[ServerConfig]:
        """In the order they were added."""
        return await self._worker.call(lambda store: store.list_mcp_servers())

    async def save_server(self, config: ServerConfig, *, old_name: str | None = None) -> None:
        """Insert or update; with `old_name`, rename it (its rules follow). NameTakenError if the name is
        another server's."""
        await self._worker.call(lambda store: store.save_mcp_server(config, old_name=old_name))

    async def delete_server(self, name: str) -> None:
        """The server and its remembered rules."""
        await self._worker.call(lambda store: store.delete_mcp_server(name))

    async def rules(self) -> list[ApprovalRule]:
        return await self._worker.call(lambda store: store.tool_rules())

    async def add_rule(self, rule: ApprovalRule) -> None:
        """Replaces the rule for the same server, tool and conversation."""
        await self._worker.call(lambda store: store.add_tool_rule(rule))

    async def revoke_rule(self, rule: ApprovalRule) -> None:
        await self._worker.call(lambda store: store.revoke_tool_rule(rule))

    async def tool_limit(self) -> int:
        """Tool calls one user turn may make before the loop stops (default 20)."""
        return await self._worker.call(lambda store: store.tool_limit())

    async def set_tool_limit(self, limit: int) -> None:
        await self._worker.call(lambda store: store.set_tool_limit(limit))


class GridService:
    """Evaluation grids: versioned test sets, runs and their cells (each saved the moment it ends)."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def save_test_set(self, test_set: TestSet) -> TestSet:
        """A new set, or a new version of an edited one (unchanged: the latest as it is)."""
        return await self._worker.call(lambda store: store.save_test_set(test_set))

    async def test_sets(self) -> list[TestSet]:
        """The latest version of each set, the most recently saved first."""
        return await self._worker.call(lambda store: store.list_test_sets())

    async def test_set(self, test_set_id: int, version: int | None = None) -> TestSet:
        return await self._worker.call(lambda store: store.get_test_set(test_set_id, version))

    async def delete_test_set(self, test_set_id: int) -> None:
        await self._worker.call(lambda store: store.delete_test_set(test_set_id))

    async def create_run(self, run: GridRun) -> GridRun:
        """The run saved (its test set too, when it has no id yet); raises ValueError for 0 cases, 0
        variants or repeats out of range, saving nothing."""
        return await self._worker.call(lambda store: store.create_grid_run(run))

    async def run(self, run_id: int) -> GridRun:
        """The run with every saved cell."""
        return await self._worker.call(lambda store: store.get_grid_run(run_id))

    async def runs(self) -> list[GridRunSummary]:
        return await self._worker.call(lambda store: store.list_grid_runs())

    async def set_run_state(self, run_id: int, state: RunState) -> None:
        await self._worker.call(lambda store: store.set_grid_run_state(run_id, state))

    async def save_cell(self, run_id: int, result: CellResult) -> None:
        await self._worker.call(lambda store: store.save_grid_cell(run_id, result))

    async def delete_run(self, run_id: int) -> None:
        await self._worker.call(lambda store: store.delete_grid_run(run_id))

    async def pause_interrupted(self) -> list[int]:
        """At start: runs left RUNNING by a quit become PAUSED (the grid window offers Resume)."""
        return await self._worker.call(lambda store: store.pause_interrupted_grid_runs())


class SpendService:
    """Spend over time: tokens, cost and caching's savings per day, model, provider and source."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def per_day(self, first: dt.date | None = None, last: dt.date | None = None) -> list[SpendRow]:
        """From `first` to `last`, local days, both included (None: no bound); oldest first."""
        return await self._worker.call(lambda store: store.spend(first, last))


class JudgingService:
    """Judging: blind votes (with tags), judge templates, the judge's scores and verdicts, and the batches a
    run or a judge pass was submitted as.

    Built-in judge templates are not rows: they are handed in (`core.judging.judge_prompts`, a layer above
    the store) and listed first, with negative ids in their given order (-1, -2, …) so scores can name them;
    saving one saves the user's own copy, and they cannot be deleted."""

    def __init__(self, worker: StoreWorker, built_in_templates: Sequence[JudgeTemplate] = ()) -> None:
        self._worker = worker
        self._built_ins = tuple(
            dataclasses.replace(template, id=-(index + 1))
            for index, template in enumerate(built_in_templates)
        )

    async def save_vote(self, vote: Vote) -> Vote:
        """Stored with its id filled in; ValueError (nothing saved) for a vote that cannot be counted."""
        return await self._worker.call(lambda store: store.save_vote(vote))

    async def delete_vote(self, vote_id: int) -> None:
        """Undo a vote."""
        await self._worker.call(lambda store: store.delete_vote(vote_id))

    async def votes(self, kind: VoteSourceKind | None = None, run_id: int | None = None) -> list[Vote]:
        """Every vote (or one kind's, or one run's), the oldest first, those on deleted runs included."""
        return await self._worker.call(lambda store: store.list_votes(kind, run_id))

    async def vote_tags(self) -> list[str]:
        """Every tag used on a vote, for completion."""
        return await self._worker.call(lambda store: store.vote_tags())

    async def judge_templates(self) -> list[JudgeTemplate]:
        """The built-in templates, then the user's by name."""
        return [*self._built_ins, *await self._worker.call(lambda store: store.list_judge_templates())]

    async def save_judge_template(self, t: JudgeTemplate) -> JudgeTemplate:
        """Added (id None, or a built-in's negative id: saved as the user's copy) or changed."""
        return await self._worker.call(lambda store: store.save_judge_template(t))

    async def delete_judge_template(self, template_id: int) -> None:
        if template_id < 0:
            raise ValueError("A built-in judge template cannot be deleted.")
        await self._worker.call(lambda store: store.delete_judge_template(template_id))

    async def save_rubric_score(self, s: RubricScore) -> None:
        await self._worker.call(lambda store: store.save_rubric_score(s))

    async def rubric_scores(self, run_id: int) -> list[RubricScore]:
        return await self._worker.call(lambda store: store.rubric_scores(run_id))

    async def save_pair_judgement(self, j: PairJudgement) -> None:
        await self._worker.call(lambda store: store.save_pair_judgement(j))

    async def pair_judgements(self, kind: VoteSourceKind, run_id: int) -> list[PairJudgement]:
        return await self._worker.call(lambda store: store.pair_judgements(kind, run_id))

    async def save_batch_job(self, job: BatchJob) -> BatchJob:
        """Saved the moment the provider created it; returns it with its id."""
        return await self._worker.call(lambda store: store.save_batch_job(job))

    async def update_batch_job(self, job: BatchJob) -> None:
        await self._worker.call(lambda store: store.update_batch_job(job))

    async def open_batch_jobs(self) -> list[BatchJob]:
        """Batches not yet collected (to poll again after a restart)."""
        return await self._worker.call(lambda store: store.open_batch_jobs())

    async def batch_jobs(self, run_id: int) -> list[BatchJob]:
        return await self._worker.call(lambda store: store.batch_jobs(run_id))


@dataclass(frozen=True)
class StoreServices:
    """Every door into the store, over one worker thread."""

    conversations: ConversationService
    profiles: ProfileService
    compare_runs: CompareRunService
    search: SearchService
    transfer: TransferService
    presets: PresetService
    prompts: PromptService
    provider_checks: ProviderCheckService
    tool_settings: ToolSettingsService
    grids: GridService
    spend: SpendService
    judging: JudgingService

    @classmethod
    def over(cls, worker: StoreWorker, built_in_templates: Sequence[JudgeTemplate] = ()) -> StoreServices:
        """`built_in_templates`: the judge's templates that ship with the app (listed by `judging`)."""
        return cls(
            ConversationService(worker),
            ProfileService(worker),
            CompareRunService(worker),
            SearchService(worker),
            TransferService(worker),
            PresetService(worker),
            PromptService(worker),
            ProviderCheckService(worker),
            ToolSettingsService(worker),
            GridService(worker),
            SpendService(worker),
            JudgingService(worker, built_in_templates),
        )
