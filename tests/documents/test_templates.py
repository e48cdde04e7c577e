"""Each shipped template renders with the case's data: a clerk can open the .docx, and no
placeholder is left unfilled."""
import io
import re
import zipfile

import pytest

from xiezhi.documents import services
from xiezhi.documents.build_templates import BUILDERS
from xiezhi.documents.context import build_context
from xiezhi.documents.kinds import KINDS
from xiezhi.documents.models import DocumentTemplate


def _xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml").decode()


def _text(docx: bytes) -> str:
    return re.sub(r"<[^>]+>", "", _xml(docx))


def test_every_kind_has_a_shipped_docx():
    assert set(BUILDERS) == set(KINDS)
    for kind in KINDS:
        data = (services.SHIPPED / f"{kind}.docx").read_bytes()
        assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


@pytest.mark.django_db
@pytest.mark.parametrize("kind", list(KINDS))
def test_template_renders_case_data(kind, case_setup):
    case = case_setup["case"]
    template = services.current_template(kind)
    assert template.version == 1
    docx = services.render_docx(template, build_context(case))
    text = _text(docx)
    assert case.number in text
    assert case.court.name in text
    assert "{{" not in text and "{%" not in text and "}}" not in text
    if kind in ("judgment", "ruling", "mediation"):
        # parties with roles, the agent, the claims (the judgment's own checks are in test_form_*.py)
        assert "原告：张三丰" in text and "被告：被告乙" in text
        assert "委托诉讼代理人：何律师" in text
        assert "判令被告偿还借款150000元" in text
    if kind in ("judgment", "mediation"):
        # 简易程序: the full fee and the halved one (交费办法 第十六条), in figures as a judgment writes them
        assert "案件受理费3300元，减半收取计1650元" in text
    if kind == "judgment":
        # the procedure sentence, not the platform's timeline; the date in Chinese numerals
        assert "立案后，依法适用简易程序" in text and re.search(r"二〇\S+年\S+月\S+日", text)
        assert "审判员　　李审判" in text and "书记员　　王书记" in text
    if kind == "acceptance_notice":
        assert "张三丰：" in text, text
        assert "预交案件受理费1,650.00元（人民币壹仟陆佰伍拾元整）" in text, text[text.find("一、"):text.find("二、")]


def test_fee_matches_law(case_setup):
    # 150,000 元借款：交费办法 第十三条 → 3,300 元；简易程序减半（第十六条）→ 1,650 元
    from decimal import Decimal

    from xiezhi.documents.context import _fee

    assert _fee(case_setup["case"]) == Decimal("1650.00")


def test_uploaded_template_becomes_the_new_version(case_setup, make_staff):
    from docx import Document

    admin = make_staff(["sysadmin"])
    services.ensure_shipped_templates()
    # the court edits the shipped form: its structure stays (template_check), a paragraph is added
    doc = Document(str(services.SHIPPED / "acceptance_notice.docx"))
    doc.add_paragraph("新版受理通知书 {{ case_number }} {{ recipient.name }}")
    buf = io.BytesIO()
    doc.save(buf)
    t = services.upload_template(admin, "acceptance_notice", buf.getvalue(), note="2027 样式")
    assert t.version == 2
    assert services.current_template("acceptance_notice") == t
    assert DocumentTemplate.objects.filter(kind="acceptance_notice").count() == 2  # v1 kept
    text = _text(services.render_docx(t, build_context(case_setup["case"])))
    assert f"新版受理通知书 {case_setup['case'].number} 张三丰" in text


def test_template_with_broken_placeholder_is_refused(db, make_staff):
    from django.core.exceptions import ValidationError
    from docx import Document

    admin = make_staff(["sysadmin"])
    doc = Document()
    doc.add_paragraph("{{ case_number ")
    doc.add_paragraph("{% if %}")
    buf = io.BytesIO()
    doc.save(buf)
    with pytest.raises(ValidationError):
        services.upload_template(admin, "summons", buf.getvalue())
    with pytest.raises(ValidationError):
        services.upload_template(admin, "summons", b"not a docx")


def test_only_administrators_upload_templates(db, make_staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.upload_template(make_staff(["judge"]), "summons", b"PK")
