"""A summons is generated from the scheduled hearing (time, courtroom, online link filled in), and a
generated document is served from the delivery page as its (sealed) PDF (民事诉讼法 第一百三十九条、第一百五十五条)."""
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from docx import Document

from xiezhi.courts.models import Courtroom
from xiezhi.delivery.models import ServedDocument, ServiceRecord
from xiezhi.documents.models import GeneratedDocument
from xiezhi.hearings import services as hs

pytestmark = pytest.mark.django_db


def _text(doc: GeneratedDocument) -> str:
    with doc.docx.open("rb") as f:
        d = Document(io.BytesIO(f.read()))
    # the summons is a ruled table (传票 form): its cells are part of the text
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in d.paragraphs] + cells)


def test_a_summons_from_the_hearing_names_its_time_and_courtroom(client, case_setup, fake_pdf):
    case, judge = case_setup["case"], case_setup["judge"]
    room, _ = Courtroom.objects.update_or_create(court=case.court, name="第三审判庭", defaults={"location": "审判楼二楼"})
    start = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0) + timedelta(days=5)
    hearing = hs.schedule_hearing(judge, case, room, start, start + timedelta(hours=2), clerk=case_setup["clerk"])
    client.force_login(judge)
    panel = client.get(f"/staff/cases/{case.pk}/panels/hearings/")
    assert "生成传票" in panel.content.decode()
    defendant = case.parties.get(role="defendant")
    resp = client.post(f"/documents/staff/cases/{case.pk}/generate/",
                       {"kind": "summons", "hearing": hearing.pk, "recipient": defendant.name})
    assert resp.status_code == 302
    doc = GeneratedDocument.objects.get(case=case, kind="summons")
    text = _text(doc)
    assert f"{start:%Y年%m月%d日 %H时%M分}" in text
    assert "第三审判庭" in text and "审判楼二楼" in text and "【待填写】" not in text.split("应到处所")[1][:40]
    assert doc.recipient == defendant.name


def test_a_hearing_of_another_case_cannot_fill_a_summons(client, case_setup, fake_pdf):
    from tests.helpers import complaint
    from xiezhi.filing import services as fs

    case, judge = case_setup["case"], case_setup["judge"]
    other = fs.register(case_setup["filer"], fs.counter_filing(case_setup["filer"], case.court, complaint()),
                        procedure_code="civil_summary")
    other.judge = judge
    other.save(update_fields=["judge"])
    room, _ = Courtroom.objects.get_or_create(court=case.court, name="第一审判庭")
    start = timezone.localtime().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=3)
    hearing = hs.schedule_hearing(judge, other, room, start, start + timedelta(hours=1))
    client.force_login(judge)
    resp = client.post(f"/documents/staff/cases/{case.pk}/generate/", {"kind": "summons", "hearing": hearing.pk})
    assert resp.status_code == 404
    assert not GeneratedDocument.objects.filter(case=case).exists()


def test_a_generated_notice_is_served_from_the_delivery_page(client, case_setup, fake_pdf,
                                                             django_capture_on_commit_callbacks):
    case, clerk = case_setup["case"], case_setup["clerk"]
    client.force_login(clerk)
    with django_capture_on_commit_callbacks(execute=True):  # the PDF is made after the commit
        client.post(f"/documents/staff/cases/{case.pk}/generate/", {"kind": "evidence_notice"})
    doc = GeneratedDocument.objects.get(case=case, kind="evidence_notice")
    page = client.get(f"/delivery/cases/{case.pk}/serve/?document={doc.pk}").content.decode()
    assert f'<option value="{doc.pk}" selected>' in page
    defendant = case.parties.get(role="defendant")
    resp = client.post(f"/delivery/cases/{case.pk}/serve/", {"generated": doc.pk, "parties": [defendant.pk],
                                                               "methods": ["direct"]})
    assert resp.status_code == 302
    served = ServedDocument.objects.get(case=case)
    assert served.kind == "evidence_notice" and served.source == f"documents.GeneratedDocument:{doc.pk}:pdf"
    with served.file.open("rb") as f:
        assert f.read() == fake_pdf
    assert ServiceRecord.objects.get(document=served).party == defendant


