"""Credit discipline in the demo court (issue 11 item 5): on the enforcement officer's open 执 cases,
a dishonest-list entry without a term (the debtor refuses to perform, 失信规定 第一条第一项) with a
correction request due in three days, an entry with a two-year term (第一条第四项), an entry deleted
because the debtor paid (第十条第一款第一项), and a consumption restriction on an organisation that
extends to its legal representative (限制消费规定 第三条第二款) — so the public search
(/enforcement/public/) finds them and the queue of correction requests has one to review.

Everything goes through the services (events, public rows); a case that already has an entry or an
order is left as it is, so a second `make demo` adds nothing."""
from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from xiezhi.accounts.models import User
from xiezhi.cases.models import Case, Party
from xiezhi.courts.models import Court
from xiezhi.law.identity import resident_id_check_char

ORGANISATION_KINDS = ("legal", "organisation")


def _open_enforcement_cases(c: Court, enforcer: User) -> list[Case]:
    return list(Case.objects.filter(court=c, judge=enforcer, case_type__type_code="执", closed_on__isnull=True,
                                    status__in=("registered", "in_trial")).order_by("filed_on", "pk"))


def _debtor(case: Case) -> Party | None:
    return case.parties.filter(role="judgment_debtor").order_by("pk").first()


def _representative_id(case: Case) -> str:
    # a valid resident ID number of the county (通许县 410222), fixed per case so a second run is the same
    body = f"410222197{case.pk % 10}0{case.pk % 9 + 1}1{case.pk % 9 + 1}{case.pk % 1000:03d}"
    return body + resident_id_check_char(body)


def seed_credit(c: Court, users: dict[str, User]) -> dict[str, int]:
    from xiezhi.enforcement import credit, dishonest
    from xiezhi.enforcement.models import ConsumptionRestriction, DishonestEntry

    enforcer, today = users["enforcer"], timezone.localdate()
    cases = _open_enforcement_cases(c, enforcer)
    done = {"listed": 0, "deleted": 0, "corrections": 0, "restricted": 0}
    natural, organisations = [], []
    for case in cases:
        debtor = _debtor(case)
        if debtor is None or dishonest.is_minor(debtor, today):
            continue
        (organisations if debtor.kind in ORGANISATION_KINDS else natural).append((case, debtor))
    touched = {case.pk for case in cases if DishonestEntry.objects.filter(case=case).exists()
               or ConsumptionRestriction.objects.filter(case=case).exists()}
    if touched:  # seeded already (or an officer has worked on them since): a second run adds nothing
        return done
    listable = natural + organisations
    # the organisation with a named representative goes to the restriction, the rest to the list
    org = next(((case, d) for case, d in organisations if d.legal_representative), None)
    listable = [x for x in listable if x != org]

    def day(n: int) -> date:
        return today - timedelta(days=n)

    if len(listable) >= 1:  # 第一条第一项: until deleted; the debtor asks for a correction 12 days ago
        case, debtor = listable[0]
        entry = dishonest.list_debtor(enforcer, case, debtor, [1], decided_on=day(60))
        credit.file_correction(enforcer, entry, debtor.name, "被执行人称已与申请执行人达成还款计划，请求删除失信信息。",
                               filed_on=day(12))
        done["listed"] += 1
        done["corrections"] += 1
    if len(listable) >= 2:  # 第一条第四项 (违反财产报告制度): two years
        case, debtor = listable[1]
        dishonest.list_debtor(enforcer, case, debtor, [4], years=2, decided_on=day(90))
        done["listed"] += 1
    if len(listable) >= 3:  # listed, then deleted: the debtor paid in full (第十条第一款第一项)
        case, debtor = listable[2]
        entry = dishonest.list_debtor(enforcer, case, debtor, [1], decided_on=day(120))
        dishonest.delete_entry(enforcer, entry, 1, event_on=day(20))
        done["listed"] += 1
        done["deleted"] += 1
    if org is not None:  # 限制消费规定 第三条第二款: the order extends to the legal representative
        case, debtor = org
        role = "principal" if debtor.kind == "organisation" else "legal_representative"
        credit.restrict(enforcer, case, debtor, [{"role": role, "name": debtor.legal_representative,
                                                  "id_number": _representative_id(case)}], decided_on=day(30))
        done["restricted"] += 1
    return done
