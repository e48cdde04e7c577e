"""诉前调解, the parties' side on the portal: which mediations a litigant sees and what their page shows.

The filing's parties are typed-in names (FilingApplication.data), not accounts. A portal user is a
party of a mediation when they filed it (they speak for the plaintiffs' side, as a party or their
lawyer) or when their verified phone number is the phone the complaint gives for a party (so the
other side can join the room). Everyone else is refused as if the mediation did not exist. Posts are
counted per user in a fixed window of the shared cache (as enforcement/portal.py does): a flood is refused with a message, never a 500."""
from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet

from .models import MediationEvent, Mediator, MediationState, PreSuitMediation

PORTAL_POST_LIMIT = (20, 600)  # posts per user per ten minutes: a person types fewer; a script is stopped
#: the events a party sees with their text: messages by the mediator and by the party. Notes between
#: the office and the mediator stay with the court; of the other events the party sees the step.
PARTY_TEXT_CODES = ("note",)


def party_mediations(user) -> QuerySet[PreSuitMediation]:
    """The portal user's pre-suit mediations (deny by default: nobody else's)."""
    if not (getattr(user, "is_authenticated", False) and user.is_public_user):
        return PreSuitMediation.objects.none()
    mine = Q(filing__submitted_by=user)
    phone = _verified_phone(user)
    if phone:
        mine |= _named_by_phone(phone)
    return (PreSuitMediation.objects.filter(mine)
            .select_related("mediator__user", "mediator__organisation", "cause", "court", "filing"))


def _named_by_phone(phone: str) -> Q:
    """Mediations whose parties list this phone. PostgreSQL answers jsonb containment (@>) itself; the
    embedded SQLite has no JSON containment, so there a text match narrows the rows and the exact
    comparison is made here (a phone that is only part of another value does not count)."""
    from django.db import connection

    if connection.features.supports_json_field_contains:
        return Q(parties__contains=[{"phone": phone}])
    rows = PreSuitMediation.objects.filter(parties__icontains=phone).values_list("pk", "parties")
    return Q(pk__in=[pk for pk, parties in rows if any(p.get("phone") == phone for p in parties or [])])


def _verified_phone(user) -> str:
    return user.phone if (getattr(user, "phone", "") and getattr(user, "verified_at", None)) else ""


FILER_SIDE = ("plaintiff", "applicant")


def party_keys(user, m: PreSuitMediation) -> list[str]:
    """The participant keys ("party-<i>") the portal user speaks for in this mediation."""
    if not (getattr(user, "is_authenticated", False) and getattr(user, "is_public_user", False)):
        return []
    phone = _verified_phone(user)
    is_filer = m.filing.submitted_by_id == user.pk
    keys = []
    for i, p in enumerate(m.parties or []):
        if p.get("role") == "agent":
            continue
        if (is_filer and p.get("role") in FILER_SIDE) or (phone and p.get("phone") == phone):
            keys.append(f"party-{i}")
    return keys


def party_mediation(user, pk) -> PreSuitMediation | None:
    return party_mediations(user).filter(pk=pk).first()


def over_limit(user) -> bool:
    from xiezhi.site.throttle import count_in_window

    limit, window = PORTAL_POST_LIMIT
    return count_in_window(f"med-portal-post:{user.pk}", window) > limit


def _visible_text(e: MediationEvent, m: PreSuitMediation, user) -> bool:
    if e.code not in PARTY_TEXT_CODES:
        return False
    return e.actor_id == user.pk or bool(m.mediator_id and e.actor_id == m.mediator.user_id)


def page_context(user, m: PreSuitMediation) -> dict:
    events = []
    for e in m.events.select_related("actor"):
        if e.code == "note" and not _visible_text(e, m, user):
            continue  # the office's notes to the mediator are the court's
        events.append({"at": e.at, "label": e.label, "mine": e.actor_id == user.pk,
                       "text": e.payload.get("text", "") if e.code == "note" else "",
                       "due_on": e.payload.get("due_on", "")})
    can_choose = m.state == MediationState.CONSENTED
    return {
        "m": m, "events": events,
        "can_consent": m.state == MediationState.OFFERED,
        "can_choose": can_choose,
        "roster": (Mediator.objects.filter(court=m.court, active=True).select_related("user", "organisation")
                   .prefetch_related("specialities").order_by("organisation__name", "pk")) if can_choose else [],
        "can_write": m.is_open,
        "key": uuid.uuid4().hex,
    }
