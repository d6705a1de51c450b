"""HTTP error responses become typed errors a user can be told about in plain words."""

import json

import pytest

from core.model.conversation import ErrorKind
from core.store.errors import StoreError
from core.wire import errors
from core.wire.errors import status_error, stream_error


def anthropic_body(error_type: str, message: str, request_id: str | None = "req_body") -> bytes:
    body = {"type": "error", "error": {"type": error_type, "message": message}}
    if request_id:
        body["request_id"] = request_id
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    ("status", "error_type", "cls"),
    [
        (400, "invalid_request_error", errors.BadRequestError),
        (401, "authentication_error", errors.AuthenticationError),
        (402, "billing_error", errors.BillingError),
        (403, "permission_error", errors.PermissionDeniedError),
        (404, "not_found_error", errors.NotFoundError),
        (413, "request_too_large", errors.RequestTooLargeError),
        (429, "rate_limit_error", errors.RateLimitError),
        (500, "api_error", errors.InternalServerError),
        (504, "timeout_error", errors.InternalServerError),
        (529, "overloaded_error", errors.OverloadedError),
        (418, "teapot_error", errors.ApiStatusError),
    ],
)
def test_each_status_has_its_class_type_message_and_request_id(
    status: int, error_type: str, cls: type
) -> None:
    error = status_error(
        status, anthropic_body(error_type, "what went wrong"), request_id=None, retry_after=None
    )
    assert type(error) is cls
    assert (error.status, error.error_type, error.message, error.request_id) == (
        status,
        error_type,
        "what went wrong",
        "req_body",
    )


def test_the_request_id_header_wins_over_the_body() -> None:
    error = status_error(
        429, anthropic_body("rate_limit_error", "slow down"), request_id="req_hdr", retry_after=3
    )
    assert error.request_id == "req_hdr" and error.retry_after == 3


def test_openai_shaped_error_bodies_are_understood() -> None:
    body = json.dumps(
        {"error": {"message": "Invalid API key", "type": "invalid_request_error", "code": None}}
    )
    error = status_error(401, body.encode(), request_id=None, retry_after=None)
    assert isinstance(error, errors.AuthenticationError)
    assert error.message == "Invalid API key"


def test_a_relay_html_page_is_described_by_its_title() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>"
    )
    error = status_error(502, page, request_id=None, retry_after=None)
    assert isinstance(error, errors.InternalServerError)
    assert error.message == "HTTP 502: the server sent an HTML page (502 Bad Gateway)"
    assert error.error_type is None


def test_a_plain_text_body_is_quoted_short() -> None:
    error = status_error(503, b"upstream connect error " * 50, request_id=None, retry_after=None)
    assert error.message.startswith("HTTP 503: upstream connect error")
    assert len(error.message) < 320 and error.message.endswith("…")


def test_an_empty_body_says_so() -> None:
    assert status_error(500, b"", request_id=None, retry_after=None).message == "HTTP 500 with an empty body"


def test_json_that_is_not_an_error_body_is_quoted() -> None:
    error = status_error(400, b'{"detail": "nope"}', request_id=None, retry_after=None)
    assert error.message == 'HTTP 400: {"detail": "nope"}'


def test_a_mid_stream_error_event_keeps_its_type() -> None:
    error = stream_error(
        {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}, request_id="r"
    )
    assert (error.error_type, error.message, error.request_id) == ("overloaded_error", "Overloaded", "r")


def test_each_error_class_has_its_own_kind_named_after_it() -> None:
    classes = [errors.ApiError, *_subclasses(errors.ApiError)]
    kinds = [cls.kind for cls in classes]
    assert len(set(kinds)) == len(classes), "two classes share a kind: the GUI could not tell them apart"
    for cls in classes:
        assert cls.kind.value == cls.__name__, "saved kinds are the class names older databases hold"
    # One kind is the store's, not the wire's: a reply that arrived but could not be saved.
    assert ErrorKind.NOT_SAVED.value == StoreError.__name__
    assert {kind for kind in ErrorKind} - {ErrorKind.NOT_SAVED} == set(kinds), (
        "every kind is raised by some class"
    )


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found
