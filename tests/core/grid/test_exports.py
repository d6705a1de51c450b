"""A grid run's exports, read back: the CSV with the csv module, the JSONL with json, the HTML report with an
HTML parser."""

import base64
import csv
import json
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from core.grid.exports import (
    METRIC_FIELDS,
    ReportWords,
    html_report,
    variant_names,
    write_csv,
    write_html,
    write_jsonl,
)
from core.grid.stats import column_summaries
from core.model.compare_run import ColumnMetrics
from core.model.conversation import ErrorKind, ReplyError
from core.model.grid import CellKey, CellResult, CellStatus, GridRun, GridVariant, TestCase, TestSet
from core.model.request_settings import RequestSettings

HOSTILE = 'Sure: <script>alert("x")</script> & <img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://evil.example","click")'


def done(key: CellKey, text: str, duration: float) -> CellResult:
    metrics = ColumnMetrics(
        time_to_first_token=duration / 4,
        duration=duration,
        output_tokens_per_second=50.0,
        input_tokens=20,
        output_tokens=40,
        stop_reason="end_turn",
        cost_usd=0.0002,
        request_id=f"req_{key.case}{key.variant}{key.repeat}",
    )
    return CellResult(key, CellStatus.DONE, ({"type": "text", "text": text},), metrics, None, 1_700_000_000.5)


def make_run() -> GridRun:
    test_set = TestSet(
        7,
        "Greetings",
        "Say hello in {{language}}",
        (
            TestCase("french", {"language": "French"}, expected="Bonjour"),
            TestCase("chinese", {"language": "中文"}),
        ),
        system="Be brief.",
    )
    variants = (
        GridVariant("Demo", RequestSettings(model="claude-haiku-4-5", temperature=0.2)),
        GridVariant("Demo", RequestSettings(model="claude-haiku-4-5", temperature=0.8)),
    )
    cells = [
        done(CellKey(0, 0, 0), "Bonjour !", 1.0),
        done(CellKey(0, 0, 1), "Bonjour!", 3.0),
        done(CellKey(0, 1, 0), HOSTILE, 2.0),
        CellResult(
            CellKey(0, 1, 1),
            CellStatus.FAILED,
            error=ReplyError(
                ErrorKind.OVERLOADED, "Overloaded <retry later>", status=529, request_id="req_f"
            ),
            finished_at=1_700_000_001.0,
        ),
        done(CellKey(1, 0, 0), "你好", 1.5),
        done(CellKey(1, 0, 1), FORMULA, 2.5),
        done(CellKey(1, 1, 0), "- 你好\n- 您好", 4.0),
        # (1, 1, 1) never ran: the run was paused.
    ]
    return GridRun(3, "Hello run", test_set, variants, repeats=2, cells={cell.key: cell for cell in cells})


def test_variants_are_named_by_what_sets_them_apart() -> None:
    run = make_run()
    assert variant_names(run) == ["temperature 0.2", "temperature 0.8"]
    same = GridRun(1, "r", run.test_set, (run.variants[0], run.variants[0]))
    assert variant_names(same) == ["claude-haiku-4-5 #1", "claude-haiku-4-5 #2"]
    assert variant_names(GridRun(1, "r", run.test_set, run.variants[:1])) == ["claude-haiku-4-5"]


def test_the_csv_has_a_line_per_cell_and_repeat_read_back_with_the_csv_module(tmp_path: Path) -> None:
    path = tmp_path / "run.csv"
    write_csv(path, make_run())
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese right
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 2 * 2 * 2
    assert list(rows[0])[:6] == ["case", "case_name", "{{language}}", "expected", "variant", "variant_name"]
    assert set(METRIC_FIELDS) <= set(rows[0])

    first = rows[0]
    assert (first["case"], first["case_name"], first["{{language}}"], first["expected"]) == (
        "1",
        "french",
        "French",
        "Bonjour",
    )
    assert (first["variant"], first["variant_name"], first["profile"], first["model"]) == (
        "1",
        "temperature 0.2",
        "Demo",
        "claude-haiku-4-5",
    )
    settings = json.loads(first["settings"])
    assert (settings["temperature"], settings["system"]) == (0.2, "Be brief.")  # the system prompt sent
    assert (first["repeat"], first["status"], first["output"]) == ("1", "done", "Bonjour !")
    assert (float(first["duration"]), first["request_id"], first["error_kind"]) == (1.0, "req_000", "")

    failed = rows[3]
    assert (failed["variant"], failed["repeat"], failed["status"], failed["output"]) == (
        "2",
        "2",
        "failed",
        "",
    )
    assert (failed["error_kind"], failed["error_message"], failed["error_status"]) == (
        ErrorKind.OVERLOADED.value,
        "Overloaded <retry later>",
        "529",
    )
    assert rows[2]["output"] == HOSTILE  # CSV is text: kept as it was
    assert rows[5]["{{language}}"] == "中文"
    # A reply that a spreadsheet would run as a formula is shown as text.
    assert rows[5]["output"] == "'" + FORMULA
    assert rows[6]["output"] == "'- 你好\n- 您好"
    pending = rows[7]
    assert (pending["status"], pending["output"], pending["duration"], pending["finished_at"]) == (
        "pending",
        "",
        "",
        "",
    )


