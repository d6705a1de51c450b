"""The words for MCP servers and tools: each state, problem, annotation and rule of core.model.tools said in
the user's language. Core returns the enums; only here are they worded."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from core.model.tools import Decision, ServerProblem, ServerState, ServerStatus, ToolAnnotations, Transport


class ToolWords(QObject):
    """The plurals: lupdate reads a plural (%n) from `tr` only, not from `QCoreApplication.translate`."""

    def ready(self, count: int) -> str:
        return self.tr("Ready, %n tool(s)", "", count)


def transport_text(transport: Transport) -> str:
    texts: dict[Transport, str] = {
        "stdio": QCoreApplication.translate("ToolWords", "Local command (stdio)"),
        "http": QCoreApplication.translate("ToolWords", "Streamable HTTP"),
        "sse": QCoreApplication.translate("ToolWords", "HTTP with SSE (legacy)"),
    }
    return texts[transport]


def problem_text(problem: ServerProblem) -> str:
    """Why a server is not ready, as one plain sentence."""
    texts = {
        ServerProblem.COMMAND_NOT_FOUND: QCoreApplication.translate(
            "ToolWords", "The command was not found. Check its name, or give its full path."
        ),
        ServerProblem.EXITED_AT_START: QCoreApplication.translate(
            "ToolWords", "The server exited while starting."
        ),
        ServerProblem.CRASHED: QCoreApplication.translate("ToolWords", "The server stopped unexpectedly."),
        ServerProblem.NOT_REACHABLE: QCoreApplication.translate(
            "ToolWords", "The server could not be reached at this address."
        ),
        ServerProblem.UNAUTHORIZED: QCoreApplication.translate(
            "ToolWords", "The server refused the credentials (401). Check the headers."
        ),
        ServerProblem.STREAM_CUT: QCoreApplication.translate("ToolWords", "The server cut the connection."),
        ServerProblem.PROTOCOL_ERROR: QCoreApplication.translate(
            "ToolWords", "The server did not speak MCP as expected."
        ),
        ServerProblem.START_TIMED_OUT: QCoreApplication.translate(
            "ToolWords", "The server did not become ready in time."
        ),
        ServerProblem.SECRET_MISSING: QCoreApplication.translate(
            "ToolWords", "A secret value is missing from the keyring. Enter it again."
        ),
        ServerProblem.INVALID_CONFIG: QCoreApplication.translate(
            "ToolWords", "The server's settings are incomplete or invalid."
        ),
    }
    return texts[problem]


def state_text(status: ServerStatus) -> str:
    """One line: ready with its tool count, failed with the reason, starting…"""
    if status.state is ServerState.READY:
        return ToolWords().ready(status.tool_count)
    if status.state is ServerState.FAILED:
        reason = (
            problem_text(status.problem)
            if status.problem
            else QCoreApplication.translate("ToolWords", "The server failed.")
        )
        return QCoreApplication.translate("ToolWords", "Failed: {reason}").format(reason=reason)
    texts = {
        ServerState.DISABLED: QCoreApplication.translate("ToolWords", "Disabled"),
        ServerState.STARTING: QCoreApplication.translate("ToolWords", "Starting…"),
        ServerState.RESTARTING: QCoreApplication.translate("ToolWords", "Restarting…"),
    }
    return texts[status.state]


def state_symbol(state: ServerState | None) -> str:
    """A mark before a server's name in the list: ✓ ready, ✗ failed, … starting, – disabled."""
    marks = {
        ServerState.READY: "✓",
        ServerState.FAILED: "✗",
        ServerState.STARTING: "…",
        ServerState.RESTARTING: "…",
        ServerState.DISABLED: "–",
    }
    return marks.get(state, "·") if state is not None else "·"


def annotation_texts(annotations: ToolAnnotations) -> list[str]:
    """What the server says about a tool, one phrase per hint it gave."""
    found: list[str] = []
    if annotations.read_only is True:
        found.append(QCoreApplication.translate("ToolWords", "read-only"))
    elif annotations.read_only is False:
        found.append(QCoreApplication.translate("ToolWords", "may change things"))
    if annotations.destructive is True:
        found.append(QCoreApplication.translate("ToolWords", "destructive"))
    elif annotations.destructive is False:
        found.append(QCoreApplication.translate("ToolWords", "not destructive"))
    if annotations.idempotent is True:
        found.append(QCoreApplication.translate("ToolWords", "idempotent"))
    if annotations.open_world is True:
        found.append(QCoreApplication.translate("ToolWords", "reaches the outside world"))
    elif annotations.open_world is False:
        found.append(QCoreApplication.translate("ToolWords", "closed world"))
    return found


def decision_text(decision: Decision) -> str:
    texts = {
        Decision.ALLOW: QCoreApplication.translate("ToolWords", "Allow"),
        Decision.DENY: QCoreApplication.translate("ToolWords", "Deny"),
        Decision.ASK: QCoreApplication.translate("ToolWords", "Ask"),
    }
    return texts[decision]
