"""The cost preview of a grid run, counted by the fake server's count_tokens and priced from the catalog."""

import pytest

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.input_count import InputCounter
from core.demo import FakeServer, HttpError
from core.demo.replies import estimate_input_tokens
from core.grid.cell_request import cell_messages, cell_settings
from core.grid.cost import cost_preview
from core.model.grid import GridVariant, MissingVariableError, TestCase, TestSet
from core.model.pricing import ModelPrice
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.model.send_preview import estimate_tokens

KEY = "sk-ant-grid-cost-1"
SONNET = (3.0, 15.0)
HAIKU = (1.0, 5.0)

TEST_SET = TestSet(
    1,
    "Translations",
    "Translate into {{language}}: {{text}}",
    (
        TestCase("French", {"language": "French", "text": "Good morning"}, expected="Bonjour"),
        TestCase("German", {"language": "German", "text": "Thank you very much"}),
        TestCase("Chinese", {"language": "Chinese", "text": "See you tomorrow"}, expected="明天见"),
    ),
    system="You are a careful translator.",
)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


def counter_for(*profiles: Profile) -> tuple[InputCounter, ClientPool]:
    pool = ClientPool(Keys(), list(profiles), retry=RetryPolicy(max_retries=0))
    return InputCounter(pool), pool


def count_bodies(server: FakeServer) -> list[dict]:
    return [request.body for request in server.requests if request.path == "/v1/messages/count_tokens"]


async def test_each_distinct_prompt_is_counted_once_and_priced_per_column() -> None:
    variants = (
        GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", max_tokens=500, temperature=0.2)),
        GridVariant("Relay", RequestSettings(model="claude-sonnet-4-6", max_tokens=500, temperature=0.8)),
        GridVariant("Relay", RequestSettings(model="claude-haiku-4-5", max_tokens=1000)),
    )
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Relay", server.base_url))
        preview = await cost_preview(TEST_SET, variants, 3, counter, pool.price_overrides)
        await pool.aclose()
        bodies = count_bodies(server)

    # The two temperature columns send the same input: 3 prompts for them, 3 for haiku.
    assert len(bodies) == 6
    assert all(body["system"] == "You are a careful translator." for body in bodies)
    sent = {body["messages"][0]["content"][0]["text"] for body in bodies}
    assert "Translate into German: Thank you very much" in sent
    per_model = {
        model: sum(estimate_input_tokens(body) for body in bodies if body["model"] == model)
        for model in ("claude-sonnet-4-6", "claude-haiku-4-5")
    }

    assert not preview.estimated and preview.unpriced_models == ()
    assert preview.requests == 27
    first, second, haiku = preview.variants
    assert first.input_tokens == second.input_tokens == per_model["claude-sonnet-4-6"] * 3
    assert haiku.input_tokens == per_model["claude-haiku-4-5"] * 3
    # Low: replies as long as the expected notes ("Bonjour" is 2 tokens, "明天见" 3); high: max_tokens each.
    assert first.output_tokens_low == (2 + 0 + 3) * 3
    assert (first.output_tokens_high, haiku.output_tokens_high) == (500 * 9, 1000 * 9)
    assert first.high_usd == pytest.approx((first.input_tokens * SONNET[0] + 4500 * SONNET[1]) / 1e6)
    assert haiku.low_usd == pytest.approx((haiku.input_tokens * HAIKU[0] + 15 * HAIKU[1]) / 1e6)
    assert preview.high_usd == pytest.approx(sum(item.high_usd or 0 for item in preview.variants))
    assert preview.low_usd < preview.high_usd
    # Through the Message Batches API the same run costs half.
    assert first.batch_high_usd == pytest.approx(first.high_usd / 2)
    assert (preview.batch_low_usd, preview.batch_high_usd) == pytest.approx(
        (preview.low_usd / 2, preview.high_usd / 2)
    )


async def test_a_provider_without_count_tokens_gets_a_local_estimate_marked_as_such() -> None:
    variants = (GridVariant("Relay", RequestSettings(model="claude-haiku-4-5", max_tokens=100)),)
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(HttpError(404, "Not Found"), path="/v1/messages/count_tokens")
        counter, pool = counter_for(Profile("Relay", server.base_url))
        preview = await cost_preview(TEST_SET, variants, 1, counter, pool.price_overrides)
        await pool.aclose()
        asked = len(count_bodies(server))
    assert asked == 1  # refused once: the other prompts are estimated without asking
    (column,) = preview.variants
    assert preview.estimated and column.estimated
    settings = cell_settings(TEST_SET, variants[0])
    assert column.input_tokens == sum(
        estimate_tokens(cell_messages(TEST_SET, case), settings) for case in TEST_SET.cases
    )


