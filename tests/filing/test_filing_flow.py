"""Filing registration (登记立案规定 2015; 在线诉讼规则 第九条; 民事诉讼法 第一百二十六条)."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import complaint, valid_id
from xiezhi.cases.models import Case, CaseEvent, Notification
from xiezhi.filing import services as fs
from xiezhi.filing.models import FilingStatus
from xiezhi.law.casenumber import parse_case_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(make_staff):
    return make_staff(["filing_judge"], "filing", name="立案法官甲")


@pytest.fixture
def lawyer(make_public):
    return make_public(lawyer=True)


def submitted(user, court, pdf_bytes, data=None):
    f = fs.new_draft(user, court)
    f = fs.save_draft(user, f, data or complaint())
    fs.add_evidence(user, f, SimpleUploadedFile("借条.pdf", pdf_bytes, "application/pdf"), title="借条")
    return fs.submit(user, f)


def test_draft_keeps_everything_typed_even_when_incomplete(lawyer, court):
    f = fs.new_draft(lawyer, court)
    data = {"parties": [{"role": "plaintiff", "name": "只写了名字"}], "claims": "半句话", "facts": ""}
    f = fs.save_draft(lawyer, f, data, revision=0)
    f.refresh_from_db()
    assert f.data["parties"][0]["name"] == "只写了名字"
    assert f.data["claims"] == "半句话"
    assert f.draft_revision == 1
    assert f.data["agent"]["lawyer_licence"] == lawyer.lawyer_licence  # a lawyer files as agent


def test_stale_revision_from_another_tab_is_refused(lawyer, court):
    f = fs.new_draft(lawyer, court)
    fs.save_draft(lawyer, f, complaint(), revision=0)
    fs.save_draft(lawyer, f, complaint(), revision=1)
    with pytest.raises(ValidationError, match="其他窗口"):
        fs.save_draft(lawyer, f, {"claims": "旧窗口的内容"}, revision=0)
    f.refresh_from_db()
    assert "150000" in f.data["claims"]


def test_fee_is_estimated_while_typing(lawyer, court):
    """诉讼费用交纳办法 第十三条: 150,000 → 0.02×150,000+300 = 3,300."""
    f = fs.save_draft(lawyer, fs.new_draft(lawyer, court), complaint(amount="150000"))
    assert f.fee_estimate["fee"] == "3300.00"


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["parties"].pop(1), "被告"),
    (lambda d: d["parties"][0].update(id_number="410222198503150012"), "校验不通过"),
    (lambda d: d["parties"][0].update(phone="12345"), "手机号码"),
    (lambda d: d.update(claims=""), "诉讼请求"),
    (lambda d: d.update(facts=""), "事实与理由"),
])
def test_incomplete_complaint_cannot_be_submitted(lawyer, court, pdf_bytes, mutate, message):
    """民事诉讼法 第一百二十二条、第一百二十四条: what a complaint must contain."""
    data = complaint()
    mutate(data)
    f = fs.save_draft(lawyer, fs.new_draft(lawyer, court), data)
    fs.add_evidence(lawyer, f, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))
    with pytest.raises(ValidationError) as exc:
        fs.submit(lawyer, f)
    assert any(message in m for m in exc.value.messages)
    f.refresh_from_db()
    assert f.status == FilingStatus.DRAFT


def test_online_filing_needs_at_least_one_upload(lawyer, court):
    f = fs.save_draft(lawyer, fs.new_draft(lawyer, court), complaint())
    with pytest.raises(ValidationError, match="上传"):
        fs.submit(lawyer, f)


def test_submission_starts_the_seven_day_clock(lawyer, court, pdf_bytes):
    f = submitted(lawyer, court, pdf_bytes)
    assert f.status == FilingStatus.SUBMITTED
    assert f.review_due_on >= f.clock_started_on + timedelta(days=7)  # art. 85: start day not counted
    assert fs.submit(lawyer, f).status == FilingStatus.SUBMITTED  # double click is harmless


def test_correction_is_asked_once_and_restarts_the_clock(lawyer, clerk, court, pdf_bytes):
    """登记立案规定 第七条: one written list; the period restarts when the corrections arrive."""
    f = submitted(lawyer, court, pdf_bytes)
    f = fs.request_correction(clerk, f, ["补充被告身份信息", "", "提交借条原件照片"])
    assert f.status == FilingStatus.NEEDS_CORRECTION
    assert f.correction_notice == "1. 补充被告身份信息\n2. 提交借条原件照片"
    assert f.review_due_on is None
    assert Notification.objects.filter(user=lawyer, filing=f).exists()
    data = complaint()
    data["parties"][1]["id_number"] = valid_id(7)
    f = fs.save_draft(lawyer, f, data)
    f = fs.submit(lawyer, f)
    assert f.status == FilingStatus.SUBMITTED
    assert f.clock_started_on == date.today() or f.clock_started_on is not None
    with pytest.raises(ValidationError, match="一次性"):
        fs.request_correction(clerk, f, ["再补一项"])


def test_register_allocates_number_creates_case_and_tells_parties(lawyer, clerk, court, pdf_bytes):
    f = submitted(lawyer, court, pdf_bytes)
    case = fs.register(clerk, f, procedure_code="civil_ordinary")
    n = parse_case_number(case.number)
    assert (n.court_code, n.type_code, n.year) == ("豫0222", "民初", case.filed_on.year)
    assert case.number.startswith("（") and case.number.endswith("号")
    codes = list(CaseEvent.objects.filter(case=case).values_list("code", flat=True))
    assert codes[:3] == ["filing_received", "registered", "procedure_set"]
    assert "notices_issued" in codes and "fee_assessed" in codes
    fee = case.fees.get()
    assert fee.amount == Decimal("3300.00") and fee.due_on > case.filed_on
    # the lawyer is linked as agent and sees the case; the clerk's registration is idempotent
    agent = case.parties.get(role="agent")
    assert agent.user == lawyer and agent.represents.role == "plaintiff"
    assert Notification.objects.filter(user=lawyer, case=case, kind="registered").exists()
    assert fs.register(clerk, f, procedure_code="civil_ordinary") == case
    assert Case.objects.filter(number=case.number).count() == 1


def test_summary_procedure_halves_the_fee(lawyer, clerk, court, pdf_bytes):
    """诉讼费用交纳办法 第十六条."""
    case = fs.register(clerk, submitted(lawyer, court, pdf_bytes), procedure_code="civil_summary")
    assert case.fees.get().amount == Decimal("1650.00")


def test_fee_change_needs_a_reason(lawyer, clerk, court, pdf_bytes):
    case = fs.register(clerk, submitted(lawyer, court, pdf_bytes), procedure_code="civil_ordinary")
    fee = case.fees.get()
    with pytest.raises(ValidationError, match="理由"):
        fs.change_fee(clerk, fee, Decimal("100"), "  ")
    fs.change_fee(clerk, fee, Decimal("100"), "原告申请缓交后重新核定")
    ev = case.events.get(code="fee_changed")
    assert ev.payload["from"] == "3300.00" and ev.payload["reason"] == "原告申请缓交后重新核定"


def test_payment_is_recorded_once(lawyer, clerk, court, pdf_bytes):
    case = fs.register(clerk, submitted(lawyer, court, pdf_bytes), procedure_code="civil_ordinary")
    fee = case.fees.get()
    first = fs.pay_fee(lawyer, fee)
    again = fs.pay_fee(lawyer, fee)
    assert first.payment_ref == again.payment_ref and first.paid_at
    assert case.events.filter(code="fee_paid").count() == 1


def test_the_portal_pay_form_sent_twice_is_one_payment(lawyer, clerk, court, pdf_bytes, client):
    """The case page puts one idempotency key in the 在线交费 form: the same form posted twice (a
    double click, or the browser's retry) is the same payment intent and one fee_paid node."""
    import re

    from xiezhi.filing.models import PaymentIntent

    case = fs.register(clerk, submitted(lawyer, court, pdf_bytes), procedure_code="civil_ordinary")
    fee = case.fees.get()
    client.force_login(lawyer)
    page = client.get(f"/portal/cases/{case.pk}/").content.decode()
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page).group(1)
    for _ in range(2):
        assert client.post(f"/portal/fees/{fee.pk}/pay/", {"idempotency_key": key}).status_code == 302
    assert list(PaymentIntent.objects.filter(assessment=fee).values_list("idempotency_key", "status")) == [
        (key, "paid")]
    assert case.events.filter(code="fee_paid").count() == 1


