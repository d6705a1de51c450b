"""GET /v1/models pages through the relay's nine models; count_tokens estimates."""

from __future__ import annotations

import httpx

from core.demo import FakeServer, HttpError, RawResponse
from tests.core.demo.helpers import messages_body

NINE_MODELS = {
    "claude-opus-4-6",
    "claude-sonnet-4-6",
    "claude-opus-4-5-20251101",
    "claude-sonnet-4-5-20250929",
    "claude-haiku-4-5-20251001",
    "claude-opus-4-1-20250805",
    "claude-opus-4-20250514",
    "claude-sonnet-4-20250514",
    "claude-haiku-3-5-20241022",
}


async def test_the_first_page_lists_all_nine_models_in_the_api_shape(client: httpx.AsyncClient) -> None:
    page = (await client.get("/v1/models")).json()

    assert {model["id"] for model in page["data"]} == NINE_MODELS
    assert page["has_more"] is False
    assert page["first_id"] == page["data"][0]["id"]
    assert page["last_id"] == page["data"][-1]["id"]
    opus = next(model for model in page["data"] if model["id"] == "claude-opus-4-6")
    assert opus["type"] == "model"
    assert opus["display_name"] == "Claude Opus 4.6"
    assert opus["created_at"].endswith("Z")
    assert opus["max_input_tokens"] == 1_000_000
    assert opus["max_tokens"] == 128_000


async def test_limit_and_after_id_page_through_the_list(client: httpx.AsyncClient) -> None:
    seen: list[str] = []
    query: dict[str, str | int] = {"limit": 4}
    pages = 0
    while True:
        page = (await client.get("/v1/models", params=query)).json()
        pages += 1
        seen += [model["id"] for model in page["data"]]
        if not page["has_more"]:
            break
        query = {"limit": 4, "after_id": page["last_id"]}

    assert pages == 3
    assert len(seen) == 9
    assert set(seen) == NINE_MODELS


async def test_before_id_pages_backwards(client: httpx.AsyncClient) -> None:
    everything = (await client.get("/v1/models")).json()["data"]

    page = (await client.get("/v1/models", params={"limit": 2, "before_id": everything[5]["id"]})).json()

    assert [model["id"] for model in page["data"]] == [everything[3]["id"], everything[4]["id"]]
    assert page["has_more"] is True


async def test_a_limit_out_of_range_gets_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/models", params={"limit": 0})

    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("limit:")


async def test_one_model_by_id_and_an_unknown_one(client: httpx.AsyncClient) -> None:
    known = await client.get("/v1/models/claude-haiku-4-5-20251001")
    unknown = await client.get("/v1/models/claude-imaginary")

    assert known.json()["display_name"] == "Claude Haiku 4.5"
    assert unknown.status_code == 404
    assert unknown.json()["error"] == {"type": "not_found_error", "message": "model: claude-imaginary"}


async def test_models_need_the_key(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/models", headers={"x-api-key": "sk-wrong"})

    assert response.status_code == 401


async def test_a_path_can_be_scripted_to_fail(server: FakeServer, client: httpx.AsyncClient) -> None:
    server.enqueue(HttpError(500, "Internal"), RawResponse.html_page(502), path="/v1/models")

    first = await client.get("/v1/models")
    second = await client.get("/v1/models")
    third = await client.get("/v1/models")

    assert first.status_code == 500
    assert first.json()["error"]["type"] == "api_error"
    assert second.status_code == 502
    assert "<html>" in second.text
    assert third.status_code == 200


async def test_count_tokens_estimates_about_four_characters_a_token(client: httpx.AsyncClient) -> None:
    short = messages_body("Hi")
    long = messages_body("word " * 400)
    del short["max_tokens"], long["max_tokens"]

    few = (await client.post("/v1/messages/count_tokens", json=short)).json()
    many = (await client.post("/v1/messages/count_tokens", json=long)).json()

    assert set(few) == {"input_tokens"}
    assert 1 <= few["input_tokens"] < 20
    assert 500 <= many["input_tokens"] <= 560


async def test_count_tokens_validates_like_messages(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/messages/count_tokens", json={"model": "claude-opus-4-6"})

    assert response.status_code == 400
    assert response.json()["error"]["message"] == "messages: Field required"
