"""What the store writes reads back the same; what an older or newer version wrote still reads."""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import codec
from core.model.conversation import ErrorKind, ReplyError, ReplyTiming
from core.model.messages import Usage
from core.model.pricing import ModelPrice
from core.model.profile import Profile
from core.model.request_settings import RequestSettings, ThinkingSettings
from core.model.tools import RunStatus
from tests.core.store_helpers import full_settings, relay_profile

FAST = settings(max_examples=40, deadline=None)

texts = st.text(max_size=12)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
counts = st.integers(min_value=0, max_value=10**9)
json_scalars = st.none() | st.booleans() | st.integers(-(10**6), 10**6) | finite | texts
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
json_objects = st.dictionaries(texts, json_values, max_size=4)


def through_json(value: Any) -> Any:
    """As the database holds it: JSON text."""
    return json.loads(codec.dumps(value))


thinking = st.builds(
    ThinkingSettings,
    mode=st.sampled_from(["enabled", "adaptive", "disabled"]),
    budget_tokens=st.none() | counts,
    display=st.sampled_from([None, "summarized", "omitted"]),
)
request_settings = st.builds(
    RequestSettings,
    model=texts,
    max_tokens=st.integers(min_value=0, max_value=10**6),
    system=st.none() | texts | st.lists(st.fixed_dictionaries({"type": st.just("text"), "text": texts})),
    temperature=st.none() | finite,
    top_p=st.none() | finite,
    top_k=st.none() | counts,
    stop_sequences=st.lists(texts, max_size=3),
    stream=st.booleans(),
    thinking=st.none() | thinking,
    effort=st.sampled_from([None, "low", "medium", "high", "xhigh", "max"]),
    output_schema=st.none() | json_objects,
    tools=st.lists(json_objects, max_size=3),
    tool_choice=st.none() | st.fixed_dictionaries({"type": st.sampled_from(["auto", "any", "none"])}),
    cache_control=st.none() | st.just({"type": "ephemeral", "ttl": "5m"}),
    metadata_user_id=st.none() | texts,
    service_tier=st.sampled_from([None, "auto", "standard_only"]),
    inference_geo=st.none() | texts,
    container=st.none() | texts,
    extra_json=json_objects,
    mcp_servers=st.none() | st.lists(texts, max_size=3),
)
prices = st.builds(ModelPrice, finite, finite, finite, finite, finite)
profiles = st.builds(
    Profile,
    name=texts,
    base_url=texts,
    auth_style=st.sampled_from(["x-api-key", "bearer"]),
    api_style=st.sampled_from(["anthropic", "openai"]),
    anthropic_version=texts,
    betas=st.lists(texts, max_size=3).map(tuple),
    proxy=st.none() | texts,
    price_overrides=st.dictionaries(texts, prices, max_size=3),
)
usages = st.builds(
    Usage,
    input_tokens=counts,
    output_tokens=counts,
    cache_creation_input_tokens=st.none() | counts,
    cache_read_input_tokens=st.none() | counts,
    cache_creation=st.none() | st.dictionaries(texts, counts, max_size=2),
    server_tool_use=st.none() | st.dictionaries(texts, counts, max_size=2),
    service_tier=st.none() | texts,
    inference_geo=st.none() | texts,
    output_tokens_details=st.none() | st.dictionaries(texts, counts, max_size=2),
)
errors = st.builds(
    ReplyError,
    kind=st.sampled_from(ErrorKind),
    message=texts,
    status=st.none() | st.integers(100, 599),
    error_type=st.none() | texts,
    request_id=st.none() | texts,
    retry_after=st.none() | finite,
)
timings = st.builds(ReplyTiming, st.none() | finite, st.none() | finite)


@FAST
@given(request_settings)
def test_request_settings_round_trip(value: RequestSettings) -> None:
    assert codec.settings_from_dict(through_json(codec.settings_to_dict(value))) == value


@FAST
@given(profiles)
def test_profiles_round_trip_as_dicts_and_as_rows(value: Profile) -> None:
    assert codec.profile_from_dict(through_json(codec.profile_to_dict(value))) == value
    assert codec.profile_from_row(codec.profile_to_row(value)) == value


