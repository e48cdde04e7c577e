"""Document and template versions under concurrency (issue 8 §3): drawn from the upsert counter
(cases.counters), so two generations of the same document at once are versions 1 and 2."""
import io

import pytest

from tests.concurrency import at_once, require_postgresql
from xiezhi.documents import services
from xiezhi.documents.models import DocumentTemplate, GeneratedDocument

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgresql_only():
    require_postgresql()


@pytest.mark.parametrize("n", [2, 5])
def test_generations_at_once_get_consecutive_versions(case_setup, fake_pdf, n):
    case, judge = case_setup["case"], case_setup["judge"]
    services.ensure_shipped_templates()
    outcomes = at_once(*[(lambda: services.generate(judge, case, "summons"))] * n)
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    versions = sorted(GeneratedDocument.objects.filter(case=case, kind="summons").values_list("version", flat=True))
    assert versions == list(range(1, n + 1))
    assert case.events.filter(code="document_generated").count() == n


def test_templates_uploaded_at_once_get_consecutive_versions(case_setup, make_staff, monkeypatch):
    import time

    from docx import Document

    services.ensure_shipped_templates()
    store = services._store

    def slow_store(*args):  # widen the window between drawing the version and commit
        time.sleep(0.2)
        return store(*args)

    monkeypatch.setattr(services, "_store", slow_store)
    admins = [make_staff(["sysadmin"]) for _ in range(4)]

    def upload(admin, i):
        doc = Document(str(services.SHIPPED / "summons.docx"))  # the form's structure stays (template_check)
        doc.add_paragraph(f"传票 {i}")
        buf = io.BytesIO()
        doc.save(buf)
        return services.upload_template(admin, "summons", buf.getvalue(), note=f"样式{i}")

    outcomes = at_once(*[(lambda a=a, i=i: upload(a, i)) for i, a in enumerate(admins)])
    assert [repr(o) for o in outcomes if isinstance(o, BaseException)] == []
    versions = sorted(DocumentTemplate.objects.filter(kind="summons").values_list("version", flat=True))
    assert versions == [1, 2, 3, 4, 5]  # the shipped v1 and four uploads


def test_a_counter_started_after_older_versions_continues_after_them(case_setup, fake_pdf):
    """Documents written before the counter existed are skipped over (at_least), not collided with."""
    from xiezhi.cases.models import Counter

    case, judge = case_setup["case"], case_setup["judge"]
    services.ensure_shipped_templates()
    services.generate(judge, case, "summons")
    services.generate(judge, case, "summons")
    Counter.objects.filter(scope="document").delete()  # as before the migration
    assert services.generate(judge, case, "summons").version == 3
