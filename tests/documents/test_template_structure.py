"""An uploaded template keeps its form's structure (issue 10 item 5: templates stay editable by the court,
within the structure, and are tested against it when uploaded): the placeholders and wording each kind
requires (build_notices.REQUIRED, build_final.REQUIRED where declared) must still be there; the refusal
names what is missing, in Chinese, on upload (services.upload_template) and in the admin form."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from xiezhi.documents import build_final, build_notices, services, template_check
from xiezhi.documents.models import DocumentTemplate

NOTICE_KINDS = list(build_notices.BUILDERS)


def _shipped(kind) -> bytes:
    return (services.SHIPPED / f"{kind}.docx").read_bytes()


def _edited(kind, old, new="") -> bytes:
    """The shipped template with `old` replaced in every run (paragraphs and table cells)."""
    doc = Document(io.BytesIO(_shipped(kind)))
    paras = list(doc.paragraphs) + [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    for para in paras:
        for run in para.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_every_shipped_notice_has_its_structure(kind):
    assert template_check.missing(kind, _shipped(kind)) == []
    template_check.check_structure(kind, _shipped(kind))


@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_without_the_case_number_a_template_is_refused_naming_it(kind):
    with pytest.raises(ValidationError) as exc:
        template_check.check_structure(kind, _edited(kind, "{{ case_number }}"))
    assert "模板缺少该文书样式必需的内容：案号（{{ case_number }}）" in exc.value.messages[0]


def test_a_placeholder_in_another_spelling_still_counts(db):
    data = _edited("acceptance_notice", "{{ case_number }}", "{{case_number}}")
    assert template_check.missing("acceptance_notice", data) == []


def test_the_forms_wording_is_required_too():
    """送达回证 without its 代收人 row (民事诉讼法 第八十八条); 合议庭组成人员通知书 citing 第一百三十条 instead
    of 第一百三十一条; a panel notice without the list of members."""
    assert template_check.missing("service_receipt", _edited("service_receipt", "代收人及代收理由", "其他")) == ["“代收人”"]
    assert "“第一百三十一条”" in template_check.missing("panel_notice", _edited("panel_notice", "第一百三十一条", "第一百三十条"))
    assert template_check.missing("panel_notice", _edited("panel_notice", "{%p for m in panel %}", "")) != []


def test_the_judges_documents_use_build_final_required(monkeypatch):
    """build_final may declare its own REQUIRED; the check reads it."""
    monkeypatch.setattr(build_final, "REQUIRED", {"judgment": ("{{ case_number }}", "判决如下")}, raising=False)
    assert template_check.missing("judgment", _shipped("judgment")) == []
    assert template_check.missing("judgment", _edited("judgment", "判决如下", "决定如下")) == ["“判决如下”"]


@pytest.mark.parametrize("kind", list(build_final.BUILDERS))
def test_every_shipped_judicial_document_has_its_structure(kind):
    assert template_check.missing(kind, _shipped(kind)) == []


@pytest.mark.parametrize("kind", list(build_final.BUILDERS))
def test_a_judicial_document_without_its_seal_lines_is_refused(kind):
    """（院印） and 本件与原本核对无异 are part of every 裁判文书's 落款 (2016 样式); a court's version that drops
    the second, or the signers of the trial organisation, is refused naming them."""
    lacking = template_check.missing(kind, _edited(kind, "本件与原本核对无异"))
    assert lacking == ["“本件与原本核对无异”"]
    assert "署名（signers）" in template_check.missing(kind, _edited(kind, "{%p for m in signers %}", ""))


@pytest.mark.django_db
def test_upload_of_an_edited_shipped_template_is_accepted(make_staff):
    """A court adjusts the wording within the structure: accepted as the next version."""
    admin = make_staff(["sysadmin"])
    data = _edited("acceptance_notice", "请在收到本通知书后填写送达地址确认书并交回本院。", "请在三日内填写送达地址确认书并交回本院。")
    t = services.upload_template(admin, "acceptance_notice", data, note="本院措辞")
    assert t.version == 2


@pytest.mark.django_db
@pytest.mark.parametrize("kind", NOTICE_KINDS)
def test_every_shipped_notice_can_be_uploaded_again(make_staff, kind):
    """The shipped templates pass the whole upload check (placeholders offered, structure kept)."""
    assert services.upload_template(make_staff(["sysadmin"]), kind, _shipped(kind)).version == 2


@pytest.mark.django_db
def test_upload_without_the_case_number_is_refused(make_staff):
    admin = make_staff(["sysadmin"])
    with pytest.raises(ValidationError) as exc:
        services.upload_template(admin, "summons", _edited("summons", "{{ case_number }}"))
    assert "案号" in exc.value.messages[0]
    assert not DocumentTemplate.objects.filter(kind="summons", version__gt=1).exists()


@pytest.mark.django_db
def test_admin_form_refuses_a_template_without_the_case_number(make_staff):
    from xiezhi.documents.admin import TemplateUploadForm

    def form(data):
        return TemplateUploadForm(data={"kind": "acceptance_notice", "note": "x", "active": True},
                                  files={"file": SimpleUploadedFile("t.docx", data)})

    bad = form(_edited("acceptance_notice", "{{ case_number }}"))
    assert not bad.is_valid()
    assert "案号（{{ case_number }}）" in " ".join(bad.errors["file"])
    assert form(_shipped("acceptance_notice")).is_valid()
