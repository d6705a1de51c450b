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

from core.api.bodies import megabytes, read_capped
from core.api.limits import NetworkLimits
from core.api.reply import MessageStream, ReplyResult, run_reply
from core.api.retry import RetryPolicy, is_retryable, is_throttled, parse_retry_after
from core.model.error_detail import DetailKind, ErrorDetail, english
from core.model.messages import ChatMessage
from core.model.profile import Profile, split_userinfo, userinfo_secrets
from core.model.request_settings import RequestSettings
from core.wire.errors import (
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    ProxyConnectionError,
    ProxySettingError,
    RedirectRefusedError,
    ReplyNotStartedError,
    ResponseTooLargeError,
    UnsendableSettingError,
    status_error,
    without_secret,
)
from core.wire.exchange import ExchangeCapture
from core.wire.messages_request import build_count_tokens_body, build_messages_body
from core.wire.models_list import DiscoveredModel, parse_models_page
from core.wire.openai.compat import build_chat_completions_body
from core.wire.relay_headers import request_id_of
from core.wire.validation import ensure_valid

# httpcore traces a SOCKS handshake at DEBUG with the proxy's user and password: never log that.
logging.getLogger("httpcore.socks").setLevel(logging.INFO)

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
        limits: NetworkLimits | None = None,
    ) -> None:
        self._api_key = api_key
        # The base URL's and the proxy's `user:password` (put back by the pool from the keyring) are secrets
        # like the key: taken out of every error and of the recorded exchange. The base URL's go as Basic
        # auth on each request, never in the URL itself (httpx logs request URLs).
        bare_url, self._url_userinfo = split_userinfo(profile.base_url)
        bare_proxy, proxy_userinfo = split_userinfo(profile.proxy or "")
        self._credentials = tuple(userinfo_secrets(self._url_userinfo) + userinfo_secrets(proxy_userinfo))
        self._secrets = (api_key, *self._credentials)
        """Everything taken out of an error: the key and the credentials."""
        self._auth = basic_auth_of(self._url_userinfo)
        self.retry = retry or RetryPolicy()
        self.limits = limits or NetworkLimits()
        self._owns_http = http_client is None
        self._http = http_client or http_client_for(profile, self.limits.httpx_timeout())
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
        # Not streamed, the API sends nothing until the whole reply is written, headers included: no
        # limit shorter than the whole reply's may end that silence.
        streamed = bool(body.get("stream"))
        limit = self.limits.headers if streamed else self.limits.whole_reply
        idle = None if streamed else self.limits.whole_reply

        async def open_response() -> httpx.Response:
            return await self.open(path, body, on_retry=on_retry, capture=capture, limit=limit, idle=idle)

        return MessageStream(
            open_response,
            api_style=self.profile.api_style,
            warnings=warnings,
            capture=capture,
            secrets=self._secrets,
            limits=self.limits,
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
            answer = await self._read_whole(response, "the model list")
            page = parse_models_page(_json_of(answer, self._secrets))
            models.extend(page.models)
            if not page.has_more or not page.last_id:
                break
            after_id = page.last_id
        return models

    async def count_tokens(self, messages: list[ChatMessage], settings: RequestSettings) -> int:
        body = build_count_tokens_body(messages, settings)
        response = await self.open("messages/count_tokens", body)
        answer = await self._read_whole(response, "the token count")
        return int(_json_of(answer, self._secrets).get("input_tokens", 0))

    def redact(self, error: ApiError) -> ApiError:
        """`error` with this client's key and credentials taken out of all it says: for an error made from
        what the provider sent outside a request's own answer (a line of a batch's results file)."""
        return without_secret(error, *self._secrets)

    async def json_call(
        self, path: str, body: dict[str, Any] | None, what: str, *, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """A small JSON answer (GET without a body, POST with one), retried like every request; `what` names
        it in errors ("the batch")."""
        response = await self.open(path, body, params=params)
        return _json_of(await self._read_whole(response, what), self._secrets)

    async def _read_whole(self, response: httpx.Response, what: str) -> bytes:
        """A small answer read whole: capped, and within the headers' limit again."""
        where = f"{what} from {_host(response.url)}"
        body = await read_capped(response, self.limits.whole_body_bytes, self.limits.headers, where)
        if body.cut:
            cap = self.limits.whole_body_bytes
            raise ResponseTooLargeError(
                f"{where[:1].upper()}{where[1:]} is larger than {megabytes(cap)}, which no real one is: "
                "it was not read. Check the profile's base URL.",
                limit=cap,
            )
        return body.data

    async def open(
        self,
        path: str,
        body: dict[str, Any] | None,
        *,
        params: dict[str, str] | None = None,
        on_retry: RetryNotice | None = None,
        capture: ExchangeCapture | None = None,
        limit: float | None = None,
        idle: float | None = None,
    ) -> httpx.Response:
        """Send a request and return the successful response, unread; retry what is safe to retry.

        Each attempt must have its headers (and an error's whole body) within `limit` seconds, by default
        the limits' `headers`; `idle` raises the limit on silence for this request."""
        retries_made = 0
        timeout = httpx.Timeout(max(self.limits.idle, idle or 0), connect=self.limits.connect)
        while True:
            try:
                return await self._open_in_time(
                    path, body, params, capture, limit or self.limits.headers, timeout
                )
            except ApiError as error:
                without_secret(error, *self._secrets)
                if retries_made >= self.retry.max_retries or not is_retryable(error):
                    raise
                retry_after = error.retry_after if isinstance(error, ApiStatusError) else None
                wait = self.retry.delay(retries_made, retry_after, throttled=is_throttled(error))
                retries_made += 1
                if on_retry is not None:
                    on_retry(error, wait, retries_made)
                await asyncio.sleep(wait)

    async def _open_in_time(
        self,
        path: str,
        body: dict[str, Any] | None,
        params: dict[str, str] | None,
        capture: ExchangeCapture | None,
        limit: float,
        timeout: httpx.Timeout,
    ) -> httpx.Response:
        try:
            async with asyncio.timeout(limit):
                return await self._open_once(path, body, params, capture, timeout)
        except TimeoutError:
            host = _host(httpx.URL(self.profile.url(path)))
            raise ReplyNotStartedError(
                f"{host} did not answer within {limit:g} s: no response headers came (or an error body "
                "that did not end)."
            ) from None

    async def _open_once(
        self,
        path: str,
        body: dict[str, Any] | None,
        params: dict[str, str] | None,
        capture: ExchangeCapture | None,
        timeout: httpx.Timeout,
    ) -> httpx.Response:
        try:
            url = httpx.URL(self.profile.url(path), params=params)
        except httpx.InvalidURL as exc:
            raise UnsendableSettingError(f"The base URL cannot be used: {exc}") from exc
        for _ in range(_MAX_REDIRECTS + 1):
            response = await self._send(url, body, capture, timeout)
            if not response.is_redirect:
                return await _checked(response, self.limits.error_body_bytes, capture)
            await response.aclose()
            url = self._same_host_redirect(response)
        raise ApiConnectionError(f"The server at {url.host} redirected more than {_MAX_REDIRECTS} times.")

    async def _send(
        self,
        url: httpx.URL,
        body: dict[str, Any] | None,
        capture: ExchangeCapture | None,
        timeout: httpx.Timeout,
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
        request.extensions["timeout"] = timeout.as_dict()
        try:
            response = await self._http.send(request, stream=True, auth=self._auth)
            if capture is not None:
                capture.response_received(response)
            return response
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.ProxyError) as exc:
            proxy = self._proxy_for(url)
            if proxy is not None:
                detail = proxy_detail(exc, url, proxy)
                raise _detailed(ProxyConnectionError(english(detail), proxy=proxy), detail) from exc
            detail = transport_detail(exc, url)
            if isinstance(exc, httpx.TimeoutException):
                raise _detailed(ApiTimeoutError(english(detail)), detail) from exc
            raise _detailed(ApiConnectionError(english(detail)), detail) from exc
        except httpx.TimeoutException as exc:
            detail = transport_detail(exc, url)
            raise _detailed(ApiTimeoutError(english(detail)), detail) from exc
        except httpx.TransportError as exc:
            detail = transport_detail(exc, url)
            raise _detailed(ApiConnectionError(english(detail)), detail) from exc

    def _proxy_for(self, url: httpx.URL) -> str | None:
        """`host:port` of the proxy httpx connects through for this URL (the profile's, or one from the
        environment), or None when it connects directly. httpx keeps this in its transports' pools."""
        transport = self._http._transport_for_url(url)
        proxy_url = getattr(getattr(transport, "_pool", None), "_proxy_url", None)
        if proxy_url is None:
            return None
        host = proxy_url.host.decode("ascii", "replace")
        return f"{host}:{proxy_url.port}" if proxy_url.port else host

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


def http_client_for(profile: Profile, timeout: httpx.Timeout) -> httpx.AsyncClient:
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


async def _checked(
    response: httpx.Response, cap: int, capture: ExchangeCapture | None = None
) -> httpx.Response:
    """The response if it succeeded; else its typed error, from at most `cap` bytes of its body (the
    caller's time limit covers reading them)."""
    if response.is_success:
        return response
    body = await read_capped(response, cap, None, f"the error from {_host(response.url)}")
    if capture is not None:
        capture.body_read(body.data)
    headers = {name.lower(): value for name, value in response.headers.items()}
    error = status_error(
        response.status_code,
        body.data,
        request_id=request_id_of(headers),
        retry_after=parse_retry_after(headers),
        should_retry=headers.get("x-should-retry"),
    )
    if body.cut:
        error.message += f" (the error body went on past {megabytes(cap)}; the rest was not read)"
        error.args = (error.message,)
    raise error


def _host(url: httpx.URL) -> str:
    return url.host + (f":{url.port}" if url.port else "")


def _json_of(body: bytes, secrets: tuple[str, ...]) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise without_secret(ApiError(f"The server's answer is not JSON: {body[:200]!r}"), *secrets) from exc
    if not isinstance(data, dict):
        raise ApiError("The server's answer is not a JSON object.")
    return data


def describe_transport_error(exc: httpx.TransportError, url: httpx.URL) -> str:
    """A sentence a user can act on, for a failure below HTTP."""
    return english(transport_detail(exc, url))


def transport_detail(exc: httpx.TransportError, url: httpx.URL) -> ErrorDetail:
    """What failed below HTTP, with its facts, for the GUI to word."""
    host = _host(url)
    cause = _root_cause(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return ErrorDetail(DetailKind.CONNECT_TIMEOUT, host)
    if isinstance(exc, httpx.ReadTimeout):
        return ErrorDetail(DetailKind.READ_TIMEOUT, host)
    if isinstance(exc, httpx.TimeoutException):
        return ErrorDetail(DetailKind.TIMED_OUT, host)
    if isinstance(exc, httpx.ProxyError):
        return ErrorDetail(DetailKind.PROXY_REFUSED_HOST, host, cause=str(exc))
    if isinstance(cause, socket.gaierror):
        return ErrorDetail(DetailKind.HOST_NOT_FOUND, url.host)
    if isinstance(cause, ssl.SSLError):
        return ErrorDetail(DetailKind.TLS, host, cause=str(cause.reason or cause))
    if isinstance(cause, ConnectionRefusedError):
        return ErrorDetail(DetailKind.REFUSED, host)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return ErrorDetail(DetailKind.CUT, host)
    return ErrorDetail(DetailKind.UNREACHABLE, host, cause=str(cause or exc))


def describe_proxy_error(exc: httpx.TransportError, url: httpx.URL, proxy: str) -> str:
    """The proxy failed, not the API's host: say so, naming the proxy by host and port (not its password)."""
    return english(proxy_detail(exc, url, proxy))


def proxy_detail(exc: httpx.TransportError, url: httpx.URL, proxy: str) -> ErrorDetail:
    cause = _root_cause(exc)
    host = _host(url)
    if isinstance(exc, httpx.ProxyError):
        return ErrorDetail(DetailKind.PROXY_WOULD_NOT_CONNECT, host, proxy, cause=str(exc))
    if isinstance(exc, httpx.ConnectTimeout):
        return ErrorDetail(DetailKind.PROXY_CONNECT_TIMEOUT, host, proxy)
    if isinstance(cause, socket.gaierror):
        return ErrorDetail(DetailKind.PROXY_NOT_FOUND, host, proxy)
    if isinstance(cause, ConnectionRefusedError):
        return ErrorDetail(DetailKind.PROXY_CONNECTION_REFUSED, host, proxy)
    return ErrorDetail(DetailKind.PROXY_UNREACHABLE, host, proxy, cause=str(cause or exc))


def _detailed(error: ApiError, detail: ErrorDetail) -> ApiError:
    error.detail = detail
    return error


def _root_cause(exc: BaseException) -> BaseException:
    """httpx wraps the socket's own error (refused, DNS, TLS) a few levels down; it says what happened."""
    seen: list[BaseException] = [exc]
    while (inner := seen[-1].__cause__ or seen[-1].__context__) is not None and inner not in seen:
        seen.append(inner)
    for candidate in reversed(seen):
        if isinstance(candidate, OSError):
            return candidate
    return seen[-1]
