"""A reply's request as code a user can run: a cURL command and a Python (httpx) script.

The code sends the recorded body byte for byte to the recorded URL, with the recorded headers; the key is
never in it: the code reads it from an environment variable (`$ANTHROPIC_API_KEY`, or `$OPENAI_API_KEY` for a
profile of the OpenAI style). A base URL's `user:password`, which went as HTTP Basic auth, is read from
`$TRIPTYCH_URL_CREDENTIALS` and sent the same way (`curl --user`, httpx's `auth`), never from the key's
variable. A turn sent before requests were recorded is rebuilt from the stored
conversation and its current settings, and the code says so.
"""

from __future__ import annotations

import shlex

from core.chat.session import conversation_history
from core.model.profile import ApiStyle, Profile
from core.store.repository import Store
from core.store.worker import StoreWorker
from core.wire.exchange import REDACTED, URL_CREDENTIALS, Exchange

ENV_VARS: dict[ApiStyle, str] = {"anthropic": "ANTHROPIC_API_KEY", "openai": "OPENAI_API_KEY"}
RECONSTRUCTED_NOTE = (
    "Reconstructed by Triptych from the stored conversation and its current settings: this turn was sent "
    "before requests were recorded, so it may differ from what was sent."
)
URL_CREDENTIALS_VAR = "TRIPTYCH_URL_CREDENTIALS"
"""Where copied code reads the base URL's `user:password` from."""
HEREDOC_ABOVE = 64 * 1024
"""Bodies larger than this go to curl through a here-document: one argument is limited to 128 KiB on Linux."""
_HEREDOC_END = "TRIPTYCH_BODY"
# Set by curl and httpx themselves; copying them would only pin this machine's values.
_TRANSPORT_HEADERS = frozenset(
    {"host", "content-length", "connection", "accept-encoding", "accept", "user-agent"}
)


class CodeUnavailableError(Exception):
    """The request of a turn cannot be shown (not an assistant reply, or nothing left to rebuild it from)."""


def api_style_of(exchange: Exchange) -> ApiStyle:
    import httpx  # here, as below: the window holds this module from the start, httpx loads at first use

    return "openai" if httpx.URL(exchange.url).path.endswith("/chat/completions") else "anthropic"


def env_var_for(exchange: Exchange) -> str:
    """The environment variable the code reads the key from, by the API style of the URL the request went
    to (the profile may have changed since)."""
    return ENV_VARS[api_style_of(exchange)]


def exchange_for_turn(store: Store, message_id: int, profile: Profile | None) -> Exchange:
    """The recorded exchange of a reply or, for one recorded before exchanges were kept (or whose body was
    too large to keep), the request rebuilt from the stored path and settings (`reconstructed`).

    Runs on the store's thread. Raises CodeUnavailableError when there is no request to show."""
    message = store.get_message(message_id)
    if message.role != "assistant" or message.parent_id is None:
        raise CodeUnavailableError("Only a reply has a request to show.")
    recorded = store.get_exchange(message_id)
    if recorded is not None and recorded.request_kept:
        return recorded
    if profile is None:
        raise CodeUnavailableError(
            "This reply's request was not recorded, and its provider profile no longer exists to rebuild it."
        )
    import httpx

    from core.api.client import request_for

    conversation = store.get_conversation(message.conversation_id)
    history = conversation_history(store.path_to(message.parent_id))
    path, body, _ = request_for(profile, history, conversation.settings)
    request = httpx.Request("POST", profile.url(path), headers=profile.headers(REDACTED), json=body)
    return Exchange(
        method=request.method,
        url=str(request.url),
        request_headers={name.lower(): value for name, value in request.headers.items()},
        request_body=request.content,
        reconstructed=True,
    )


class ExchangeService:
    """The door to what went over the wire for a reply: recorded, or rebuilt when it was not kept. Reads on
    the store's thread."""

    def __init__(self, worker: StoreWorker) -> None:
        self._worker = worker

    async def to_copy(self, message_id: int, profile: Profile | None) -> Exchange:
        """The request to copy as code (see `exchange_for_turn`). Raises CodeUnavailableError."""
        return await self._worker.call(lambda store: exchange_for_turn(store, message_id, profile))

    async def to_show(self, message_id: int, profile: Profile | None) -> Exchange:
        """The recorded exchange, response included, even when its request body was too large to keep;
        else the request rebuilt. Raises CodeUnavailableError."""
        return await self._worker.call(
            lambda store: store.get_exchange(message_id) or exchange_for_turn(store, message_id, profile)
        )