def test_the_jsonl_keeps_every_value_exact(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    run = make_run()
    write_jsonl(path, run)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 8
    assert [(line["case"], line["variant"], line["repeat"]) for line in lines[:3]] == [
        (1, 1, 1),
        (1, 1, 2),
        (1, 2, 1),
    ]
    third = lines[2]
    assert third["output"] == HOSTILE and third["variables"] == {"language": "French"}
    assert third["variant_name"] == "temperature 0.8" and third["settings"]["temperature"] == 0.8
    assert ColumnMetrics.from_dict(third["metrics"]) == run.cells[CellKey(0, 1, 0)].metrics
    assert lines[3]["error"] == {
        "kind": ErrorKind.OVERLOADED.value,
        "message": "Overloaded <retry later>",
        "status": 529,
        "error_type": None,
        "request_id": "req_f",
    }
    assert lines[5]["output"] == FORMULA  # exact here: no spreadsheet guard
    assert lines[7]["status"] == "pending" and lines[7]["metrics"]["duration"] is None
    # The GUI's (translated) names win over the English ones.
    write_jsonl(path, run, names=["温度 0.2", "温度 0.8"])
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[0])["variant_name"] == "温度 0.2"


class ReportReader(HTMLParser):
    """What a browser would build: the elements' names, the images' sources, the text of each table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.images: list[dict[str, str | None]] = []
        self.tables: list[list[list[str]]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'


def test_the_html_report_embeds_the_charts_the_statistics_and_the_outputs_side_by_side(
    tmp_path: Path,
) -> None:
    run = make_run()
    path = tmp_path / "report.html"
    png = tiny_png()
    write_html(path, run, images={"Total time": SVG, "Cost & tokens": png})
    reader = ReportReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()

    # Self-contained: the charts are data: images, read back byte for byte; nothing else is fetched.
    sources = [image["src"] or "" for image in reader.images]
    assert [image["alt"] for image in reader.images] == ["Total time", "Cost & tokens"]
    assert sources[0].startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(sources[0].split(",", 1)[1]) == SVG
    assert base64.b64decode(sources[1].split(",", 1)[1]) == png and sources[1].startswith("data:image/png")
    # The model's HTML is text, not elements.
    assert "script" not in reader.tags
    assert len(reader.images) == 2
    assert HOSTILE.split(": ", 1)[1] in "".join(reader.text)

    statistics, per_row, *outputs = reader.tables
    assert statistics[0] == ["", "temperature 0.2", "temperature 0.8"]
    by_label = {}
    metric = ""
    for row in statistics[1:]:
        if len(row) == 1:
            metric = row[0]
        else:
            by_label[(metric, row[0])] = row[1:]
    summary = column_summaries(run)[0]["duration"]
    assert summary is not None
    assert by_label[("Total time (s)", "median")] == [f"{summary.median:.2f}", "3.00"]
    assert by_label[("Total time (s)", "min–max")] == ["1.00–3.00", "2.00–4.00"]
    assert by_label[("Total time (s)", "repeats")] == ["4", "2"]  # the failed and the pending one left out
    assert by_label[("Total time (s)", "within noise of temperature 0.2")] == ["", "≈"]
    assert statistics[-1] == ["distinct outputs per case", "2.0", "1.0"]  # "Bonjour !" is not "Bonjour!"

    assert per_row[0][0] == "Test case" and [row[0] for row in per_row[1:]] == ["french", "chinese"]

    # One table per case; a column per variant; each repeat in it.
    assert len(outputs) == 2
    french = outputs[0]
    assert french[0] == ["temperature 0.2", "temperature 0.8"]
    left, right = french[1]
    assert "Repeat 1" in left and "Bonjour !" in left and "Bonjour!" in left
    assert "Failed: Overloaded <retry later>" in right
    assert "Not run yet" in outputs[1][1][1]
    assert "你好" in outputs[1][1][0]


def test_the_report_takes_the_guis_words_and_refuses_an_unknown_image() -> None:
    run = make_run()
    words = ReportWords(title="评估网格", repeat="第 {n} 次", failed="失败")
    reader = ReportReader()
    reader.feed(html_report(run, words=words, names=["温度 0.2", "温度 0.8"]))
    text = "".join(reader.text)
    assert "评估网格: Hello run" in text and "第 2 次" in text and "失败: Overloaded" in text
    assert reader.tables[0][0] == ["", "温度 0.2", "温度 0.8"]
    with pytest.raises(ValueError):
        html_report(run, images={"chart": b"GIF89a"})
