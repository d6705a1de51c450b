"""Counting the next request's input: the provider's count_tokens where it answers, an estimate otherwise."""

from core.api.pool import ClientPool
from core.api.retry import RetryPolicy
from core.chat.input_count import InputCounter
from core.demo import FakeServer, HttpError
from core.demo.replies import estimate_input_tokens
from core.model.messages import ChatMessage
from core.model.profile import Profile
from core.model.request_settings import RequestSettings
from core.model.send_preview import estimate_tokens

KEY = "sk-ant-count-test-1"
MESSAGES = [ChatMessage.user_text("How many tokens is this sentence, roughly speaking?")]
SETTINGS = RequestSettings(model="claude-haiku-4-5", max_tokens=1024)


class Keys:
    def get(self, profile_name: str) -> str | None:
        return KEY


def counter_for(*profiles: Profile) -> tuple[InputCounter, ClientPool]:
    pool = ClientPool(Keys(), list(profiles), retry=RetryPolicy(max_retries=0))
    return InputCounter(pool), pool


def count_requests(server: FakeServer) -> int:
    return sum(request.path == "/v1/messages/count_tokens" for request in server.requests)


async def test_the_providers_count_is_exact_and_priced() -> None:
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Relay", server.base_url))
        preview = await counter.count("Relay", MESSAGES, SETTINGS)
        await pool.aclose()
        body = server.requests[-1].body
    assert (preview.tokens, preview.exact) == (estimate_input_tokens(body), True)
    assert body["messages"] == [
        {"role": "user", "content": [{"type": "text", "text": MESSAGES[0].content[0]["text"]}]}
    ]
    assert preview.context_window == 200_000
    assert preview.input_cost_usd == preview.tokens / 1_000_000


async def test_a_provider_without_count_tokens_gets_an_estimate_and_is_not_asked_again() -> None:
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(HttpError(404, "Not Found"), path="/v1/messages/count_tokens")
        counter, pool = counter_for(Profile("Relay", server.base_url))
        first = await counter.count("Relay", MESSAGES, SETTINGS)
        second = await counter.count("Relay", MESSAGES, SETTINGS)
        await pool.aclose()
        asked = count_requests(server)
    assert (first.exact, second.exact) == (False, False)
    assert first.tokens == estimate_tokens(MESSAGES, SETTINGS)
    assert asked == 1


async def test_a_passing_failure_gives_an_estimate_and_the_next_count_asks_again() -> None:
    async with FakeServer(api_key=KEY) as server:
        server.enqueue(HttpError(529, "Overloaded"), path="/v1/messages/count_tokens")
        counter, pool = counter_for(Profile("Relay", server.base_url))
        assert not (await counter.count("Relay", MESSAGES, SETTINGS)).exact
        assert (await counter.count("Relay", MESSAGES, SETTINGS)).exact
        await pool.aclose()


async def test_an_openai_style_profile_is_estimated_without_a_request() -> None:
    async with FakeServer(api_key=KEY) as server:
        counter, pool = counter_for(Profile("Compat", server.base_url, api_style="openai"))
        preview = await counter.count("Compat", MESSAGES, SETTINGS)
        await pool.aclose()
        asked = count_requests(server)
    assert not preview.exact and asked == 0


async def test_a_profile_that_is_gone_gets_an_estimate() -> None:
    counter, pool = counter_for()
    preview = await counter.count("Gone", MESSAGES, SETTINGS)
    assert not preview.exact and preview.tokens == estimate_tokens(MESSAGES, SETTINGS)
    await pool.aclose()