def test_an_unsealed_judgment_is_refused_with_a_chinese_message(client, case_setup, fake_pdf):
    case, judge = case_setup["case"], case_setup["judge"]
    client.force_login(judge)
    from xiezhi.documents import drafts

    drafts.generate_from_draft(judge, drafts.start_draft(judge, case, "judgment"))  # written in the editor
    doc = GeneratedDocument.objects.get(case=case, kind="judgment")
    panel = client.get(f"/staff/cases/{case.pk}/panels/documents/").content.decode()
    assert f"?document={doc.pk}" not in panel  # no 送达 link before the seal
    resp = client.post(f"/delivery/cases/{case.pk}/serve/", {"generated": doc.pk,
                                                               "parties": [case.parties.get(role="defendant").pk],
                                                               "methods": ["direct"]})
    assert resp.status_code == 200
    assert "民事判决书须加盖电子印章后才能送达" in resp.content.decode()
    assert not ServedDocument.objects.filter(case=case).exists()


def test_a_document_whose_pdf_is_still_being_made_cannot_be_sealed_or_served(case_setup):
    from django.core.exceptions import ValidationError
    from django.core.files.base import ContentFile

    from xiezhi.documents import services

    case, judge = case_setup["case"], case_setup["judge"]
    doc = GeneratedDocument(case=case, kind="judgment", version=1, template=services.current_template("judgment"),
                            created_by=judge, docx_sha256="0" * 64)
    doc.docx.save("x.docx", ContentFile(b"PK"), save=False)
    doc.save()
    assert doc.pdf_pending
    with pytest.raises(ValidationError, match="PDF 尚在生成"):
        services.seal_document(judge, doc)
    notice = GeneratedDocument(case=case, kind="evidence_notice", version=1, docx_sha256="0" * 64,
                               template=services.current_template("evidence_notice"), created_by=judge)
    notice.docx.save("y.docx", ContentFile(b"PK"), save=False)
    notice.save()
    with pytest.raises(ValidationError, match="PDF 尚在生成"):
        services.paper_to_serve(notice)
    notice.pdf_error = "LibreOffice 转换超时"
    notice.save(update_fields=["pdf_error"])
    assert not notice.pdf_pending


def test_without_libreoffice_the_draft_keeps_its_docx_and_says_why_there_is_no_pdf(client, case_setup, monkeypatch,
                                                                                     django_capture_on_commit_callbacks):
    from xiezhi.documents import convert

    monkeypatch.setattr(convert.shutil, "which", lambda name: None)
    case, judge = case_setup["case"], case_setup["judge"]
    client.force_login(judge)
    with django_capture_on_commit_callbacks(execute=True):  # the PDF is attempted after the commit
        resp = client.post(f"/documents/staff/cases/{case.pk}/generate/", {"kind": "acceptance_notice"})
    assert resp.status_code == 302
    doc = GeneratedDocument.objects.get(case=case, kind="acceptance_notice")
    assert not doc.pdf and "未安装 LibreOffice" in doc.pdf_error and not doc.pdf_pending
    panel = client.get(f"/staff/cases/{case.pk}/panels/documents/").content.decode()
    assert "PDF 生成失败" in panel and "未安装 LibreOffice" in panel
    assert client.get(f"/documents/staff/{doc.pk}/download/docx/").status_code == 200
    assert client.get(f"/documents/staff/{doc.pk}/download/pdf/").status_code == 404


def test_the_notices_the_2016_forms_added_are_served_as_notices(case_setup, fake_pdf,
                                                                django_capture_on_commit_callbacks):
    """交纳诉讼费用通知书 and 诉讼权利义务告知书 go out with the filing-stage papers (交费办法 第二十二条;
    民事诉讼法 第一百二十六条: 告知当事人有关的诉讼权利义务): the delivery page serves them as 其他通知书."""
    from xiezhi.documents import services

    case, judge = case_setup["case"], case_setup["judge"]
    for kind in ("fee_notice", "rights_notice"):
        with django_capture_on_commit_callbacks(execute=True):  # the PDF is made after the commit
            doc = services.generate(judge, case, kind, recipient="张三丰")
        doc.refresh_from_db()
        paper = services.paper_to_serve(doc)
        assert paper["kind"] == "notice" and paper["file_bytes"].startswith(b"%PDF")
        assert paper["title"].endswith("（张三丰）")
