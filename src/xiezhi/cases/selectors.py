"""Reads of cases, already filtered by what the user may see (deny by default)."""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, OuterRef, Q, QuerySet, Value
from django.http import Http404

from xiezhi.audit.models import AuditEntry
from xiezhi.audit.services import record

from .models import Case, CaseEvent, Party

# Staff roles that see every case of their own court.
COURT_WIDE_ROLES = ("president", "trial_management", "filing_judge")
# Roles that handle the cases they are given.
HANDLING_ROLES = ("judge", "assistant", "clerk", "enforcement", "mediator")
# Roles that serve documents (书记员、法官助理、承办法官). Here, not in delivery, because the
# documents panel offers "serve" too and documents must not import delivery (delivery uses documents).
# 执行员 serve the papers of their own enforcement cases (执行通知书, 报告财产令: 民事诉讼法 第二百五十一条)
SERVICE_ROLES = ("judge", "assistant", "clerk", "enforcement")


def visible_cases(user) -> QuerySet[Case]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Case.objects.none()
    if user.is_court_staff:
        if user.court_id is None:
            return Case.objects.none()
        qs = Case.objects.filter(court_id=user.court_id)
        if user.has_role(*COURT_WIDE_ROLES):
            return qs
        cond = Q(pk__in=[])
        if user.has_role("division_head") and user.division_id:
            cond |= Q(division_id=user.division_id)
        if user.has_role(*HANDLING_ROLES):
            cond |= Q(judge_id=user.pk) | Q(Exists(_team_rows(user)))
        return qs.filter(cond)
    if user.is_public_user:
        mine = Party.objects.filter(case=OuterRef("pk"), user=user, left_case_at__isnull=True)
        return Case.objects.filter(Exists(mine))
    return Case.objects.none()


def _team_rows(user):
    return Case.team.through.objects.filter(case_id=OuterRef("pk"), user_id=user.pk)


# Within one web request the same "may this user see this case?" question is asked by the
# page and by every panel on it. The answer is remembered for the rest of the request (the
# middleware opens and closes the memo) and forgotten as soon as any case changes.
_visibility_memo: ContextVar[dict | None] = ContextVar("case_visibility_memo", default=None)


@contextmanager
def request_memo():
    token = _visibility_memo.set({})
    try:
        yield
    finally:
        _visibility_memo.reset(token)


def forget_visibility() -> None:
    memo = _visibility_memo.get()
    if memo:
        memo.clear()


def can_view_case(user, case: Case) -> bool:
    memo = _visibility_memo.get()
    key = (getattr(user, "pk", None), case.pk)
    if memo is not None and key in memo:
        return memo[key]
    answer = visible_cases(user).filter(pk=case.pk).exists()
    if memo is not None:
        memo[key] = answer
    return answer


def can_manage_case(user, case: Case, *roles: str) -> bool:
    """Staff of the case's court who hold one of `roles` and can see the case."""
    if not getattr(user, "is_court_staff", False) or user.court_id != case.court_id:
        return False
    if roles and not user.has_role(*roles):
        return False
    return can_view_case(user, case)


def workbench_cases(user) -> QuerySet[Case]:
    """Every case the user may see, with what the case lists show (case search)."""
    return visible_cases(user).select_related("case_type", "cause", "procedure", "judge")


OPEN_STATUSES = ("registered", "in_trial", "suspended")


def my_open_cases(user) -> QuerySet[Case]:
    """The workbench list: open cases I handle (as judge or enforcement officer) or help with
    (as a team member). Written as one indexed condition per role, not the OR of
    visible_cases, so it stays fast however many cases the court has; it is always a subset
    of visible_cases(user)."""
    if not getattr(user, "is_court_staff", False) or user.court_id is None:
        return Case.objects.none()
    qs = Case.objects.filter(court_id=user.court_id, status__in=OPEN_STATUSES)
    if user.has_role("judge", "enforcement"):
        qs = qs.filter(judge_id=user.pk)
    elif user.has_role("assistant", "clerk", "mediator"):
        qs = qs.filter(pk__in=Case.team.through.objects.filter(user_id=user.pk).values("case_id"))
    elif user.has_role("division_head") and user.division_id:
        qs = qs.filter(division_id=user.division_id)
    elif not user.has_role(*COURT_WIDE_ROLES):
        return Case.objects.none()
    return qs.select_related("case_type", "cause", "procedure", "judge")


