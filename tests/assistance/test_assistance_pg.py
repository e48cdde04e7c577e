"""A double submission makes one application; two clicks on 立案 open one 司救 case (PostgreSQL)."""
import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.assistance import services
from xiezhi.assistance.models import AssistanceApplication
from xiezhi.cases.models import Case

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_double_submission_and_double_accept(apply_for, make_public, staff):
    require_postgresql()
    party = make_public()
    out = at_once(*[lambda: apply_for(party) for _ in range(4)])
    assert all(isinstance(o, AssistanceApplication) for o in out), out
    assert AssistanceApplication.objects.count() == 1
    a = out[0]
    out = at_once(*[lambda: services.accept(staff["lian"], a) for _ in range(3)])
    assert all(isinstance(o, AssistanceApplication) for o in out), out
    assert Case.objects.filter(case_type__type_code="司救刑").count() == 1


def test_double_click_asks_fee_relief_once(court, staff, make_public):
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from xiezhi.assistance import fee_relief
    from xiezhi.assistance.models import FeeRelief
    from xiezhi.cases.models import Party
    from xiezhi.courts import refcache
    from xiezhi.filing.models import FeeAssessment

    require_postgresql()
    today = timezone.localdate()
    case = Case.objects.create(court=court, case_type=refcache.case_type("民初"), number=f"（{today.year}）豫0222民初7101号",
                               year=today.year, serial=7101, filed_on=today, title="甲诉乙", judge=staff["judge"])
    party = make_public()
    Party.objects.create(case=case, role="plaintiff", name=party.real_name, user=party)
    fa = FeeAssessment.objects.create(case=case, amount=Decimal("800"), basis="交费办法", due_on=today + timedelta(days=7))
    out = at_once(*[lambda: fee_relief.request_relief(party, fa, "defer", "困难") for _ in range(4)])
    assert all(isinstance(o, FeeRelief) for o in out), out
    assert FeeRelief.objects.filter(assessment=fa).count() == 1
    assert case.events.filter(code="fee_relief_requested").count() == 1


def test_four_clicks_with_the_complaint_ask_once_and_bind_once(court, staff, make_public, pdf_bytes):
    """缓交 asked with the complaint (交费办法 第四十八条): four clicks at once make one request (the partial
    unique constraint on an unbound request), and registration binds it to the fee once."""
    require_postgresql()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.helpers import complaint
    from xiezhi.assistance import fee_relief
    from xiezhi.assistance.models import FeeRelief
    from xiezhi.filing import services as fs

    party = make_public()
    f = fs.save_draft(party, fs.new_draft(party, court),
                      complaint(plaintiff_name=party.real_name, plaintiff_id=party.id_number, amount="20000"))
    fs.add_evidence(party, f, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"), kind="complaint")
    f = fs.submit(party, f)
    out = at_once(*[lambda: fee_relief.request_at_filing(party, f, "defer", "收入微薄，申请缓交") for _ in range(4)])
    assert all(isinstance(o, FeeRelief) for o in out), out
    assert FeeRelief.objects.filter(filing=f).count() == 1
    case = fs.register(staff["lian"], f, procedure_code="civil_summary")
    assert FeeRelief.objects.get(filing=f).assessment == case.fees.get()
    assert case.events.filter(code="fee_relief_requested").count() == 1
