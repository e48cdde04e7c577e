"""电子卷宗随案生成: papers are filed into the standard catalogue automatically, numbered, never overwritten."""
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from tests.dossier.conftest import two_page_pdf
from xiezhi.cases.signals import paper_added
from xiezhi.dossier import selectors, services
from xiezhi.dossier.models import Dossier, Entry

pytestmark = pytest.mark.django_db


def test_registration_files_the_filing_uploads_into_the_catalogue(registered):
    case = registered["case"]
    entries = selectors.catalogue(case.dossier)
    assert [(e.section, e.item_title, e.title) for e in entries] == [
        ("main", "起诉状", "民事起诉状"), ("main", "证据材料", "借条")]
    assert [(e.first_page, e.last_page) for e in entries] == [(1, 1), (2, 3)]
    assert all(e.source.startswith("filing.EvidenceFile:") and len(e.sha256) == 64 for e in entries)
    assert case.events.filter(code="dossier_filed", public_to_parties=False).count() == 2
    # filing again (a backfill, a retried registration) adds nothing
    services.file_registration_uploads(case)
    assert Entry.objects.filter(dossier=case.dossier).count() == 2


def test_paper_added_files_generated_papers_in_catalogue_order_with_running_pages(registered):
    case, judge = registered["case"], registered["judge"]
    paper_added.send(sender=None, case=case, file=ContentFile(two_page_pdf(), name="pj.pdf"), title="民事判决书",
                     kind="judgment", source="documents.GeneratedDocument:1", created_by=judge)
    paper_added.send(sender=None, case=case, file=ContentFile(two_page_pdf("cp"), name="cp.pdf"),
                     title="合议庭评议笔录", kind="deliberation", source="trial.Deliberation:1", created_by=judge)
    paper_added.send(sender=None, case=case, file=ContentFile(b"%PDF-1.4 broken", name="x.pdf"), title="传票",
                     kind="summons", source="documents.GeneratedDocument:2", created_by=judge)
    entries = selectors.catalogue(case.dossier)
    titles = [(e.section, e.title, e.first_page, e.last_page) for e in entries if e.pages]
    # 正卷: 起诉状 1, 证据 2-3, 判决书 4-5; 副卷 numbered on its own from 1
    assert titles == [("main", "民事起诉状", 1, 1), ("main", "借条", 2, 3), ("main", "民事判决书", 4, 5),
                      ("side", "合议庭评议笔录", 1, 2)]
    assert selectors.page_count(entries) == 7


def test_a_correction_supersedes_and_never_overwrites(registered):
    case, judge = registered["case"], registered["judge"]
    old = Entry.objects.get(dossier__case=case, title="借条")
    old_bytes = old.file.read()
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.dossier.scan import scanned_pdf

    new = services.upload(judge, case, SimpleUploadedFile("jt2.pdf", scanned_pdf(), "application/pdf"),
                          title="借条（更正）", kind="other", supersedes=old)
    assert new.supersedes_id == old.pk and new.kind == "evidence"
    old.refresh_from_db()
    assert old.file.open("rb").read() == old_bytes  # the old paper is still there, unchanged
    entries = selectors.catalogue(case.dossier)
    by_title = {e.title: e for e in entries}
    assert not by_title["借条"].current and by_title["借条"].first_page is None
    assert (by_title["借条（更正）"].first_page, by_title["借条（更正）"].last_page) == (2, 4)
    with pytest.raises(ValidationError):  # superseding the superseded one again is refused
        services.upload(judge, case, SimpleUploadedFile("jt3.pdf", two_page_pdf("jt3"), "application/pdf"),
                        title="x", kind="evidence", supersedes=old)


@pytest.mark.parametrize("data,message", [
    (b"", "文件为空"), (b"%PDF-1.7 this is not really a pdf", "PDF 文件已损坏"),
    (b"MZ\x90\x00 an exe", "只能上传 PDF 或 JPG、PNG 图片"), (b"\x89PNG\r\n\x1a\n broken", "图片文件已损坏")])
def test_uploads_are_checked_by_content_with_a_clear_error(registered, data, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as exc:
        services.upload(registered["judge"], registered["case"], SimpleUploadedFile("a.pdf", data), title="t",
                        kind="evidence")
    assert message in " ".join(exc.value.messages)


def test_a_judge_of_another_case_cannot_add_papers(registered, make_staff):
    from django.core.exceptions import PermissionDenied
    from django.core.files.uploadedfile import SimpleUploadedFile

    other = make_staff(["judge"], "civil")
    with pytest.raises(PermissionDenied):
        services.upload(other, registered["case"], SimpleUploadedFile("a.pdf", two_page_pdf()), title="t",
                        kind="evidence")
    assert Dossier.objects.get(case=registered["case"]).entries.count() == 2
