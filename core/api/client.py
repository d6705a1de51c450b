"""The HTTP side of talking to the API: one httpx client per profile, retries, redirects, typed errors.

`ApiClient.stream()` and `ApiClient.send()` are what the app calls; reading a stream is `core.api.reply`'s
job.
"""

from __future__ import annotations

import asyncio
import dataclasses
import ipaddress
import json
import logging
import socket
import ssl
from collections.abc import Callable
from typing import Any, Literal
from urllib.parse import unquote

import httpx

from core.api.reply import MessageStream, ReplyResult, run_reply
from core.api.retry import RetryPolicy, is_retryable, parse_retry_after
from core.model.messages import ChatMessage
from core.model.profile import Profile, split_userinfo, userinfo_secrets
from core.model.request_settings import RequestSettings
from core.wire.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    ProxySettingError,
    RedirectRefusedError,
    UnsendableSettingError,
    status_error,
    without_secret,
)
from core.wire.exchange import ExchangeCapture
from core.wire.messages_request import build_count_tokens_body, build_messages_body
from core.wire.models_list import DiscoveredModel, parse_models_page
from core.wire.openai.compat import build_chat_completions_body
from core.wire.validation import ensure_valid

# httpcore traces a SOCKS handshake at DEBUG with the proxy's user and password: never log that.
logging.getLogger("httpcore.socks").setLevel(logging.INFO)

DEFAULT_TIMEOUT = httpx.Timeout(600.0, connect=5.0)
_MAX_REDIRECTS = 3
_MAX_MODEL_PAGES = 20

RetryNotice = Callable[[ApiError, float, int], None]
"""Called before waiting to retry: (the error, seconds to wait, retry number from 1)."""


