"""执行信息公开, the parties' part: what the applicant and the debtor of an enforcement case see of
it on the portal and what they can do there — the public nodes of the timeline, the search results
as a summary (the applicant only: counts per kind, never account numbers, which are for the court
and the holder bodies), their asset report (the debtor), their clues (the applicant) and the
messages to the officer (`EnforcementMessage`).

A party acts through their own Party row (role enf_applicant / judgment_debtor) or through an agent
row that represents it (`side_party`). Posts are counted per user (PORTAL_POST_LIMIT in a fixed
window of the shared cache, as the public search counts per address): a flood is refused with a
message, never a 500."""
from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from xiezhi.cases.models import Case, Party
from xiezhi.cases.selectors import can_manage_case
from xiezhi.cases.services import lock_case, notify

from . import selectors
from .models_linkage import Asset
from .models_parties import AssetClue, AssetReport, EnforcementMessage

SIDES = ("enf_applicant", "judgment_debtor")
STAFF_ROLES = ("enforcement", "division_head", "president")
PORTAL_POST_LIMIT = (20, 600)  # posts per user per ten minutes: a person types fewer; a script is stopped
MESSAGE_MAX = 1000
#: network-control nodes whose summary names the account or title number: the parties see that the
#: step happened, not the identifier (the search summary gives counts and values)
IDENTIFYING_NODES = frozenset({"linkage_control_sent", "linkage_frozen", "linkage_deducted", "linkage_released",
                               "linkage_control_refused"})


def side_party(user, case: Case) -> Party | None:
    """The applicant or debtor the user acts for in this case: their own row, or the row their
    agent row represents. None for anyone else."""
    if not getattr(user, "is_authenticated", False) or not user.is_public_user:
        return None
    for p in (Party.objects.filter(case=case, user=user, left_case_at__isnull=True)
              .select_related("represents").order_by("pk")):
        if p.role in SIDES:
            return p
        if p.represents_id and p.represents.role in SIDES and p.represents.left_case_at is None:
            return p.represents
    return None


def over_limit(user) -> bool:
    from xiezhi.site.throttle import count_in_window

    limit, window = PORTAL_POST_LIMIT
    return count_in_window(f"enf-portal-post:{user.pk}", window) > limit


def search_summary(case: Case) -> list[dict]:
    """The applicant's view of the network search: per asset kind, how many were found and their
    total value — no identifiers."""
    rows = (Asset.objects.filter(case=case).values("kind").annotate(n=Count("id"), total=Sum("value"))
            .order_by("kind"))
    names = dict(Asset.Kind.choices)
    return [{"kind": names.get(r["kind"], r["kind"]), "count": r["n"], "total": r["total"]} for r in rows]


def page_context(user, case: Case) -> dict:
    """Everything the party's enforcement page shows; PermissionDenied for a user with no side."""
    from xiezhi.cases.events import label, summary
    from xiezhi.cases.selectors import public_events

    side = side_party(user, case)
    if side is None or not selectors.is_enforcement_case(case):
        raise PermissionDenied
    applicant = side.role == "enf_applicant"
    nodes = [{"label": label(e.code), "at": e.at,
              "summary": "" if e.code in IDENTIFYING_NODES else summary(e.code, e.payload)}
             for e in public_events(case)]
    messages = list(EnforcementMessage.objects.filter(case=case, party=side).select_related("from_user")
                    .order_by("at", "id"))
    # the party has now seen the officer's answers
    EnforcementMessage.objects.filter(case=case, party=side, from_court=True, read_at__isnull=True).update(
        read_at=timezone.now())
    return {
        "case": case, "side": side, "applicant": applicant, "nodes": nodes,
        "summary": search_summary(case) if applicant else None,
        "clues": list(AssetClue.objects.filter(case=case, party=side).order_by("-submitted_at")) if applicant else [],
        "clue_kinds": AssetClue.Kind.choices,
        "reports": list(AssetReport.objects.filter(case=case, party=side).order_by("-ordered_at"))
        if not applicant else [],
        "categories": list(_categories()),
        "messages": messages,
        "key": uuid.uuid4().hex,
        "open": case.status not in ("closed", "archived") and case.closed_on is None,
    }


def _categories():
    from xiezhi.law.enforcement_assets import CATEGORIES

    return CATEGORIES.items()


# ---------------------------------------------------------------- messages

def _clean_text(text) -> str:
    text = str(text or "").strip()
    if not text:
        raise ValidationError(_("请填写留言内容。"))
    if len(text) > MESSAGE_MAX:
        raise ValidationError(_("留言不能超过 %(n)s 字。") % {"n": MESSAGE_MAX})
    return text


def send_message(user, case: Case, text: str, key: str = "") -> EnforcementMessage:
    """A party (or their agent) writes to the officer; the officer is notified."""
    text, key = _clean_text(text), (str(key or "").strip()[:64] or uuid.uuid4().hex)
    with transaction.atomic():
        case = lock_case(case)
        side = side_party(user, case)
        if side is None or not selectors.is_enforcement_case(case):
            raise PermissionDenied(_("只有本案当事人可以给执行人员留言。"))
        earlier = EnforcementMessage.objects.filter(case=case, from_user=user, key=key).first()
        if earlier is not None:
            return earlier
        msg = EnforcementMessage.objects.create(case=case, from_user=user, party=side, text=text, at=timezone.now(),
                                                key=key)
        if case.judge_id:
            notify([case.judge], _("%(party)s给您留言。") % {"party": side.name}, case=case, kind="enforcement")
    return msg


def answer_message(actor, message: EnforcementMessage, text: str, key: str = "") -> EnforcementMessage:
    """The officer answers in the party's thread; the party's messages up to now are marked read."""
    text, key = _clean_text(text), (str(key or "").strip()[:64] or uuid.uuid4().hex)
    with transaction.atomic():
        case = lock_case(message.case_id)
        if not can_manage_case(actor, case, *STAFF_ROLES):
            raise PermissionDenied(_("只有本案执行人员可以答复留言。"))
        earlier = EnforcementMessage.objects.filter(case=case, from_user=actor, key=key).first()
        if earlier is not None:
            return earlier
        now = timezone.now()
        EnforcementMessage.objects.filter(case=case, party_id=message.party_id, from_court=False,
                                          read_at__isnull=True).update(read_at=now)
        reply = EnforcementMessage.objects.create(case=case, from_user=actor, from_court=True,
                                                  party_id=message.party_id, text=text, at=now, key=key)
        users = [u for u in {p.user for p in Party.objects.filter(case=case, user__isnull=False)
                             .select_related("user") if p.pk == message.party_id or p.represents_id == message.party_id}]
        notify(users, _("执行人员答复了您的留言。"), case=case, kind="enforcement")
    return reply


def unread_for(user):
    """The unread messages of the cases the user handles, oldest first."""
    from xiezhi.cases.selectors import visible_cases

    cases = visible_cases(user).filter(case_type__type_code__startswith="执")
    rows = list(EnforcementMessage.objects.filter(case__in=cases, from_court=False, read_at__isnull=True)
                .select_related("case", "party", "from_user").order_by("at", "id")[:500])
    return [m for m in rows if can_manage_case(user, m.case, *STAFF_ROLES)]
