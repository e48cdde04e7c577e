"""跨域立案 under a double click: forwarding from two requests at once forwards once (one event,
one start of the competent court's 7 days), and scanning the same paper twice keeps one file."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.concurrency import at_once, require_postgresql
from tests.helpers import complaint, valid_id
from xiezhi.courts.models import Court
from xiezhi.courts.refdata import divisions_for_basic_court
from xiezhi.filing import crossregion as cr
from xiezhi.filing.models import FilingEvent
from xiezhi.filing.models_crossregion import CrossRegionEvent, CrossRegionRequest

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setup(court, make_staff, pdf_bytes):
    require_postgresql()
    b = Court.objects.get(case_code="豫0221")
    divisions_for_basic_court(b)
    clerk_a = make_staff(["filing_judge"], "filing")
    make_staff(["filing_judge"], "filing", court_=b)
    req = cr.receive(clerk_a, b, complaint(), id_type="resident", id_number=valid_id(3), id_name="原告甲")
    return clerk_a, req


def test_double_click_forwards_once(setup, pdf_bytes):
    clerk_a, req = setup
    cr.add_scan(clerk_a, req, SimpleUploadedFile("起诉状.pdf", pdf_bytes, "application/pdf"))
    outcomes = at_once(*[lambda: cr.forward(clerk_a, CrossRegionRequest.objects.get(pk=req.pk))] * 3)
    assert all(isinstance(o, CrossRegionRequest) for o in outcomes), outcomes
    assert CrossRegionEvent.objects.filter(request=req, code="forwarded").count() == 1
    assert FilingEvent.objects.filter(filing_id=req.filing_id, code="submitted").count() == 1


def test_the_same_scan_twice_keeps_one_file(setup, pdf_bytes):
    clerk_a, req = setup
    outcomes = at_once(*[lambda: cr.add_scan(clerk_a, req, SimpleUploadedFile("起诉状.pdf", pdf_bytes,
                                                                              "application/pdf"))] * 3)
    assert len({o.pk for o in outcomes}) == 1, outcomes
    assert req.filing.files.count() == 1
