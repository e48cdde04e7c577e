import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.helpers import complaint


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def registered(court, make_staff, pdf_bytes):
    """A case registered at the counter with a complaint and one piece of evidence uploaded."""
    from xiezhi.cases.services import assign_judge
    from xiezhi.filing import services as fs

    clerk = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"], "civil")
    filing = fs.counter_filing(clerk, court, complaint())
    fs.add_evidence(clerk, filing, SimpleUploadedFile("qisu.pdf", pdf_bytes, "application/pdf"), kind="complaint",
                    title="民事起诉状")
    fs.add_evidence(clerk, filing, SimpleUploadedFile("jietiao.pdf", two_page_pdf(), "application/pdf"),
                    kind="evidence", title="借条")
    case = fs.register(clerk, filing, procedure_code="civil_summary")
    assign_judge(clerk, case, judge)
    case.refresh_from_db()
    return {"case": case, "clerk": clerk, "judge": judge}


def two_page_pdf(tag: str = "") -> bytes:
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(width=595, height=842)
    w.add_blank_page(width=595, height=842)
    if tag:
        w.add_metadata({"/Title": tag})
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()
