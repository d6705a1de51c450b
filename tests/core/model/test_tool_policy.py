"""The approval policy: remembered rules by precedence, then defaults from annotations of trusted servers."""

from core.model.tool_policy import decide, default_decision, matching_rule, rule_for_answer
from core.model.tools import ApprovalRule, Decision, Scope, ToolAnnotations, ToolSpec

READ_ONLY = ToolSpec("git", "git_status", "git_status", annotations=ToolAnnotations(read_only=True))
DESTRUCTIVE = ToolSpec(
    "git", "git_reset", "git_reset", annotations=ToolAnnotations(read_only=False, destructive=True)
)
UNANNOTATED = ToolSpec("time", "get_current_time", "get_current_time")


def test_a_trusted_servers_read_only_tool_runs_and_the_rest_ask() -> None:
    assert decide([], READ_ONLY, 1, trusted=True) is Decision.ALLOW
    assert decide([], DESTRUCTIVE, 1, trusted=True) is Decision.ASK
    assert decide([], UNANNOTATED, 1, trusted=True) is Decision.ASK


def test_an_untrusted_servers_annotations_are_hints_only() -> None:
    assert default_decision(READ_ONLY, trusted=False) is Decision.ASK


def test_a_rule_for_this_conversation_holds_there_only() -> None:
    rules = [ApprovalRule("time", "get_current_time", Decision.ALLOW, conversation_id=7)]
    assert decide(rules, UNANNOTATED, 7, trusted=False) is Decision.ALLOW
    assert decide(rules, UNANNOTATED, 8, trusted=False) is Decision.ASK
    assert decide(rules, UNANNOTATED, None, trusted=False) is Decision.ASK


def test_the_narrowest_rule_wins() -> None:
    server_always = ApprovalRule("git", None, Decision.ASK)
    tool_always = ApprovalRule("git", "git_reset", Decision.DENY)
    server_here = ApprovalRule("git", None, Decision.ALLOW, conversation_id=3)
    tool_here = ApprovalRule("git", "git_reset", Decision.ASK, conversation_id=3)
    everything = [server_always, tool_always, server_here, tool_here]
    assert matching_rule(everything, DESTRUCTIVE, 3) == tool_here
    assert matching_rule([server_always, tool_always, server_here], DESTRUCTIVE, 3) == server_here
    assert matching_rule([server_always, tool_always], DESTRUCTIVE, 3) == tool_always
    assert matching_rule([server_always], DESTRUCTIVE, 3) == server_always
    # A rule for another tool of the server, or another server, says nothing.
    assert matching_rule([ApprovalRule("git", "git_log", Decision.DENY)], DESTRUCTIVE, 3) is None
    assert matching_rule([ApprovalRule("time", None, Decision.DENY)], DESTRUCTIVE, 3) is None


def test_an_ask_rule_makes_even_a_trusted_read_only_tool_ask() -> None:
    assert decide([ApprovalRule("git", None, Decision.ASK)], READ_ONLY, 1, trusted=True) is Decision.ASK


def test_disagreeing_rules_at_one_level_never_let_a_call_through() -> None:
    allow = ApprovalRule("git", "git_reset", Decision.ALLOW)
    deny = ApprovalRule("git", "git_reset", Decision.DENY)
    assert decide([allow, deny], DESTRUCTIVE, None, trusted=True) is Decision.DENY
    assert decide([deny, allow], DESTRUCTIVE, None, trusted=True) is Decision.DENY


def test_an_answer_is_remembered_for_its_scope() -> None:
    assert rule_for_answer(UNANNOTATED, Decision.ALLOW, Scope.ONCE, 4, 10.0) is None
    assert rule_for_answer(UNANNOTATED, Decision.ALLOW, Scope.CONVERSATION, 4, 10.0) == ApprovalRule(
        "time", "get_current_time", Decision.ALLOW, conversation_id=4, created_at=10.0
    )
    assert rule_for_answer(UNANNOTATED, Decision.DENY, Scope.ALWAYS, 4, 10.0) == ApprovalRule(
        "time", "get_current_time", Decision.DENY, conversation_id=None, created_at=10.0
    )
    assert rule_for_answer(UNANNOTATED, Decision.ALLOW, Scope.CONVERSATION, None, 10.0) is None
