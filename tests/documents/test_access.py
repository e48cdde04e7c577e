"""Who may reach the documents URLs (deny by default): generate and seal — staff who can manage the
case; download — staff who can view it; verification — anyone, without logging in."""
import pytest
from django.test import Client
from django.urls import reverse

from xiezhi.courts.models import Court
from xiezhi.documents import services
from xiezhi.documents.models import GeneratedDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(case_setup, make_staff, make_public, fake_pdf, django_capture_on_commit_callbacks):
    actors = {
        "anon": None,
        "litigant": make_public(),
        "judge": case_setup["judge"],
        "clerk": case_setup["clerk"],
        "filing_judge": case_setup["filer"],
        "judge_other": make_staff(["judge"]),
        "assistant_other": make_staff(["assistant"]),
        "president": make_staff(["president"], "management"),
        "trial_management": make_staff(["trial_management"], "management"),
        "other_court_president": make_staff(["president"], "management", court_=Court.objects.get(case_code="豫0203")),
    }
    with django_capture_on_commit_callbacks(execute=True):  # the PDF is made after the commit
        doc = services.generate(case_setup["judge"], case_setup["case"], "summons",  # no 【待填写】 gap: sealable
                                extra_context={"hearing_time": "2026年12月1日上午9时", "hearing_place": "第一法庭"})
    doc.refresh_from_db()
    return {"actors": actors, "case": case_setup["case"], "doc": doc}


def _client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


MANAGERS = {"judge", "clerk", "filing_judge", "president"}
VIEWERS = MANAGERS | {"trial_management"}


def test_every_documents_url_declares_who_may_reach_it():
    from django.urls import get_resolver

    for p in get_resolver().url_patterns:
        if getattr(p, "namespace", None) == "documents":
            for q in p.url_patterns:
                assert hasattr(q.callback, "access"), q.name


def test_generate(world):
    url = reverse("documents:generate", args=[world["case"].pk])
    for name, user in world["actors"].items():
        before = GeneratedDocument.objects.count()
        r = _client(user).post(url, {"kind": "evidence_notice"})
        after = GeneratedDocument.objects.count()
        if name in MANAGERS:
            assert r.status_code == 302 and after == before + 1, name
        else:
            assert r.status_code in (302, 403, 404) and after == before, name
            if r.status_code == 302:
                assert "login" in r["Location"], name


def test_download(world):
    doc = world["doc"]
    for fmt in ("docx", "pdf"):
        url = reverse("documents:download", args=[doc.pk, fmt])
        for name, user in world["actors"].items():
            r = _client(user).get(url)
            if name in VIEWERS:
                assert r.status_code == 200, (name, fmt)
                body = b"".join(r.streaming_content)
                assert services.sha256(body) == (doc.docx_sha256 if fmt == "docx" else doc.pdf_sha256)
            else:
                assert r.status_code in (302, 403, 404), (name, fmt, r.status_code)
    # nothing sealed yet
    assert _client(world["actors"]["judge"]).get(reverse("documents:download", args=[doc.pk, "sealed"])).status_code == 404


def test_seal(world):
    doc = world["doc"]
    url = reverse("documents:seal", args=[doc.pk])
    for name in ("anon", "litigant", "judge_other", "assistant_other", "trial_management", "other_court_president"):
        r = _client(world["actors"][name]).post(url)
        assert r.status_code in (302, 403, 404), name
        doc.refresh_from_db()
        assert doc.sealed_at is None, name
    r = _client(world["actors"]["judge"]).post(url)
    assert r.status_code == 302
    doc.refresh_from_db()
    assert doc.sealed_at and doc.verification_code


def test_verify_is_open_to_anyone(world):
    doc = services.seal_document(world["actors"]["judge"], world["doc"])
    for name, user in world["actors"].items():
        c = _client(user)
        assert c.get(reverse("documents:verify")).status_code == 200, name
        r = c.get(reverse("documents:verify_code", args=[doc.verification_code]))
        assert r.status_code == 200 and world["case"].number in r.content.decode(), name
    # entering the code in the form (lower case, spaces) leads to the same page
    r = Client().post(reverse("documents:verify"), {"code": f" {doc.verification_code.lower()} "}, follow=True)
    assert world["case"].number in r.content.decode() and doc.sealed_sha256 in r.content.decode()
    # an unknown code shows nothing about any case
    r = Client().get(reverse("documents:verify_code", args=["AAAA-BBBB-CCCC"]))
    assert world["case"].number not in r.content.decode()


def test_upload_limits(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from xiezhi.documents import forms

    c = Client()
    r = c.post(reverse("documents:verify"), {"file": SimpleUploadedFile("a.txt", b"hello", "text/plain")})
    assert "请上传 PDF 文件" in r.content.decode()
    big = b"%PDF-" + b"0" * (forms.MAX_UPLOAD + 1)
    r = c.post(reverse("documents:verify"), {"file": SimpleUploadedFile("a.pdf", big, "application/pdf")})
    assert "文件不能超过 20 MB" in r.content.decode()


def test_case_page_panel(world):
    r = _client(world["actors"]["judge"]).get(f"/staff/cases/{world['case'].pk}/panels/documents/")
    body = r.content.decode()
    assert r.status_code == 200
    assert 'id="documents"' in body and "传票" in body
    assert reverse("documents:download", args=[world["doc"].pk, "docx"]) in body
    assert reverse("documents:generate", args=[world["case"].pk]) in body
    # a reader who cannot manage the case sees the list but no generate/seal buttons
    body = _client(world["actors"]["trial_management"]).get(f"/staff/cases/{world['case'].pk}/panels/documents/").content.decode()
    assert reverse("documents:download", args=[world["doc"].pk, "pdf"]) in body
    assert reverse("documents:generate", args=[world["case"].pk]) not in body
    assert reverse("documents:seal", args=[world["doc"].pk]) not in body


def test_drafts_are_not_shown_to_parties(world):
    ev = world["case"].events.filter(code="document_generated").last()
    assert ev.public_to_parties is False
