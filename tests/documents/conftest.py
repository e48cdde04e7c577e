import pytest


@pytest.fixture(autouse=True)
def _pdf_in_process(settings):
    """The PDF is made right after the draft here; test_worker_pdf.py proves the Redis worker path."""
    settings.CELERY_TASK_ALWAYS_EAGER = True


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def case_setup(court, make_staff, media):
    """A registered civil case with a judge, a clerk and a lawyer for the plaintiff."""
    from tests.helpers import complaint
    from xiezhi.cases.models import Party
    from xiezhi.filing import services as fs

    filer = make_staff(["filing_judge"], "filing")
    case = fs.register(filer, fs.counter_filing(filer, court, complaint(plaintiff_name="张三丰")),
                       procedure_code="civil_summary")
    judge = make_staff(["judge"], name="李审判")
    clerk = make_staff(["clerk"], name="王书记")
    case.judge = judge
    case.save(update_fields=["judge"])
    case.team.add(clerk)
    plaintiff = case.parties.get(role="plaintiff")
    Party.objects.create(case=case, role="agent", name="何律师", law_firm="河南通正律师事务所", represents=plaintiff)
    return {"case": case, "judge": judge, "clerk": clerk, "filer": filer}


@pytest.fixture
def fake_pdf(monkeypatch, pdf_bytes):
    """Most tests do not need LibreOffice; test_pdf.py runs the real converter."""
    from xiezhi.documents import convert

    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: pdf_bytes)
    return pdf_bytes
