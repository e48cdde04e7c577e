"""How 结案, 送达, the e-file and the trial limit meet:

- a generated judgment is served only once sealed (民事诉讼法 第一百五十五条第二款), as its sealed PDF;
- a case closed by judgment waits until the sealed judgment has reached every party and is in the
  e-file (审限规定 第十条 dates 结案 by the service; 民事诉讼法 第一百条第三款 for 调解书);
- a public notice's period is deducted from the trial limit (民诉解释 第二百四十三条；审限规定 第九条第（六）项).

GeneratedDocument rows are made directly here (LibreOffice-free); tests/documents proves generation."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from xiezhi.cases.services import time_limit_status
from xiezhi.cases.signals import paper_added
from xiezhi.delivery import services as ds
from xiezhi.documents import services as docs
from xiezhi.documents.models import GeneratedDocument
from xiezhi.trial import services as ts

pytestmark = pytest.mark.django_db


def _document(world, kind="judgment", sealed=True, marker=b""):
    data = world["pdf"] + marker
    version = GeneratedDocument.objects.filter(case=world["case"], kind=kind).count() + 1
    doc = GeneratedDocument(case=world["case"], kind=kind, version=version, template=docs.current_template(kind),
                            created_by=world["judge"], docx_sha256="0" * 64, pdf_sha256=docs.sha256(data))
    doc.docx.save("x.docx", ContentFile(b"PK"), save=False)
    doc.pdf.save("x.pdf", ContentFile(data), save=False)
    if sealed:
        doc.sealed_pdf.save("s.pdf", ContentFile(data + b"%sealed"), save=False)
        doc.sealed_sha256 = docs.sha256(data + b"%sealed")
        doc.sealed_at, doc.sealed_by, doc.verification_code = (timezone.now(), world["judge"],
                                                                    f"TEST-{kind[:4].upper()}-{version:04d}")
    doc.save()
    return doc


def _serve_direct(world, doc, parties, on):
    paper = docs.paper_to_serve(doc)
    records = ds.serve(world["clerk"], world["case"], title=paper["title"], kind=paper["kind"],
                       file_bytes=paper["file_bytes"], filename=paper["filename"], parties=parties,
                       methods=["direct"], source=paper["source"])
    for r in records:
        ds.record_paper_service(world["clerk"], r, on=on, receipt=world["pdf"])
    return records


def _ready_to_close(world):
    world["case"].refresh_from_db()
    world["case"].fees.update(paid_at=timezone.now())


def test_a_judgment_is_served_only_sealed_and_as_the_sealed_pdf(world):
    draft = _document(world, sealed=False)
    with pytest.raises(ValidationError, match="须加盖电子印章后才能送达"):
        docs.paper_to_serve(draft)
    sealed = _document(world, marker=b"v2")
    paper = docs.paper_to_serve(sealed)
    assert paper["kind"] == "judgment" and paper["file_bytes"].endswith(b"%sealed")
    assert paper["source"] == f"documents.GeneratedDocument:{sealed.pk}:sealed"
    # a notice may go out unsealed, as its generated PDF
    notice = _document(world, kind="evidence_notice", sealed=False, marker=b"n")
    assert docs.paper_to_serve(notice)["kind"] == "evidence_notice"


def test_closing_by_judgment_waits_for_the_sealed_judgment_served_on_every_party_and_filed(world):
    case, judge = world["case"], world["judge"]
    _ready_to_close(world)
    problems = ts.closing_problems(case, "judgment")
    assert "民事判决书尚未生成并加盖电子印章。" in problems
    doc = _document(world)
    _serve_direct(world, doc, [world["plaintiff"]], date(2026, 1, 5))
    problems = ts.closing_problems(case, "judgment")
    assert any("尚未送达" in p and world["defendant"].name in p and world["plaintiff"].name not in p
               for p in problems)
    _serve_direct(world, doc, [world["defendant"]], date(2026, 1, 6))
    assert ts.closing_problems(case, "judgment") == ["签章的民事判决书尚未归入电子卷宗。"]
    with pytest.raises(ValidationError):
        ts.close(judge, case, "judgment")
    # sealing files the sealed PDF into the e-file (the documents app sends paper_added on commit)
    paper_added.send(sender=GeneratedDocument, case=case, file=doc.sealed_pdf, title="民事判决书（签章）",
                     kind="judgment", source=f"documents.GeneratedDocument:{doc.pk}:sealed", created_by=judge)
    assert ts.closing_problems(case, "judgment") == []
    ts.pronounce(judge, case, "judgment", case.filed_on)  # the case closes on the pronouncement (审限规定 第十条)
    ts.close(judge, case, "judgment")
    case.refresh_from_db()
    assert case.status == "closed" and case.closed_on == case.filed_on
    # the parties' appeal windows run from their own service dates (民事诉讼法 第一百七十一条)
    assert {w.party_id: w.served_on for w in case.appeal_windows.all()} == {
        world["plaintiff"].pk: date(2026, 1, 5), world["defendant"].pk: date(2026, 1, 6)}


def test_withdrawal_needs_no_served_judgment(world):
    _ready_to_close(world)
    assert ts.closing_problems(world["case"], "withdrawal") == []


def test_the_court_may_close_before_service_when_it_says_so(world, settings):
    settings.CLOSING_REQUIRES_SERVICE = False  # ⚠ a court setting
    _ready_to_close(world)
    assert ts.closing_problems(world["case"], "judgment") == []


def test_a_mediation_document_needs_every_party_to_have_signed_for_it(world):
    """民事诉讼法 第一百条第三款: 调解书经双方当事人签收后，即具有法律效力."""
    _ready_to_close(world)
    doc = _document(world, kind="mediation")
    paper = docs.paper_to_serve(doc)
    recs = ds.serve(world["clerk"], world["case"], title=paper["title"], kind=paper["kind"],
                    file_bytes=paper["file_bytes"], filename=paper["filename"],
                    parties=[world["plaintiff"], world["defendant"]], methods=["postal"], source=paper["source"])
    for r in recs:
        ServiceRecord = type(r)
        ServiceRecord.objects.filter(pk=r.pk).update(status="sent")
    assert any("尚未送达" in p for p in ts.closing_problems(world["case"], "mediation"))


def test_the_public_notice_period_is_deducted_from_the_trial_limit(world):
    case = world["case"]
    published = case.filed_on + timedelta(days=10)
    deemed = published + timedelta(days=30)  # deemed served 30 days after publication (第九十五条)
    before = time_limit_status(case, today=published)
    [rec] = ds.serve(world["clerk"], case, title="传票", kind="summons", file_bytes=world["pdf"],
                     filename="s.pdf", parties=[world["defendant"]], methods=["public_notice"])
    ds.record_public_notice(world["clerk"], rec, published_on=published, today=published)
    started = case.events.get(code="deduction_started")
    assert started.payload["kind"] == "public_notice" and started.payload["start"] == published.isoformat()
    assert started.public_to_parties  # 延长审限规定 第七条: the parties see it
    assert not case.events.filter(code="deduction_ended").exists()
    assert ds.settle_public_notices(deemed - timedelta(days=1)) == 0
    assert ds.settle_public_notices(deemed) == 1
    ended = case.events.get(code="deduction_ended")
    assert ended.payload == {"kind": "public_notice", "end": deemed.isoformat()}
    after = time_limit_status(case, today=deemed + timedelta(days=1))
    assert after.deducted_days == 30
    assert after.limit_end == before.limit_end + timedelta(days=30)