def test_refusal_needs_written_reasons(lawyer, clerk, court, pdf_bytes):
    """登记立案规定 第九条."""
    f = submitted(lawyer, court, pdf_bytes)
    with pytest.raises(ValidationError):
        fs.refuse(clerk, f, "")
    f = fs.refuse(clerk, f, "不属于人民法院受理民事诉讼的范围。")
    assert f.status == FilingStatus.REFUSED and f.case is None


def test_only_the_courts_own_filing_clerk_may_decide(lawyer, court, make_staff, pdf_bytes):
    from xiezhi.courts.models import Court

    f = submitted(lawyer, court, pdf_bytes)
    judge = make_staff(["judge"])
    other_court_clerk = make_staff(["filing_judge"], "filing", court_=Court.objects.get(case_code="豫0203"))
    for outsider in (judge, other_court_clerk):
        with pytest.raises(PermissionDenied):
            fs.register(outsider, f, procedure_code="civil_ordinary")
    other = fs.new_draft(lawyer, court)
    with pytest.raises(PermissionDenied):
        fs.save_draft(judge, other, complaint())


def test_counter_filing_records_an_oral_complaint(clerk, court):
    """登记立案规定 第三条: an oral complaint is written down."""
    data = complaint()
    data["facts"] = ""
    data["oral_record"] = "原告口述：被告借款未还。"
    f = fs.counter_filing(clerk, court, data, channel="oral")
    assert f.status == FilingStatus.SUBMITTED and f.channel == "oral"
    case = fs.register(clerk, f, procedure_code="civil_summary")
    assert "口述" in case.facts


