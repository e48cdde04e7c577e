"""Helpers of the 执行结案 tests: an enforcement file for the fixture case, and a case on which every
condition of 终本 holds (终本规定 第一条)."""
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from xiezhi.enforcement.models_closing import ClosingFact, EnforcementClosing, RescanDue
from xiezhi.enforcement.models_intake import EnforcementFile
from xiezhi.enforcement.models_linkage import LinkageOrder

NO_ASSETS_ID = "410222198001015806"  # the simulator derives no asset at any body from this ID number


def give_file(case, basis_kind="platform", amount="150000"):
    today = timezone.localdate()
    if isinstance(case.amount, str):  # the fixture case is made with a string amount
        case.amount = Decimal(case.amount)
    return EnforcementFile.objects.create(
        case=case, kind="执", basis_kind=basis_kind, basis_number="（2026）豫0222民初1号", basis_title="民事判决书",
        issuing_body="本院", effective_on=today - timedelta(days=200), applied_on=today - timedelta(days=150),
        window_end=today + timedelta(days=500), amount=Decimal(amount), stage="search", stage_since=timezone.now())


def answered_search(case, body="icbc"):
    now = timezone.now()
    return LinkageOrder.objects.create(case=case, party=case.debtor, body=body, kind="search", status="answered",
                                       key=f"t-{case.pk}-{body}", created_at=now, answered_at=now)


def all_conditions(case, officer):
    """Every 终本 condition met by the case's own records."""
    from xiezhi.documents import services as documents
    from xiezhi.enforcement import credit

    give_file(case)
    case.filed_on = timezone.localdate() - timedelta(days=120)
    case.save(update_fields=["filed_on"])
    documents.generate(officer, case, "enf_notice", extra_context={"basis": "本院（2026）豫0222民初1号民事判决书"})
    documents.generate(officer, case, "property_report_order", extra_context={"basis": "本院（2026）豫0222民初1号民事判决书"})
    ClosingFact.objects.create(case=case, kind="report_recorded", recorded_by=officer, recorded_at=timezone.now())
    credit.restrict(officer, case, case.debtor)
    answered_search(case)
    return case


def zhongben_done(case, officer, due_today=1):
    """A 终本 case (made directly, the conditions are tested elsewhere) with its ten re-search rows,
    the first `due_today` of them due today."""
    today = timezone.localdate()
    EnforcementClosing.objects.create(case=case, method="zhongben", closed_on=today - timedelta(days=183),
                                      basis="终本规定 第一条", unpaid=Decimal("150000"), closed_by=officer,
                                      closed_at=timezone.now())
    RescanDue.objects.bulk_create([RescanDue(case=case, seq=n, due_on=today if n <= due_today
                                             else today + timedelta(days=183 * n)) for n in range(1, 11)])
