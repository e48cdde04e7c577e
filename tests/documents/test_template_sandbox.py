"""Templates are data an administrator uploads, and a template is code to Jinja: an uploaded
.docx that reached Python's internals ran a shell command in the web process when a judge
generated a summons (security review 2026-12, finding 1). Templates now render in Jinja's
sandbox, and an upload may use only the placeholders the document offers."""
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from xiezhi.documents import services
from xiezhi.documents.context import template_variables
from xiezhi.documents.kinds import KINDS
from xiezhi.documents.models import DocumentTemplate

pytestmark = pytest.mark.django_db


def _docx(*paragraphs: str) -> bytes:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _payload(marker) -> str:
    return "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}" % marker


def test_an_upload_that_reaches_python_internals_is_refused_naming_it(case_setup, make_staff, tmp_path):
    tmo = make_staff(["trial_management"])
    marker = tmp_path / "ran"
    with pytest.raises(ValidationError, match="cycler"):
        services.upload_template(tmo, "summons", _docx("{{ case_number }}", _payload(marker)))
    with pytest.raises(ValidationError, match="os_environ"):
        services.upload_template(tmo, "summons", _docx("{{ os_environ }}"))
    assert not DocumentTemplate.objects.filter(kind="summons", version__gt=1).exists()
    assert not marker.exists()


def test_a_stored_template_with_code_renders_none_of_it(case_setup, tmp_path):
    """A template that never passed the upload check (stored before it, or put on disk by hand)
    is still rendered in the sandbox: the command does not run and the judge gets a message."""
    from django.core.files.base import ContentFile

    marker = tmp_path / "ran"
    services.ensure_shipped_templates()
    bad = DocumentTemplate(kind="summons", version=99, note="planted")
    bad.file.save("planted.docx", ContentFile(_docx("{{ case_number }}", _payload(marker))), save=False)
    bad.sha256 = "0" * 64
    bad.save()
    with pytest.raises(ValidationError, match="不允许"):
        services.generate(case_setup["judge"], case_setup["case"], "summons")
    assert not marker.exists()


def test_an_upload_using_only_the_offered_placeholders_is_accepted(case_setup, make_staff):
    tmo = make_staff(["trial_management"])
    t = services.upload_template(tmo, "summons", _docx("{{ court_name }}", "传票 {{ case_number }}",
                                                       "{% for p in parties %}{{ p.name }}{% endfor %}",
                                                       "{{ recipient.name }} {{ hearing_time }} {{ hearing_place }}",
                                                       "{{ date_cn }}"))
    assert t.version == 2


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_shipped_template_uses_only_the_offered_placeholders(kind):
    from docxtpl import DocxTemplate

    data = (services.SHIPPED / f"{kind}.docx").read_bytes()
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    used = DocxTemplate(io.BytesIO(data)).get_undeclared_template_variables(services.template_environment())
    assert used and set(used) <= template_variables()
