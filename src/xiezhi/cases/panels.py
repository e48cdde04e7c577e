"""Sections other apps add to the staff case page (trial organisation, hearings, documents,
e-file …). An app registers a provider in its AppConfig.ready():

    register_panel("hearings", order=30, provider=hearings_panel)

`provider(request, case)` returns None (nothing to show, or not allowed) or a dict with
"template" (rendered with `panel` = the dict and the page's context) and any data it needs.
Providers read through their app's selectors, so object permissions stay in one place."""
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Panel:
    key: str
    order: int
    provider: Callable


PANELS: dict[str, Panel] = {}


def register_panel(key: str, order: int, provider: Callable) -> None:
    PANELS[key] = Panel(key, order, provider)


def panels_for(request, case) -> list[dict]:
    out = []
    for panel in sorted(PANELS.values(), key=lambda p: p.order):
        data = panel.provider(request, case)
        if data:
            out.append(data)
    return out


def panel_keys() -> list[str]:
    return [p.key for p in sorted(PANELS.values(), key=lambda p: p.order)]


def panel_for(request, case, key: str):
    panel = PANELS.get(key)
    if panel is None:
        from django.http import Http404

        raise Http404
    return panel.provider(request, case)