@FAST
@given(usages)
def test_usage_round_trips(value: Usage) -> None:
    assert codec.usage_from_dict(through_json(codec.usage_to_dict(value))) == value


@FAST
@given(errors, timings)
def test_reply_errors_and_timings_round_trip(error: ReplyError, timing: ReplyTiming) -> None:
    assert codec.error_from_dict(through_json(codec.error_to_dict(error))) == error
    assert codec.timing_from_dict(through_json(codec.timing_to_dict(timing))) == timing


def test_every_settings_field_is_stored() -> None:
    """A field added to RequestSettings but forgotten here would silently reset on every restart."""
    stored = codec.settings_to_dict(full_settings())
    assert set(stored) == set(RequestSettings.__dataclass_fields__)
    assert codec.settings_from_dict(through_json(stored)) == full_settings()


def test_a_profile_has_no_key_to_store() -> None:
    stored = codec.profile_to_dict(relay_profile())
    assert set(stored) == set(Profile.__dataclass_fields__)
    assert not [name for name in stored if "key" in name or "secret" in name]


def test_unknown_keys_are_ignored() -> None:
    """A newer version may have written fields this one does not know."""
    stored = codec.settings_to_dict(full_settings()) | {"speculative_decoding": True}
    assert codec.settings_from_dict(stored) == full_settings()
    profile = codec.profile_to_dict(relay_profile()) | {"colour": "blue"}
    assert codec.profile_from_dict(profile) == relay_profile()
    assert codec.error_from_dict({"kind": "RateLimitError", "message": "slow down", "hint": 1}) == ReplyError(
        kind=ErrorKind.RATE_LIMIT, message="slow down"
    )


def test_an_error_kind_is_saved_as_its_class_name_and_an_unknown_one_reads_as_other() -> None:
    saved = codec.error_to_dict(ReplyError(kind=ErrorKind.TIMEOUT, message="late"))
    assert saved["kind"] == "ApiTimeoutError"  # what databases and exports have always held
    assert json.loads(json.dumps(saved))["kind"] == "ApiTimeoutError"
    assert codec.error_from_dict(saved).kind is ErrorKind.TIMEOUT
    assert codec.error_from_dict({"kind": "QuantumFluxError", "message": "?"}).kind is ErrorKind.OTHER
    assert codec.error_from_dict({"kind": 7, "message": "?"}).kind is ErrorKind.OTHER


def test_missing_keys_take_the_defaults() -> None:
    """An older version wrote fewer fields."""
    assert codec.settings_from_dict({"model": "claude-opus-4-1"}) == RequestSettings(model="claude-opus-4-1")
    assert codec.settings_from_dict({}) == RequestSettings(model="")
    assert codec.profile_from_dict({"name": "Old", "base_url": "https://x"}) == Profile(
        name="Old", base_url="https://x"
    )
    assert codec.usage_from_dict({}) == Usage()
    assert codec.timing_from_dict({}) == ReplyTiming()


def test_values_of_the_wrong_type_take_the_defaults() -> None:
    stored = {
        "model": 7,
        "max_tokens": "lots",
        "temperature": "warm",
        "top_k": True,
        "stop_sequences": ["ok", 3, None],
        "stream": "yes",
        "thinking": "on",
        "tools": {"not": "a list"},
        "tool_choice": ["auto"],
        "extra_json": [1, 2],
        "system": 12,
    }
    assert codec.settings_from_dict(stored) == RequestSettings(model="", stop_sequences=["ok"])
    assert codec.settings_from_dict({"thinking": {"budget_tokens": 10}}).thinking is None
    assert codec.usage_from_dict({"input_tokens": "12", "output_tokens": 5.5}) == Usage()


def test_an_integer_temperature_reads_as_a_float() -> None:
    assert codec.settings_from_dict({"model": "m", "temperature": 1}).temperature == 1.0


