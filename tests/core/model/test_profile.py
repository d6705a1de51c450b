"""Provider profiles: endpoint URLs whatever the user typed, and the auth headers of each style."""

import pytest

from core.model.profile import Profile


@pytest.mark.parametrize(
    "base_url",
    [
        "https://relay.example",
        "https://relay.example/",
        "https://relay.example/v1",
        " https://relay.example/v1/ ",
    ],
)
def test_base_url_with_or_without_v1(base_url: str) -> None:
    assert Profile("p", base_url).url("messages") == "https://relay.example/v1/messages"


def test_a_relay_under_a_path_keeps_its_path() -> None:
    assert Profile("p", "https://host/api/claude").url("/models") == "https://host/api/claude/v1/models"


def test_x_api_key_style_headers() -> None:
    headers = Profile("p", "https://h").headers("sk-1")
    assert headers == {
        "content-type": "application/json",
        "anthropic-version": "2023-06-01",
        "x-api-key": "sk-1",
    }


def test_bearer_style_with_betas_and_another_version() -> None:
    profile = Profile("p", "https://h", auth_style="bearer", anthropic_version="2024-01-01", betas=("a", "b"))
    headers = profile.headers("sk-2")
    assert headers["authorization"] == "Bearer sk-2"
    assert "x-api-key" not in headers
    assert headers["anthropic-beta"] == "a,b" and headers["anthropic-version"] == "2024-01-01"
