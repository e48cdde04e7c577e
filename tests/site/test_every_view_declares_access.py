"""Deny by default (design.md principle 10): every view reachable through the URL resolver —
every app's namespace, the public calculators and API included — declares who may reach it
with xiezhi.site.access (public_required, staff_required(...), anyone). Only the admin site
(its own staff checks) and Django's language switch are outside the rule."""
from django.urls import URLPattern, URLResolver, get_resolver

# the admin site guards itself (is_staff), set_language is Django's own POST-only switch
OUTSIDE_THE_RULE = {"admin"}
OUTSIDE_VIEWS = {"django.views.i18n.set_language"}


def _walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace) if x)
            if p.namespace in OUTSIDE_THE_RULE or p.app_name in OUTSIDE_THE_RULE:
                continue
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), f"{namespace}:{p.name}" if namespace else p.name, p.callback


def _dotted(callback):
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    return f"{view.__module__}.{getattr(view, '__qualname__', view.__class__.__name__)}"


def _access(callback):
    """A function view carries `access`; a class view (DRF) carries it on the class."""
    if hasattr(callback, "access"):
        return callback.access
    for attr in ("view_class", "cls"):
        cls = getattr(callback, attr, None)
        if cls is not None and hasattr(cls, "access"):
            return cls.access
    return None


def test_the_walk_sees_every_app():
    names = {name.split(":")[0] for _, name, _ in _walk(get_resolver().url_patterns) if name and ":" in name}
    assert {"site", "accounts", "cases", "filing", "audit", "trial", "hearings", "documents", "dossier",
            "delivery", "api", "tools"} <= names


def test_every_view_declares_who_may_reach_it():
    missing = [f"{route} ({name}) -> {_dotted(cb)}" for route, name, cb in _walk(get_resolver().url_patterns)
               if _access(cb) is None and _dotted(cb) not in OUTSIDE_VIEWS]
    assert not missing, "views without an access rule:\n" + "\n".join(missing)


def test_access_values_are_known():
    for route, name, cb in _walk(get_resolver().url_patterns):
        access = _access(cb)
        if access is None:
            continue
        assert access in ("public", "anyone") or (isinstance(access, tuple) and access[0] == "staff"), (route, access)