def test_a_price_with_a_missing_part_is_dropped_rather_than_half_applied() -> None:
    stored = codec.profile_to_dict(relay_profile())
    stored["price_overrides"]["claude-haiku-4-5"] = {"input": 1.0, "output": 5.0}
    stored["price_overrides"]["broken"] = "free"
    assert codec.profile_from_dict(stored).price_overrides == relay_profile().price_overrides


def test_unusable_auth_and_api_styles_fall_back_to_the_defaults() -> None:
    profile = codec.profile_from_dict({"name": "p", "base_url": "u", "auth_style": "basic", "api_style": 3})
    assert (profile.auth_style, profile.api_style) == ("x-api-key", "anthropic")


def test_broken_json_in_a_column_reads_as_empty() -> None:
    assert codec.loads_object("{not json") == {}
    assert codec.loads_object("[1]") == {}
    assert codec.loads_object(None) == {}
    assert codec.loads_list('{"a": 1}') == []
    assert codec.loads_list("") == []


def test_json_text_keeps_chinese_readable_and_compact() -> None:
    assert codec.dumps({"text": "你好"}) == '{"text":"你好"}'


def test_a_message_row_with_damaged_json_still_reads() -> None:
    row = {
        "id": 1, "conversation_id": 2, "parent_id": None, "role": "assistant", "status": "complete",
        "created_at": 5.0, "model": "m", "stop_reason": None, "stop_sequence": None, "cost_usd": None,
        "ttft": None, "duration": 1.5, "request_id": None, "usage_json": "{oops", "error_json": None,
        "warnings_json": '["cut", 3]', "tool_runs_json": '[{"tool": "t", "status": "??"}, 7]',
        "content_json": '[{"type": "text", "text": "hi"}]',
    }  # fmt: skip
    message = codec.message_from_row(row)
    assert message.usage is None
    assert message.timing == ReplyTiming(None, 1.5)
    assert message.warnings == ["cut"]
    assert message.content == [{"type": "text", "text": "hi"}]
    assert [(run.tool, run.status) for run in message.tool_runs] == [("t", RunStatus.DONE)]


def test_nan_infinity_and_huge_numbers_read_as_the_fields_default() -> None:
    """Python's json reads NaN and Infinity; a stored one is no temperature, price or time."""
    stored = json.loads('{"model": "m", "temperature": NaN, "top_p": Infinity, "max_tokens": 10}')
    settings = codec.settings_from_dict(stored)
    assert (settings.temperature, settings.top_p) == (None, None)
    price: dict[str, Any] = {"input": 1, "output": 2, "cache_write_5m": 3, "cache_write_1h": 4}
    assert codec.price_from_dict(json.loads(json.dumps({**price, "cache_read": float("-inf")}))) is None
    assert codec.price_from_dict({**price, "cache_read": 10**400}) is None
    assert codec.price_from_dict({**price, "cache_read": 0.5}) is not None


def test_an_errors_typed_detail_is_saved_and_read_back() -> None:
    from core.model.codec import error_from_dict, error_to_dict
    from core.model.conversation import ErrorKind, ReplyError
    from core.model.error_detail import DetailKind, ErrorDetail

    error = ReplyError(
        ErrorKind.CONNECTION, "Could not reach x", detail=ErrorDetail(DetailKind.REFUSED, "x:1")
    )
    assert error_from_dict(error_to_dict(error)) == error
    unknown = {**error_to_dict(error), "detail": {"kind": "from a newer version"}}
    assert error_from_dict(unknown).detail is None


def test_which_mcp_servers_a_conversation_offers_is_kept_all_none_or_a_few() -> None:
    for servers in (None, [], ["time", "git"]):
        stored = codec.settings_to_dict(RequestSettings(model="m", mcp_servers=servers))
        assert codec.settings_from_dict(through_json(stored)).mcp_servers == servers
    # Older settings have no such key: every enabled server, as before the choice existed.
    assert codec.settings_from_dict({"model": "m"}).mcp_servers is None
    assert codec.settings_from_dict({"model": "m", "mcp_servers": "time"}).mcp_servers is None
