"""What `GET /v1/models` says a provider serves, and the model picker's list built from it and the catalog.

Anthropic answers `{data: [{type: "model", id, display_name, created_at, max_input_tokens?, max_tokens?,
capabilities?}], has_more, first_id, last_id}`; many relays answer OpenAI's `{object: "list", data: [{id,
object: "model", created, owned_by}]}`. Both parse to the same `DiscoveredModel`s.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from core.model.catalog import ALL_EFFORTS, MODELS, ModelInfo, ThinkingType, lookup
from core.model.request_settings import Effort
from core.wire.errors import ApiError


@dataclass(frozen=True)
class DiscoveredModel:
    id: str
    display_name: str | None = None
    created_at: datetime | None = None
    max_input_tokens: int | None = None
    max_tokens: int | None = None
    owned_by: str | None = None
    # From Anthropic's `capabilities`; None when the provider does not say.
    thinking_types: frozenset[ThinkingType] | None = None
    effort_levels: tuple[Effort, ...] | None = None


@dataclass(frozen=True)
class ModelsPage:
    models: list[DiscoveredModel]
    has_more: bool
    # Ask for the next page with `after_id=last_id`.
    last_id: str | None


@dataclass(frozen=True)
class PickerModel:
    """One row of the model picker."""

    id: str  # the name to send, as the provider spells it
    display_name: str
    catalog: ModelInfo | None
    listed: bool  # the provider's model list names it
    context_window: int | None
    max_output_tokens: int | None


def parse_models_page(data: dict[str, Any]) -> ModelsPage:
    """One page of the model list, in either shape; entries without an id are skipped."""
    entries = data.get("data")
    if not isinstance(entries, list):
        raise ApiError("The server's model list has no `data` array, so its models cannot be shown.")
    parsed = (_parse_model(entry) for entry in entries if isinstance(entry, dict))
    models = [model for model in parsed if model is not None]
    last_id = data.get("last_id")
    # Relays that page but leave out `last_id` still mean "after the last one shown".
    if not isinstance(last_id, str) or not last_id:
        last_id = models[-1].id if models else None
    return ModelsPage(models=models, has_more=data.get("has_more") is True, last_id=last_id)


def merge_with_catalog(discovered: list[DiscoveredModel]) -> list[PickerModel]:
    """Catalog models in catalog order, each replaced by the names the provider lists for it; unlisted catalog
    models stay (marked not listed) so a user can still pick one; then the provider's models the catalog does
    not know, in the provider's order."""
    first_of_each: dict[str, DiscoveredModel] = {}
    for model in discovered:
        first_of_each.setdefault(model.id, model)
    unique = list(first_of_each.values())
    picker: list[PickerModel] = []
    for info in MODELS:
        listed_as = [model for model in unique if lookup(model.id) is info]
        picker.extend(_picker_row(model, info) for model in listed_as)
        if not listed_as:
            picker.append(_catalog_row(info))
    picker.extend(_picker_row(model, None) for model in unique if lookup(model.id) is None)
    return picker


def _parse_model(entry: dict[str, Any]) -> DiscoveredModel | None:
    model_id = entry.get("id")
    if not isinstance(model_id, str) or not model_id.strip():
        return None
    capabilities = entry.get("capabilities")
    capabilities = capabilities if isinstance(capabilities, dict) else {}
    return DiscoveredModel(
        id=model_id.strip(),
        display_name=_text(entry.get("display_name")),
        created_at=_created_at(entry),
        max_input_tokens=_positive_int(entry.get("max_input_tokens")),
        max_tokens=_positive_int(entry.get("max_tokens")),
        owned_by=_text(entry.get("owned_by")),
        thinking_types=_thinking_types(capabilities.get("thinking")),
        effort_levels=_effort_levels(capabilities.get("effort")),
    )


def _created_at(entry: dict[str, Any]) -> datetime | None:
    created_at = entry.get("created_at")
    if isinstance(created_at, str):
        try:
            return datetime.fromisoformat(created_at)
        except ValueError:
            return None
    created = entry.get("created")  # OpenAI style: Unix seconds
    if isinstance(created, int) and not isinstance(created, bool):
        return datetime.fromtimestamp(created, tz=UTC)
    return None


def _thinking_types(thinking: Any) -> frozenset[ThinkingType] | None:
    if not isinstance(thinking, dict):
        return None
    if thinking.get("supported") is False:
        return frozenset()
    types = thinking.get("types")
    if not isinstance(types, dict):
        return None
    supported: list[ThinkingType] = ["enabled", "adaptive"]
    return frozenset(kind for kind in supported if _supported(types.get(kind)))


def _effort_levels(effort: Any) -> tuple[Effort, ...] | None:
    if not isinstance(effort, dict):
        return None
    if effort.get("supported") is False:
        return ()
    return tuple(level for level in ALL_EFFORTS if _supported(effort.get(level)))


def _supported(capability: Any) -> bool:
    return isinstance(capability, dict) and capability.get("supported") is True


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _positive_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _picker_row(model: DiscoveredModel, info: ModelInfo | None) -> PickerModel:
    """The provider's own figures win: a relay may cap a model below Anthropic's limits."""
    return PickerModel(
        id=model.id,
        display_name=model.display_name or (info.display_name if info else model.id),
        catalog=info,
        listed=True,
        context_window=model.max_input_tokens or (info.context_window if info else None),
        max_output_tokens=model.max_tokens or (info.max_output_tokens if info else None),
    )


def _catalog_row(info: ModelInfo) -> PickerModel:
    return PickerModel(
        id=info.id,
        display_name=info.display_name,
        catalog=info,
        listed=False,
        context_window=info.context_window,
        max_output_tokens=info.max_output_tokens,
    )
