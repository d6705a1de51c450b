"""MCP tool settings in the store: the configured servers (without secrets), the remembered approval rules,
and the tool-loop preferences."""

from __future__ import annotations

import sqlite3

from core.model.codec import dumps, loads_object
from core.model.tool_policy import DEFAULT_TOOL_LIMIT
from core.model.tools import ApprovalRule, Decision, ServerConfig
from core.model.tools_codec import server_from_dict, server_to_dict
from core.store.db import StoreBase
from core.store.errors import NameTakenError

_LIMIT_KEY = "tool_limit"


class ToolSettingsMethods(StoreBase):
    """Part of `core.store.repository.Store`."""

    # -- servers -----------------------------------------------------------------------------------------

    def list_mcp_servers(self) -> list[ServerConfig]:
        """In the order the user added them."""
        rows = self._db.execute("SELECT config_json FROM mcp_servers ORDER BY position, name")
        return [server_from_dict(loads_object(row["config_json"])) for row in rows]

    def save_mcp_server(self, config: ServerConfig, old_name: str | None = None) -> None:
        """Insert or update a server (its secret values are not written); with `old_name`, rename it, and
        the rules remembered for it follow. NameTakenError if another server has the name."""
        name = config.name.strip()
        if not name:
            raise ValueError("A server needs a name.")
        current = old_name if old_name is not None else name
        config_json = dumps(server_to_dict(config))
        with self._transaction():
            if current != name and self._server_exists(name):
                raise NameTakenError(f"A server named {name!r} already exists.", path=self.path)
            cursor = self._db.execute(
                "UPDATE mcp_servers SET name = ?, config_json = ? WHERE name = ?",
                (name, config_json, current),
            )
            if cursor.rowcount == 0:
                if self._server_exists(name):
                    raise NameTakenError(f"A server named {name!r} already exists.", path=self.path)
                self._db.execute(
                    "INSERT INTO mcp_servers (name, position, config_json) VALUES "
                    "(?, (SELECT coalesce(max(position) + 1, 0) FROM mcp_servers), ?)",
                    (name, config_json),
                )
            elif current != name:
                self._db.execute("UPDATE tool_rules SET server = ? WHERE server = ?", (name, current))

    def delete_mcp_server(self, name: str) -> None:
        """The server and the rules remembered for it."""
        with self._transaction():
            self._db.execute("DELETE FROM mcp_servers WHERE name = ?", (name,))
            self._db.execute("DELETE FROM tool_rules WHERE server = ?", (name,))

    def _server_exists(self, name: str) -> bool:
        return self._db.execute("SELECT 1 FROM mcp_servers WHERE name = ?", (name,)).fetchone() is not None

    # -- approval rules ----------------------------------------------------------------------------------

    def tool_rules(self) -> list[ApprovalRule]:
        """Every remembered rule: by server, then tool (server-wide first), then conversation (always
        first)."""
        rows = self._db.execute(
            "SELECT server, tool, decision, conversation_id, created_at FROM tool_rules "
            "ORDER BY casefold(server), tool IS NOT NULL, casefold(tool), conversation_id IS NOT NULL, "
            "conversation_id, id"
        )
        return [rule for row in rows if (rule := _rule(row)) is not None]

    def add_tool_rule(self, rule: ApprovalRule) -> None:
        """Remember the rule; it replaces the one for the same server, tool and conversation."""
        with self._transaction():
            self._delete_rule(rule)
            self._db.execute(
                "INSERT INTO tool_rules (server, tool, conversation_id, decision, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (rule.server, rule.tool, rule.conversation_id, rule.decision.value, rule.created_at),
            )

    def revoke_tool_rule(self, rule: ApprovalRule) -> None:
        """Forget the rule for the rule's server, tool and conversation (whatever it decided)."""
        self._delete_rule(rule)

    def _delete_rule(self, rule: ApprovalRule) -> None:
        self._db.execute(
            "DELETE FROM tool_rules WHERE server = ? AND tool IS ? AND conversation_id IS ?",
            (rule.server, rule.tool, rule.conversation_id),
        )

    # -- preferences -------------------------------------------------------------------------------------

    def tool_limit(self) -> int:
        """Tool calls one user turn may make (default 20)."""
        row = self._db.execute(
            "SELECT value_json FROM tool_preferences WHERE name = ?", (_LIMIT_KEY,)
        ).fetchone()
        value = loads_object(row["value_json"]).get("value") if row is not None else None
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        return DEFAULT_TOOL_LIMIT

    def set_tool_limit(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("The tool-call limit must be at least 1.")
        self._db.execute(
            "INSERT INTO tool_preferences (name, value_json) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value_json = excluded.value_json",
            (_LIMIT_KEY, dumps({"value": limit})),
        )


def _rule(row: sqlite3.Row) -> ApprovalRule | None:
    try:
        decision = Decision(row["decision"])
    except ValueError:
        return None
    return ApprovalRule(
        server=row["server"],
        tool=row["tool"],
        decision=decision,
        conversation_id=row["conversation_id"],
        created_at=row["created_at"],
    )
