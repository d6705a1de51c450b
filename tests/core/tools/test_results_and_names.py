"""MCP content as the model receives it (built from the SDK's own types), and the names tools go by."""

from __future__ import annotations

import mcp_types

from core.model.tools import TOOL_NAME, RunProblem
from core.tools.naming import exposed_names
from core.tools.results import MAX_IMAGE_BASE64, outcome_from_result

PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC"


def test_every_kind_of_mcp_content_becomes_a_block_the_api_takes():
    result = mcp_types.CallToolResult(
        content=[
            mcp_types.TextContent(type="text", text="plain"),
            mcp_types.ImageContent(type="image", data=PNG, mime_type="image/png"),
            mcp_types.ImageContent(type="image", data=PNG, mime_type="image/tiff"),
            mcp_types.ImageContent(type="image", data="A" * (MAX_IMAGE_BASE64 + 4), mime_type="image/png"),
            mcp_types.AudioContent(type="audio", data="AAAA", mime_type="audio/wav"),
            mcp_types.ResourceLink(type="resource_link", uri="file:///tmp/report.txt", name="report"),
            mcp_types.EmbeddedResource(
                type="resource",
                resource=mcp_types.TextResourceContents(
                    uri="file:///a.txt", text="inside", mime_type="text/plain"
                ),
            ),
            mcp_types.EmbeddedResource(
                type="resource",
                resource=mcp_types.BlobResourceContents(uri="file:///b.png", blob=PNG, mime_type="image/png"),
            ),
            mcp_types.EmbeddedResource(
                type="resource",
                resource=mcp_types.BlobResourceContents(
                    uri="file:///c.bin", blob="AAAA", mime_type="application/zip"
                ),
            ),
        ]
    )
    outcome = outcome_from_result(result)
    assert outcome.problem is None and not outcome.is_error
    kinds = [block["type"] for block in outcome.content]
    assert kinds == ["text", "image", "text", "text", "text", "text", "text", "image", "text"]
    texts = [str(dict(block).get("text", "")) for block in outcome.content]
    assert "image/tiff" in texts[2] and "too large" in texts[3] and "audio/wav" in texts[4]
    assert texts[5] == "[Resource: report <file:///tmp/report.txt>]"
    assert texts[6] == "[Resource file:///a.txt]\ninside"
    assert "application/zip" in texts[8]


def test_structured_content_alone_is_sent_as_json_text_and_kept_as_is():
    result = mcp_types.CallToolResult(content=[], structured_content={"temperature": 4.5})
    outcome = outcome_from_result(result)
    assert outcome.structured == {"temperature": 4.5}
    assert outcome.content == ({"type": "text", "text": '{\n  "temperature": 4.5\n}'},)


def test_a_long_result_is_cut_with_a_note_and_an_error_result_is_a_tool_error():
    outcome = outcome_from_result(
        mcp_types.CallToolResult(content=[mcp_types.TextContent(type="text", text="z" * 50)]), limit=10
    )
    assert outcome.truncated_from == 50
    assert outcome.content[0] == {"type": "text", "text": "z" * 10}
    assert "50 characters" in str(dict(outcome.content[1])["text"])
    failed = outcome_from_result(
        mcp_types.CallToolResult(
            content=[mcp_types.TextContent(type="text", text="no such city")], is_error=True
        )
    )
    assert failed.is_error and failed.problem is RunProblem.TOOL_ERROR and failed.detail == "no such city"


def test_exposed_names_fit_the_api_and_duplicates_are_prefixed():
    names = exposed_names(
        [
            ("files", "read"),
            ("git", "read"),
            ("git", "log.show"),
            ("web search", "fetch"),
            ("a", "x" * 200),
            ("web-search", "fetch"),
        ]
    )
    assert names[:3] == ["files__read", "git__read", "log_show"]
    assert names[3] == "web_search__fetch" and names[5] != names[3]
    assert len(names[4]) == 128
    assert all(TOOL_NAME.match(name) for name in names) and len(set(names)) == len(names)
