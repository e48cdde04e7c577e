"""诉讼费用的缓交、减交、免交 (交费办法 第四十四条至第四十九条): the decision changes the assessment through
the filing services, the timeline records it, the party is told; relief pending or 缓交 holds off the
unpaid-fee consequence."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from xiezhi.assistance import fee_relief
from xiezhi.assistance.models import FeeRelief

pytestmark = pytest.mark.django_db


@pytest.fixture
def fee(court, staff, make_public):
    from xiezhi.cases.models import Case, Party
    from xiezhi.courts import refcache
    from xiezhi.filing.models import FeeAssessment

    today = timezone.localdate()
    case = Case.objects.create(court=court, case_type=refcache.case_type("民初"), number=f"（{today.year}）豫0222民初7001号",
                               year=today.year, serial=7001, filed_on=today, title="甲诉乙赡养费纠纷", judge=staff["judge"])
    party = make_public()
    Party.objects.create(case=case, role="plaintiff", name=party.real_name, user=party)
    fa = FeeAssessment.objects.create(case=case, amount=Decimal("1000.00"), basis="交费办法", due_on=today + timedelta(days=7))
    fa.party = party
    return fa


def test_reduction_changes_the_amount_and_tells_the_party(fee, staff):
    from xiezhi.cases.models import Notification

    r = fee_relief.request_relief(fee.party, fee, "reduce", "低保户，生活困难")
    assert fee_relief.fee_relief_holds(fee)
    with pytest.raises(ValidationError):
        fee_relief.decide(staff["judge"], r, "part", "生活困难", percent="20")  # below the 30% floor
    r = fee_relief.decide(staff["judge"], r, "part", "生活困难属实", percent="50")
    fee.refresh_from_db()
    assert r.state == FeeRelief.State.PARTLY and fee.amount == Decimal("500.00") and r.amount_after == Decimal("500.00")
    codes = list(fee.case.events.values_list("code", flat=True))
    assert "fee_changed" in codes and "fee_relief_decided" in codes
    assert Notification.objects.filter(user=fee.party, kind="fee").exists()
    assert not fee_relief.fee_relief_holds(fee)


def test_exemption_and_deferral(fee, staff):
    r = fee_relief.decide(staff["judge"], fee_relief.request_relief(fee.party, fee, "defer", "追索赡养费"), "grant",
                          "准予缓交", due_on=fee.due_on + timedelta(days=30))
    fee.refresh_from_db()
    assert r.due_after == fee.due_on and "fee_due_changed" in fee.case.events.values_list("code", flat=True)
    assert fee_relief.fee_relief_holds(fee)
    r = fee_relief.decide(staff["judge"], fee_relief.request_relief(fee.party, fee, "exempt", "残疾人无固定收入"), "grant",
                          "准予免交")
    fee.refresh_from_db()
    assert fee.amount == 0


def test_guards_and_double_request(fee, staff, make_public, client):
    with pytest.raises(PermissionDenied):
        fee_relief.request_relief(make_public(), fee, "defer", "x")
    a = fee_relief.request_relief(fee.party, fee, "defer", "困难")
    assert fee_relief.request_relief(fee.party, fee, "defer", "困难").pk == a.pk
    with pytest.raises(ValidationError):
        fee_relief.decide(staff["judge"], a, "refuse", " ")
    client.force_login(fee.party)
    assert str(fee.case.number) in client.get("/portal/assistance/fees/").content.decode()
    client.force_login(make_public())
    assert client.post(f"/portal/assistance/fees/{fee.pk}/relief/", {"form": "defer", "reasons": "x"}).status_code == 404
    client.force_login(staff["lian"])
    assert "fee-reliefs" in client.get("/staff/assistance/").content.decode()
    client.force_login(staff["judge"])
    client.post(f"/staff/assistance/fee-reliefs/{a.pk}/decide/", {"outcome": "refuse", "reason": "材料不足"})
    a.refresh_from_db()
    assert a.state == FeeRelief.State.REFUSED


def test_asked_with_the_complaint_then_decided_at_registration(court, staff, make_public, client, pdf_bytes):
    """交费办法 第四十八条: the application is made when suing; it waits with the filing, is bound to the
    fee assessed when the clerk registers, and is then decided like any other (here 免交, 第四十五条)."""
    from tests.helpers import complaint
    from xiezhi.filing import services as fs

    party = make_public()
    f = fs.new_draft(party, court)
    data = complaint(plaintiff_name=party.real_name, plaintiff_id=party.id_number, amount="10000")
    f = fs.save_draft(party, f, data)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fs.add_evidence(party, f, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"), kind="complaint")
    f = fs.submit(party, f)
    client.force_login(party)
    r = client.post(f"/portal/assistance/filings/{f.pk}/fee-relief/", {"form": "exempt", "reasons": "低保户，无固定收入"})
    assert r.status_code == 302
    client.post(f"/portal/assistance/filings/{f.pk}/fee-relief/", {"form": "exempt", "reasons": "再点一次"})
    relief = FeeRelief.objects.get(filing=f)  # a double click: one request
    assert relief.assessment is None
    with pytest.raises(ValidationError, match="立案"):
        fee_relief.decide(staff["lian"], relief, "grant", "准予免交")
    stranger = make_public()
    client.force_login(stranger)
    assert client.post(f"/portal/assistance/filings/{f.pk}/fee-relief/",
                       {"form": "defer", "reasons": "x"}).status_code == 404
    case = fs.register(staff["lian"], f, procedure_code="civil_summary")
    relief.refresh_from_db()
    fa = case.fees.get()
    assert relief.assessment == fa and relief.amount_before == fa.amount
    assert case.events.filter(code="fee_relief_requested").count() == 1
    assert fee_relief.fee_relief_holds(fa)
    fee_relief.decide(staff["lian"], relief, "grant", "低保证明属实，准予免交")
    fa.refresh_from_db()
    assert fa.amount == 0
