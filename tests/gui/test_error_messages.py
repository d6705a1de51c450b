"""Every kind of failure is worded by its type: each one the user can act on has its own sentence."""

from PySide6.QtWidgets import QApplication

from core.model.conversation import ErrorKind, ReplyError
from gui.error_messages import describe, headline

GENERIC = {ErrorKind.OTHER, ErrorKind.OTHER_STATUS}


def test_each_specific_kind_has_its_own_headline(qapp: QApplication) -> None:
    generic = headline(ReplyError(ErrorKind.OTHER, "?"))
    worded = {kind: headline(ReplyError(kind, "?", status=500)) for kind in ErrorKind if kind not in GENERIC}
    assert generic not in worded.values()
    assert len(set(worded.values())) == len(worded), "two kinds read the same"


def test_the_details_and_the_request_id_follow_the_headline(qapp: QApplication) -> None:
    text = describe(
        ReplyError(ErrorKind.RATE_LIMIT, "slow down", status=429, request_id="req_9", retry_after=2)
    )
    assert text.splitlines() == [
        "Too many requests (429). The provider asks to wait 2 s.",
        "Details: slow down",
        "Request id: req_9",
    ]