class ApiClient:
    """Talks to one provider profile. The key is held in memory and sent only to the profile's host."""

    def __init__(
        self,
        profile: Profile,
        api_key: str,
        *,
        http_client: httpx.AsyncClient | None = None,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self._api_key = api_key
        # The base URL's and the proxy's `user:password` (put back by the pool from the keyring) are secrets
        # like the key: taken out of every error and of the recorded exchange. The base URL's go as Basic
        # auth on each request, never in the URL itself (httpx logs request URLs).
        bare_url, self._url_userinfo = split_userinfo(profile.base_url)
        bare_proxy, proxy_userinfo = split_userinfo(profile.proxy or "")
        self._credentials = tuple(userinfo_secrets(self._url_userinfo) + userinfo_secrets(proxy_userinfo))
        self._auth = basic_auth_of(self._url_userinfo)
        self.retry = retry or RetryPolicy()
        self._owns_http = http_client is None
        self._http = http_client or http_client_for(profile, timeout)
        self.profile = dataclasses.replace(profile, base_url=bare_url, proxy=bare_proxy or None)
        """The profile without credentials."""

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def stream(
        self,
        messages: list[ChatMessage],
        settings: RequestSettings,
        *,
        on_retry: RetryNotice | None = None,
    ) -> MessageStream:
        """An async context manager that sends the request and iterates over what each event changed.

        Raises RequestValidationError, before anything is sent, when the settings cannot be valid.
        """
        validation_warnings = [issue.message for issue in ensure_valid(messages, settings)]
        path, body, warnings = self.request_for(messages, settings)
        warnings = validation_warnings + warnings

        capture = ExchangeCapture()

        async def open_response() -> httpx.Response:
            return await self.open(path, body, on_retry=on_retry, capture=capture)

        return MessageStream(
            open_response,
            api_style=self.profile.api_style,
            warnings=warnings,
            capture=capture,
            secret=self._api_key,
        )

    async def send(
        self,
        messages: list[ChatMessage],
        settings: RequestSettings,
        *,
        on_update: Callable[[Any], None] | None = None,
        on_retry: RetryNotice | None = None,
    ) -> ReplyResult:
        """Send and read the whole reply. API trouble does not raise: the result carries the error.
        Invalid settings raise RequestValidationError before anything is sent."""
        return await run_reply(self.stream(messages, settings, on_retry=on_retry), on_update)

    def request_for(
        self, messages: list[ChatMessage], settings: RequestSettings
    ) -> tuple[str, dict[str, Any], list[str]]:
        """(path, JSON body, warnings about settings the API style cannot carry)."""
        return request_for(self.profile, messages, settings)

    async def list_models(self) -> list[DiscoveredModel]:
        """Every model the provider lists, following pagination."""
        models: list[DiscoveredModel] = []
        after_id: str | None = None
        for _ in range(_MAX_MODEL_PAGES):
            params = {"limit": "1000"} | ({"after_id": after_id} if after_id else {})
            response = await self.open("models", None, params=params)
            page = parse_models_page(_json_of(await _read_and_close(response), self._api_key))
            models.extend(page.models)
            if not page.has_more or not page.last_id:
                break
            after_id = page.last_id
        return models

    async def count_tokens(self, messages: list[ChatMessage], settings: RequestSettings) -> int:
        body = build_count_tokens_body(messages, settings)
        response = await self.open("messages/count_tokens", body)
        return int(_json_of(await _read_and_close(response), self._api_key).get("input_tokens", 0))

    async def open(
        self,
        path: str,
        body: dict[str, Any] | None,
        *,
        params: dict[str, str] | None = None,
        on_retry: RetryNotice | None = None,
        capture: ExchangeCapture | None = None,
    ) -> httpx.Response:
        """Send a request and return the successful response, unread; retry what is safe to retry."""
        retries_made = 0
        while True:
            try:
                return await self._open_once(path, body, params, capture)
            except ApiError as error:
                without_secret(error, self._api_key, *self._credentials)
                if retries_made >= self.retry.max_retries or not is_retryable(error):
                    raise
                retry_after = error.retry_after if isinstance(error, ApiStatusError) else None
                wait = self.retry.delay(retries_made, retry_after)
                retries_made += 1
                if on_retry is not None:
                    on_retry(error, wait, retries_made)
                await asyncio.sleep(wait)

    async def _open_once(
        self,
        path: str,
        body: dict[str, Any] | None,
        params: dict[str, str] | None,
        capture: ExchangeCapture | None = None,
    ) -> httpx.Response:
        try:
            url = httpx.URL(self.profile.url(path), params=params)
        except httpx.InvalidURL as exc:
            raise UnsendableSettingError(f"The base URL cannot be used: {exc}") from exc
        for _ in range(_MAX_REDIRECTS + 1):
            response = await self._send(url, body, capture)
            if not response.is_redirect:
                return await _checked(response, capture)
            await response.aclose()
            url = self._same_host_redirect(response)
        raise ApiConnectionError(f"The server at {url.host} redirected more than {_MAX_REDIRECTS} times.")

    async def _send(
        self, url: httpx.URL, body: dict[str, Any] | None, capture: ExchangeCapture | None = None
    ) -> httpx.Response:
        method = "GET" if body is None else "POST"
        try:
            request = self._http.build_request(
                method, url, headers=self.profile.headers(self._api_key), json=body
            )
        except UnicodeEncodeError as exc:
            # Header values must be ASCII; the key is checked before a client is made, so this is another
            # setting (anthropic-version, beta names). The value is not quoted: it might be the key.
            raise UnsendableSettingError(
                "A header of the profile (anthropic-version or the beta names) has a character that is not "
                "plain ASCII, which HTTP headers cannot carry."
            ) from exc
        if capture is not None:
            capture.request_sent(
                request, self._api_key, url_userinfo=self._url_userinfo, secrets=self._credentials
            )
        try:
            response = await self._http.send(request, stream=True, auth=self._auth)
            if capture is not None:
                capture.response_received(response)
            return response
        except httpx.TimeoutException as exc:
            raise ApiTimeoutError(describe_transport_error(exc, url)) from exc
        except httpx.TransportError as exc:
            raise ApiConnectionError(describe_transport_error(exc, url)) from exc

    def _same_host_redirect(self, response: httpx.Response) -> httpx.URL:
        target = response.url.join(response.headers.get("location", ""))
        origin = response.url
        downgrade = origin.scheme == "https" and target.scheme != "https"
        if target.host != origin.host or target.port != origin.port or downgrade:
            raise RedirectRefusedError(
                f"The server at {origin.host} redirected to {target.host or target}. Triptych does not "
                "follow redirects to another host, because your API key would go with them. "
                "Check the profile's base URL.",
                location=str(target),
            )
        return target


def http_client_for(profile: Profile, timeout: httpx.Timeout = DEFAULT_TIMEOUT) -> httpx.AsyncClient:
    """The httpx client for a profile: through the profile's proxy (HTTP or SOCKS5) when it names one, else
    through the environment's (`HTTP(S)_PROXY`, `ALL_PROXY`), except for a loopback host, which is reached
    directly whatever the environment says (the demo server, a relay on this machine).

    Raises ProxySettingError when the proxy cannot be used (an unknown scheme, a URL that is not one)."""
    explicit = profile.proxy or None
    trust_env = explicit is not None or not is_loopback(_host_of(profile.base_url))
    try:
        return httpx.AsyncClient(proxy=explicit, timeout=timeout, follow_redirects=False, trust_env=trust_env)
    except (ValueError, ImportError, httpx.InvalidURL) as exc:
        # Worded here rather than with httpx's words, which quote the proxy URL and its password.
        source: Literal["profile", "environment"] = "profile" if explicit else "environment"
        where = (
            "The profile's proxy" if explicit else "The proxy set in the environment (HTTP_PROXY, ALL_PROXY…)"
        )
        raise ProxySettingError(
            f"{where} cannot be used: only http://, https://, socks5:// and socks5h:// proxy URLs work.",
            source=source,
        ) from exc


def basic_auth_of(userinfo: str) -> httpx.BasicAuth | None:
    """HTTP Basic auth from a URL's `user:password` (percent-decoded, as httpx does from a URL)."""
    if not userinfo:
        return None
    user, _, password = userinfo.partition(":")
    return httpx.BasicAuth(unquote(user), unquote(password))


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.") or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_of(url: str) -> str:
    try:
        return httpx.URL(url.strip()).host
    except httpx.InvalidURL:
        return ""


def request_for(
    profile: Profile, messages: list[ChatMessage], settings: RequestSettings
) -> tuple[str, dict[str, Any], list[str]]:
    """(path, JSON body, warnings about settings the profile's API style cannot carry)."""
    if profile.api_style == "openai":
        request = build_chat_completions_body(messages, settings)
        return "chat/completions", request.body, list(request.warnings)
    return "messages", build_messages_body(messages, settings), []


async def _checked(response: httpx.Response, capture: ExchangeCapture | None = None) -> httpx.Response:
    if response.is_success:
        return response
    body = await _read_and_close(response)
    if capture is not None:
        capture.body_read(body)
    headers = {name.lower(): value for name, value in response.headers.items()}
    raise status_error(
        response.status_code,
        body,
        request_id=headers.get("request-id") or headers.get("x-request-id"),
        retry_after=parse_retry_after(headers),
        should_retry=headers.get("x-should-retry"),
    )


async def _read_and_close(response: httpx.Response) -> bytes:
    try:
        return await response.aread()
    except httpx.TransportError as exc:
        raise ApiConnectionError(describe_transport_error(exc, response.url)) from exc
    finally:
        await response.aclose()


def _json_of(body: bytes, secret: str) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise without_secret(ApiError(f"The server's answer is not JSON: {body[:200]!r}"), secret) from exc
    if not isinstance(data, dict):
        raise ApiError("The server's answer is not a JSON object.")
    return data


def describe_transport_error(exc: httpx.TransportError, url: httpx.URL) -> str:
    """A sentence a user can act on, for a failure below HTTP."""
    host = url.host + (f":{url.port}" if url.port else "")
    cause = _root_cause(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return f"Could not connect to {host}: no answer in time."
    if isinstance(exc, httpx.ReadTimeout):
        return f"{host} stopped sending data: no data arrived in time."
    if isinstance(exc, httpx.TimeoutException):
        return f"The request to {host} timed out."
    if isinstance(exc, httpx.ProxyError):
        return f"The proxy refused the connection to {host}: {exc}"
    if isinstance(cause, socket.gaierror):
        return f"Could not find the host {url.host}: check the base URL and your network."
    if isinstance(cause, ssl.SSLError):
        return f"A secure connection to {host} could not be made (TLS): {cause.reason or cause}"
    if isinstance(cause, ConnectionRefusedError):
        return f"Could not connect to {host}: the connection was refused. Is the server running?"
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return f"The connection to {host} was cut before the reply was complete."
    return f"Could not reach {host}: {cause or exc}"


def _root_cause(exc: BaseException) -> BaseException:
    """httpx wraps the socket's own error (refused, DNS, TLS) a few levels down; it says what happened."""
    seen: list[BaseException] = [exc]
    while (inner := seen[-1].__cause__ or seen[-1].__context__) is not None and inner not in seen:
        seen.append(inner)
    for candidate in reversed(seen):
        if isinstance(candidate, OSError):
            return candidate
    return seen[-1]