def case_for_page(user, pk: int) -> Case:
    return (visible_cases(user).select_related("court", "case_type", "cause", "procedure", "judge", "division")
            .get(pk=pk))


def public_events(case: Case) -> QuerySet[CaseEvent]:
    return case.events.filter(public_to_parties=True).order_by("seq")


def search_cases(user, *, q: str = "", status: str = "", cause: str = "", date_from=None, date_to=None,
                 deadline: str = "", mine: bool = False) -> QuerySet[Case]:
    qs = workbench_cases(user)
    if mine:
        qs = qs.filter(Q(judge=user) | Q(Exists(_team_rows(user))))
    q = q.strip()
    if q:
        same = normalise_brackets(q)
        cond = Q(number__contains=same) | Q(pk__in=_parties_named(q).values("case_id"))
        if same != q:  # a party named with half-width brackets is found as typed too
            cond |= Q(pk__in=_parties_named(same).values("case_id"))
        qs = qs.filter(cond)
    if status:
        qs = qs.filter(status=status)
    if cause:
        qs = qs.filter(cause__name__contains=cause)
    if date_from:
        qs = qs.filter(filed_on__gte=date_from)
    if date_to:
        qs = qs.filter(filed_on__lte=date_to)
    if deadline:
        qs = qs.filter(deadline_state=deadline)
        if deadline in ("near", "overdue"):  # a closed case is not overdue any more (it shows 已结案)
            qs = qs.exclude(status__in=("closed", "archived"))
    return qs


# Case numbers are written with full-width round brackets (案号规定 第二条: "（2026）豫0222民初1号");
# people type them half-width, or with the 〔〕 of document numbers, or square ones.
_BRACKETS = str.maketrans({"(": "（", ")": "）", "〔": "（", "〕": "）", "[": "（", "]": "）",
                           "［": "（", "］": "）", "【": "（", "】": "）", "﹙": "（", "﹚": "）"})


def normalise_brackets(text: str) -> str:
    """`text` with every kind of round or square bracket as the full-width （） of case numbers
    and of the company names the parties register (某某（北京）有限公司)."""
    return text.translate(_BRACKETS)


def bigrams(text: str) -> list[str]:
    """The distinct two-character substrings of `text`, as SQL xiezhi_bigrams() gives them
    (migration cases 0005: both count characters, not bytes)."""
    return sorted({text[i:i + 2] for i in range(len(text) - 1)})


class _HasBigrams(Func):
    """`xiezhi_bigrams(name) @> ARRAY[…]`: the condition the GIN index cases_party_name_bigrams answers."""
    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra):
        name_sql, name_params = compiler.compile(self.source_expressions[0])
        grams_sql, grams_params = compiler.compile(self.source_expressions[1])
        return f"xiezhi_bigrams({name_sql}) @> ({grams_sql})::text[]", (*name_params, *grams_params)


def _parties_named(q: str) -> QuerySet[Party]:
    """Parties whose name contains q (a substring, as `LIKE '%q%'`). On PostgreSQL a q of two
    characters or more first narrows by the bigram index (a name that contains q contains each
    of q's bigrams) and LIKE then checks the few candidates: the same parties, found without
    reading all of them. A single character has no bigram and is matched by scan."""
    parties = Party.objects.filter(name__contains=q)
    if connection.vendor == "postgresql" and len(q) >= 2:
        parties = parties.filter(_HasBigrams(F("name"), Value(bigrams(q))))
    return parties


def case_for_request(request, pk: int) -> Case:
    """The case `pk` as the page of any app shows it, or Http404. A refusal of a case that
    exists is audited (DENIED), whichever app's address was used to probe it: the case page,
    /staff/trial/…, /staff/hearings/…, /delivery/…, /staff/dossier/…, /documents/…"""
    try:
        return case_for_page(request.user, pk)
    except Case.DoesNotExist:
        refuse_case(request, pk)


def refuse_case(request, pk: int):
    """Answer 404 for a case the user may not see; audit the probe when the case exists."""
    case = Case.objects.filter(pk=pk).only("pk", "court_id").first()
    if case is not None:  # against the case, so its court's 审管办 sees who probed it
        record(request, AuditEntry.Action.DENIED, case=case, detail=f"案件 {pk}")
    raise Http404