def curl_command(exchange: Exchange, env_var: str) -> str:
    """A POSIX shell command; the key header is double-quoted so that `$ENV_VAR` expands."""
    body = exchange.request_body.decode("utf-8")
    # A compact JSON body has no newline of its own, so `tr` strips exactly the one the here-document adds.
    heredoc = len(exchange.request_body) > HEREDOC_ABOVE and "\n" not in body
    first = f"tr -d '\\n' <<'{_HEREDOC_END}' | curl" if heredoc else "curl"
    if exchange.streaming:
        first += " --no-buffer"
    if exchange.method != "POST":
        first += f" -X {exchange.method}"
    parts = [f"{first} {_shell_word(exchange.url, env_var)}"]
    if _sent_url_credentials(exchange):
        parts.append(f'--user "${{{URL_CREDENTIALS_VAR}}}"')
    parts += [f"-H {_shell_word(f'{name}: {value}', env_var)}" for name, value in _headers_to_send(exchange)]
    parts.append("--data-binary @-" if heredoc else f"--data-raw {shlex.quote(body)}")
    command = " \\\n  ".join(parts)
    if heredoc:
        command += f"\n{body}\n{_HEREDOC_END}"
    return _labelled(exchange, command + "\n")


def python_script(exchange: Exchange, env_var: str) -> str:
    """A script using httpx that sends the body and prints the events as they come (or the JSON answer)."""
    headers = "".join(
        f"    {name!r}: {_python_value(value, env_var)},\n" for name, value in _headers_to_send(exchange)
    )
    body = exchange.request_body.decode("utf-8")
    auth = ", auth=AUTH" if _sent_url_credentials(exchange) else ""
    send = (
        f"httpx.stream({exchange.method!r}, URL, headers=HEADERS, content=BODY.encode(){auth}, timeout=600)"
    )
    if exchange.streaming:
        call = (
            f"with {send} as response:\n"
            "    if response.is_error:\n"
            "        sys.exit(f\"HTTP {response.status_code}: {response.read().decode(errors='replace')}\")\n"
            "    for line in response.iter_lines():\n"
            "        print(line, flush=True)\n"
        )
    else:
        call = (
            f"response = httpx.request({exchange.method!r}, URL, headers=HEADERS, "
            f"content=BODY.encode(){auth}, timeout=600)\n"
            "if response.is_error:\n"
            '    sys.exit(f"HTTP {response.status_code}: {response.text}")\n'
            "print(json.dumps(response.json(), indent=2, ensure_ascii=False))\n"
        )
    imports = ("" if exchange.streaming else "import json\n") + "import os\nimport sys\n\nimport httpx\n"
    url = _python_value(exchange.url, env_var)
    script = f"{imports}\nURL = {url}\nHEADERS = {{\n{headers}}}\nBODY = {body!r}\n"
    if auth:
        script += (
            "# The base URL's user:password, sent as HTTP Basic auth.\n"
            f"AUTH = tuple(os.environ[{URL_CREDENTIALS_VAR!r}].split(':', 1))\n"
        )
    script += f"\n{call}"
    return _labelled(exchange, script)


def _headers_to_send(exchange: Exchange) -> list[tuple[str, str]]:
    return [
        (n, v)
        for n, v in exchange.request_headers.items()
        if n.lower() not in _TRANSPORT_HEADERS and not (n.lower() == "authorization" and URL_CREDENTIALS in v)
    ]


def _sent_url_credentials(exchange: Exchange) -> bool:
    """Whether the request carried the base URL's credentials as Basic auth (sent again as such)."""
    return URL_CREDENTIALS in exchange.request_headers.get("authorization", "")


def _shell_word(text: str, env_var: str) -> str:
    """Quoted for the shell; where the key was, the environment variable expands (in double quotes)."""
    if REDACTED not in text:
        return shlex.quote(text)
    expansion = "${" + env_var + "}"
    return '"' + expansion.join(_in_double_quotes(part) for part in text.split(REDACTED)) + '"'


def _in_double_quotes(text: str) -> str:
    for special in ("\\", '"', "$", "`"):
        text = text.replace(special, "\\" + special)
    return text


def _python_value(value: str, env_var: str) -> str:
    parts = value.split(REDACTED)
    terms: list[str] = []
    for index, part in enumerate(parts):
        if part:
            terms.append(repr(part))
        if index < len(parts) - 1:
            terms.append(f"os.environ[{env_var!r}]")
    return " + ".join(terms)


def _labelled(exchange: Exchange, code: str) -> str:
    return f"# {RECONSTRUCTED_NOTE}\n{code}" if exchange.reconstructed else code
