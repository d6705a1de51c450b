"""Whether a tool call runs, is refused, or waits for the user: the approval policy, as pure functions.

Precedence (the first that says something decides):

1. The user's remembered rules, the narrowest first: a rule for this tool in this conversation, then for
   the whole server in this conversation, then for this tool everywhere, then for the whole server
   everywhere. A narrower rule is a later, more deliberate choice than a broad one ("always ask for git, but
   in this conversation let git_status run"), so it wins. At the same level a Deny beats an Ask, which
   beats an Allow: two rules that disagree never let a call through.
2. The default from the tool's annotations, believed only for a server the user trusts: a read-only tool
   (`readOnlyHint`) runs. Everything else asks: destructive and unannotated tools, and every tool of a
   server the user has not trusted (its annotations are shown as hints only; a server can say anything
   about itself).

An Ask rule is a real rule: it makes even a trusted read-only tool ask.
"""

from __future__ import annotations

from collections.abc import Iterable

from core.model.tools import ApprovalRule, Decision, Scope, ToolSpec

_STRICTNESS = {Decision.DENY: 0, Decision.ASK: 1, Decision.ALLOW: 2}


def decide(
    rules: Iterable[ApprovalRule], spec: ToolSpec, conversation_id: int | None, trusted: bool
) -> Decision:
    """ALLOW, DENY or ASK for one call of `spec` in the conversation (None: outside any conversation)."""
    rule = matching_rule(rules, spec, conversation_id)
    if rule is not None:
        return rule.decision
    return default_decision(spec, trusted)


def default_decision(spec: ToolSpec, trusted: bool) -> Decision:
    """What happens without a rule: a trusted server's read-only tool runs; anything else asks."""
    if trusted and spec.annotations.read_only is True:
        return Decision.ALLOW
    return Decision.ASK


def matching_rule(
    rules: Iterable[ApprovalRule], spec: ToolSpec, conversation_id: int | None
) -> ApprovalRule | None:
    """The rule that decides the call, by the precedence above; None when no rule applies."""
    best: tuple[int, int] | None = None
    found: ApprovalRule | None = None
    for rule in rules:
        level = _level(rule, spec, conversation_id)
        if level is None:
            continue
        rank = (level, _STRICTNESS[rule.decision])
        if best is None or rank < best:
            best, found = rank, rule
    return found


def _level(rule: ApprovalRule, spec: ToolSpec, conversation_id: int | None) -> int | None:
    """0 for the narrowest match (this tool, this conversation) to 3 (the server, everywhere)."""
    if rule.server != spec.server:
        return None
    if rule.tool is not None and rule.tool != spec.name:
        return None
    if rule.conversation_id is not None and rule.conversation_id != conversation_id:
        return None
    return (2 if rule.conversation_id is None else 0) + (1 if rule.tool is None else 0)


def rule_for_answer(
    spec: ToolSpec, decision: Decision, scope: Scope, conversation_id: int | None, now: float
) -> ApprovalRule | None:
    """The rule an answer to the prompt leaves behind: none for "this call", one for this tool in this
    conversation, or for this tool always. (A conversation answer outside any conversation is kept for
    this call only: there is nothing to remember it by.)"""
    if scope is Scope.ONCE or (scope is Scope.CONVERSATION and conversation_id is None):
        return None
    return ApprovalRule(
        server=spec.server,
        tool=spec.name,
        decision=decision,
        conversation_id=conversation_id if scope is Scope.CONVERSATION else None,
        created_at=now,
    )


DEFAULT_TOOL_LIMIT = 20
"""Tool calls one user turn may make before the loop stops and the user decides whether to go on."""
