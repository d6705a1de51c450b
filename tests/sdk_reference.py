"""The official anthropic SDK's own accumulation, as the reference our results are compared with."""

from __future__ import annotations

from typing import Any

from anthropic.lib.streaming._messages import accumulate_event


def sdk_accumulate(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The SDK's final message for these events (ping and error events are not its accumulator's business)."""
    snapshot = None
    for event in events:
        if event["type"] in ("ping", "error"):
            continue
        event = _with_usage(event)
        snapshot = accumulate_event(event=event, current_snapshot=snapshot)  # type: ignore[arg-type]
    return None if snapshot is None else without_nones(snapshot.model_dump())


def without_nones(value: Any) -> Any:
    """The SDK fills absent optional fields with None; the API (and we) leave them out."""
    if isinstance(value, dict):
        return {k: without_nones(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nones(v) for v in value]
    return value


def _with_usage(event: dict[str, Any]) -> dict[str, Any]:
    """The docs' thinking sample has no usage at all; the SDK crashes on that, so give it zeros."""
    zero = {"input_tokens": 0, "output_tokens": 0}
    if event["type"] == "message_start" and "usage" not in event["message"]:
        return {**event, "message": {**event["message"], "usage": zero}}
    if event["type"] == "message_delta" and "usage" not in event:
        return {**event, "usage": {"output_tokens": 0}}
    return event