@pytest.mark.parametrize("name, content, message", [
    ("空.pdf", b"", "为空"),
    ("伪装.pdf", b"MZ\x90\x00 this is an exe" * 10, "不支持"),
    ("损坏.pdf", b"%PDF-1.7\n1 0 obj garbage", "损坏"),
    ("截断.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 200, "损坏"),
])
def test_uploads_are_checked_by_content(lawyer, court, name, content, message):
    f = fs.new_draft(lawyer, court)
    with pytest.raises(ValidationError, match=message):
        fs.add_evidence(lawyer, f, SimpleUploadedFile(name, content, "application/pdf"))
    assert not f.files.exists()


def test_oversized_upload_is_refused(lawyer, court, settings, pdf_bytes):
    settings.UPLOAD_MAX_BYTES = len(pdf_bytes) - 1
    f = fs.new_draft(lawyer, court)
    with pytest.raises(ValidationError, match="过大"):
        fs.add_evidence(lawyer, f, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))


def test_same_file_uploaded_twice_is_kept_once(lawyer, court, pdf_bytes):
    f = fs.new_draft(lawyer, court)
    a = fs.add_evidence(lawyer, f, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))
    b = fs.add_evidence(lawyer, f, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))
    assert a.pk == b.pk and len(a.sha256) == 64


def test_the_same_bytes_in_two_filings_are_one_file_on_disk(lawyer, court, pdf_bytes, settings, tmp_path):
    """Content-addressed storage: the second upload reuses the stored file (no `<sha>_XXXXXXX` copy)."""
    import hashlib

    settings.MEDIA_ROOT = tmp_path
    uploads = [fs.add_evidence(lawyer, fs.save_draft(lawyer, fs.new_draft(lawyer, court), complaint()),
                               SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf")) for _ in range(2)]
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    assert {u.file.name for u in uploads} == {f"evidence/{sha[:2]}/{sha}.pdf"}
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()] == [uploads[0].file.name]
    assert uploads[1].file.read() == pdf_bytes


def test_a_minor_is_flagged_from_the_id_number(clerk, court):
    """民法典 第十七条: under 18 is a minor; the birth date is in the ID number (GB 11643)."""
    from datetime import date as d

    from xiezhi.law.identity import resident_id_check_char

    body = f"410222{d.today().year - 10}0101001"
    data = complaint()
    data["parties"].append({"role": "third_party", "kind": "natural", "name": "小明", "id_number": body + resident_id_check_char(body)})
    case = fs.register(clerk, fs.counter_filing(clerk, court, data), procedure_code="civil_summary")
    assert case.parties.get(name="小明").is_minor is True
    assert case.parties.get(name="原告甲").is_minor is False
