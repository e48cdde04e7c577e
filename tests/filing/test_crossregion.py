"""跨域立案 (court-domain §7.2): the collaborating court receives and forwards, the competent court
alone registers or refuses, the decision travels back, a third court sees nothing."""
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import complaint, valid_id
from xiezhi.cases.models import Notification
from xiezhi.courts.models import Court
from xiezhi.courts.refdata import divisions_for_basic_court
from xiezhi.filing import crossregion as cr
from xiezhi.filing import services as fs
from xiezhi.filing.models import FilingStatus
from xiezhi.filing.models_crossregion import CrossRegionStatus as S
from xiezhi.filing.selectors import visible_filings

pytestmark = pytest.mark.django_db


def other_court(code):
    c = Court.objects.get(case_code=code)
    divisions_for_basic_court(c)
    return c


@pytest.fixture
def courts(court):
    return court, other_court("豫0221"), other_court("豫0223")  # 通许 (A), 杞县 (B), 尉氏 (C)


@pytest.fixture
def clerks(courts, make_staff):
    a, b, c = courts
    return (make_staff(["filing_judge"], "filing", court_=a), make_staff(["filing_judge"], "filing", court_=b),
            make_staff(["filing_judge"], "filing", court_=c))


def received(clerk_a, court_b, pdf_bytes):
    req = cr.receive(clerk_a, court_b, complaint(plaintiff_id=valid_id(7)), id_type="resident",
                     id_number=valid_id(7), id_name="原告甲")
    cr.add_scan(clerk_a, req, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"), kind="complaint")
    return req


def test_received_filing_belongs_to_the_competent_court_but_waits_unseen(courts, clerks, pdf_bytes):
    a, b, _c = courts
    req = received(clerks[0], b, pdf_bytes)
    assert req.filing.court == b  # jurisdiction does not change
    assert not visible_filings(clerks[1]).exclude(status=FilingStatus.DRAFT).filter(pk=req.filing_id).exists()
    assert not cr.visible_requests(clerks[1]).filter(pk=req.pk).exists()
    assert cr.visible_requests(clerks[0]).filter(pk=req.pk).exists()


def test_forwarding_twice_forwards_once_and_starts_the_clock_at_the_competent_court(courts, clerks, pdf_bytes):
    req = received(clerks[0], courts[1], pdf_bytes)
    cr.forward(clerks[0], req)
    cr.forward(clerks[0], req)
    req.refresh_from_db()
    assert req.status == S.FORWARDED and req.events.filter(code="forwarded").count() == 1
    f = req.filing
    f.refresh_from_db()
    assert f.status == FilingStatus.SUBMITTED and f.review_due_on is not None
    assert f.events.filter(code="submitted").count() == 1
    assert visible_filings(clerks[1]).filter(pk=f.pk, status="submitted").exists()


def test_nothing_to_forward_without_scanned_papers(courts, clerks):
    req = cr.receive(clerks[0], courts[1], complaint(), id_type="resident", id_number=valid_id(1), id_name="原告甲")
    with pytest.raises(ValidationError, match="扫描上传"):
        cr.forward(clerks[0], req)


def test_identity_is_checked(courts, clerks):
    with pytest.raises(ValidationError, match="身份证号码"):
        cr.receive(clerks[0], courts[1], complaint(), id_type="resident", id_number="410222198503150000",
                   id_name="原告甲")
    with pytest.raises(ValidationError, match="原件"):
        cr.receive(clerks[0], courts[1], complaint(), id_type="passport", id_number="E12345678", id_name="原告甲")
    req = cr.receive(clerks[0], courts[1], complaint(), id_type="passport", id_number="E12345678", id_name="原告甲",
                     clerk_checked=True)
    assert "原件" in req.identity_checked_by


def test_competent_court_is_another_platform_court(courts, clerks, make_staff):
    with pytest.raises(ValidationError, match="管辖法院"):
        cr.receive(clerks[0], courts[0], complaint(), id_type="resident", id_number=valid_id(1), id_name="甲")
    nobody = Court.objects.get(case_code="豫0225")  # 兰考: no clerk on the platform
    with pytest.raises(ValidationError, match="尚未接入"):
        cr.receive(clerks[0], nobody, complaint(), id_type="resident", id_number=valid_id(1), id_name="甲")


def test_only_the_competent_court_registers_and_the_request_follows(courts, clerks, pdf_bytes):
    req = received(clerks[0], courts[1], pdf_bytes)
    cr.forward(clerks[0], req)
    for outsider in (clerks[0], clerks[2]):
        with pytest.raises(PermissionDenied):
            fs.register(outsider, req.filing, procedure_code="civil_ordinary")
    case = fs.register(clerks[1], req.filing, procedure_code="civil_ordinary")
    req.refresh_from_db()
    assert case.court == courts[1] and "豫0221" in case.number
    assert req.status == S.REGISTERED and req.decision_at is not None
    assert case.filing.files.filter(kind="complaint").exists()  # court A's papers
    assert Notification.objects.filter(user=clerks[0], text__contains=case.number).exists()


def test_refusal_travels_back(courts, clerks, pdf_bytes):
    req = received(clerks[0], courts[1], pdf_bytes)
    cr.forward(clerks[0], req)
    fs.refuse(clerks[1], req.filing, "不属于人民法院受理民事诉讼的范围。")
    req.refresh_from_db()
    assert req.status == S.REFUSED
    assert [e.code for e in req.events.all()][-1] == "refused"


def test_correction_goes_back_to_the_collaborating_court_and_is_forwarded_again(courts, clerks, pdf_bytes):
    req = received(clerks[0], courts[1], pdf_bytes)
    cr.forward(clerks[0], req)
    fs.request_correction(clerks[1], req.filing, ["补充借条原件照片"])
    req.refresh_from_db()
    assert req.status == S.CORRECTION
    cr.add_scan(clerks[0], req, SimpleUploadedFile("借条.pdf", pdf_bytes + b"%", "application/pdf"))
    cr.forward(clerks[0], req)
    req.refresh_from_db()
    req.filing.refresh_from_db()
    assert req.status == S.FORWARDED and req.filing.status == FilingStatus.SUBMITTED


def test_paper_mail(courts, clerks, pdf_bytes):
    req = received(clerks[0], courts[1], pdf_bytes)
    with pytest.raises(ValidationError):
        cr.record_mail_received(clerks[1], req)
    cr.record_mail_sent(clerks[0], req, "1234567890123")
    cr.record_mail_sent(clerks[0], req, "1234567890123")
    with pytest.raises(PermissionDenied):
        cr.record_mail_received(clerks[2], req)
    cr.record_mail_received(clerks[1], req)
    req.refresh_from_db()
    assert req.mail_received_at and req.events.filter(code="mail_sent").count() == 1


def test_a_third_court_sees_nothing(courts, clerks, pdf_bytes, make_public):
    req = received(clerks[0], courts[1], pdf_bytes)
    cr.forward(clerks[0], req)
    assert not cr.visible_requests(clerks[2]).exists()
    assert not visible_filings(clerks[2]).filter(pk=req.filing_id).exists()
    with pytest.raises(PermissionDenied):
        cr.forward(clerks[2], req)
    stranger = make_public()
    assert not cr.visible_requests(stranger).exists()
