"""Every refused read of case data leaves a `denied` audit row (security review F8; design.md
principle 10): portal and staff, pages and files, documents and e-file entries, 403 and 404 alike."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.helpers import complaint
from xiezhi.audit.models import AuditEntry
from xiezhi.filing import services as fs

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    lit, outsider = make_public(), make_public()
    filing_judge = make_staff(["filing_judge"], "filing")
    judge, other_judge = make_staff(["judge"]), make_staff(["judge"])
    data = complaint(plaintiff_name=lit.real_name, plaintiff_id=lit.id_number)
    filing = fs.save_draft(lit, fs.new_draft(lit, court), data)
    ev = fs.add_evidence(lit, filing, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))
    fs.submit(lit, filing)
    case = fs.register(filing_judge, filing, procedure_code="civil_ordinary")
    from xiezhi.cases.services import assign_judge

    assign_judge(filing_judge, case, judge)
    return {"lit": lit, "outsider": outsider, "judge": judge, "other_judge": other_judge, "case": case,
            "filing": filing, "file": ev, "pdf": pdf_bytes}


def _get(user, url):
    c = Client()
    c.force_login(user)
    return c.get(url)


def _denied(user):
    return AuditEntry.objects.filter(action="denied", user=user)


def test_portal_probes_of_another_litigants_case_filing_and_file_are_recorded(world):
    out = world["outsider"]
    for url in (f"/portal/cases/{world['case'].pk}/", f"/portal/filings/{world['filing'].pk}/",
                f"/portal/files/{world['file'].pk}/"):
        before = _denied(out).count()
        assert _get(out, url).status_code == 404, url
        row = _denied(out).latest("pk")
        assert _denied(out).count() == before + 1 and row.path == url and row.row_hash, url


def test_staff_file_probe_by_a_judge_of_another_case_is_recorded(world):
    r = _get(world["other_judge"], f"/staff/files/{world['file'].pk}/")
    assert r.status_code == 404
    row = _denied(world["other_judge"]).get()
    assert row.case == world["case"] and "起诉材料" in row.detail


def test_document_and_e_file_probes_are_recorded(world, django_capture_on_commit_callbacks, monkeypatch):
    from xiezhi.documents import convert, services as doc_services

    monkeypatch.setattr(convert, "docx_to_pdf", lambda data, timeout=0: world["pdf"])
    with django_capture_on_commit_callbacks(execute=True):
        doc = doc_services.generate(world["judge"], world["case"], "evidence_notice")
    from xiezhi.dossier.models import Entry

    entry = Entry.objects.filter(dossier__case=world["case"]).first()
    assert entry is not None
    other = world["other_judge"]
    for url in (f"/documents/staff/{doc.pk}/download/docx/", f"/staff/dossier/entries/{entry.pk}/",
                f"/staff/cases/{world['case'].pk}/"):
        before = _denied(other).count()
        assert _get(other, url).status_code == 404, url
        assert _denied(other).count() == before + 1, url
    assert _denied(other).filter(case=world["case"]).count() >= 2


def test_a_403_role_refusal_is_recorded(world):
    # a judge opening the audit log, a litigant opening a staff page
    assert _get(world["judge"], "/staff/audit/").status_code == 403
    row = _denied(world["judge"]).get()
    assert row.path == "/staff/audit/" and row.detail.startswith("403")
    assert _get(world["lit"], "/staff/").status_code == 403
    assert _denied(world["lit"]).filter(path="/staff/").exists()


def test_an_allowed_read_leaves_no_denied_row(world):
    assert _get(world["judge"], f"/staff/cases/{world['case'].pk}/").status_code == 200
    assert _get(world["lit"], f"/portal/files/{world['file'].pk}/").status_code == 200
    assert not AuditEntry.objects.filter(action="denied").exists()