async def test_an_unknown_model_is_named_and_left_out_of_the_total_unless_the_profile_prices_it() -> None:
    variants = (
        GridVariant("Relay", RequestSettings(model="claude-haiku-4-5", max_tokens=100)),
        GridVariant("Local", RequestSettings(model="my-local-model", max_tokens=100)),
    )
    async with FakeServer(api_key=KEY) as server:
        local = Profile("Local", server.base_url, api_style="openai")
        counter, pool = counter_for(Profile("Relay", server.base_url), local)
        preview = await cost_preview(TEST_SET, variants, 2, counter, pool.price_overrides)
        assert preview.unpriced_models == ("my-local-model",)
        assert preview.variants[1].high_usd is None
        assert preview.high_usd == pytest.approx(preview.variants[0].high_usd or 0)
        assert preview.estimated  # the openai-style profile has no count_tokens

        priced = Profile(
            "Local",
            server.base_url,
            api_style="openai",
            price_overrides={"my-local-model": ModelPrice(2, 4, 0, 0, 0)},
        )
        pool.set_profiles([Profile("Relay", server.base_url), priced])
        preview = await cost_preview(TEST_SET, variants, 2, counter, pool.price_overrides)
        await pool.aclose()
    assert preview.unpriced_models == ()
    local_column = preview.variants[1]
    assert local_column.high_usd == pytest.approx((local_column.input_tokens * 2 + 100 * 6 * 4) / 1e6)


async def test_a_columns_own_system_prompt_is_the_one_counted() -> None:
    variants = (
        GridVariant("Relay", RequestSettings(model="claude-haiku-4-5", system="Answer in one word.")),
        GridVariant("Relay", RequestSettings(model="claude-haiku-4-5")),
    )
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Relay", server.base_url))
        await cost_preview(TEST_SET, variants, 1, counter, pool.price_overrides)
        await pool.aclose()
        systems = sorted({body["system"] for body in count_bodies(server)})
    assert systems == ["Answer in one word.", "You are a careful translator."]


async def test_a_case_added_from_a_transcript_counts_its_context() -> None:
    with_context = TestSet(
        2,
        "Follow-ups",
        "And {{what}}?",
        (
            TestCase(
                "weather",
                {"what": "tomorrow"},
                context=(
                    {"role": "user", "content": "What is the weather today?"},
                    {"role": "assistant", "content": [{"type": "text", "text": "Sunny."}]},
                ),
            ),
        ),
    )
    variants = (GridVariant("Relay", RequestSettings(model="claude-haiku-4-5")),)
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Relay", server.base_url))
        preview = await cost_preview(with_context, variants, 1, counter, pool.price_overrides)
        await pool.aclose()
        (body,) = count_bodies(server)
    assert [message["role"] for message in body["messages"]] == ["user", "assistant", "user"]
    assert body["messages"][2]["content"] == [{"type": "text", "text": "And tomorrow?"}]
    assert preview.variants[0].input_tokens == estimate_input_tokens(body)


def test_a_context_ending_with_the_users_turn_takes_the_prompt_into_it() -> None:
    case = TestCase("x", {"q": "two"}, context=({"role": "user", "content": "one"},))
    messages = cell_messages(TestSet(None, "s", "{{q}}", (case,)), case)
    assert len(messages) == 1
    assert messages[0].content == [{"type": "text", "text": "one"}, {"type": "text", "text": "two"}]


async def test_a_case_missing_a_variable_is_refused_before_anything_is_counted() -> None:
    broken = TestSet(3, "broken", "{{a}} and {{b}}", (TestCase("only a", {"a": "1"}),))
    variants = (GridVariant("Relay", RequestSettings(model="claude-haiku-4-5")),)
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Relay", server.base_url))
        with pytest.raises(MissingVariableError) as raised:
            await cost_preview(broken, variants, 1, counter, pool.price_overrides)
        await pool.aclose()
        assert count_bodies(server) == []
    assert (raised.value.case, raised.value.variable) == ("only a", "b")
