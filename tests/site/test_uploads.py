"""Uploads (issue 9 §6.6; security review 2026-12, findings F19, F24–F27): a pixel bomb is refused
where it is uploaded and never decoded by the e-file worker; a .docx must be a real Word package of
capped inflated size; control and bidirectional characters leave file names; e-file entries are
served sandboxed like every other file; whatever a signed-in user gets is `Cache-Control: no-store`."""
import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.helpers import assert_nothing_changed, complaint, row_counts
from xiezhi.site.uploads import MAX_DOCX_INFLATED_BYTES, MAX_IMAGE_PIXELS, check_docx, clean_filename

pytestmark = pytest.mark.django_db

RLO = "\u202e"


def pixel_bomb(width: int = 7000, height: int = 7000) -> bytes:
    """A valid 1-bit PNG of width × height (49 Mpx, over the 40 Mpx limit) in a few kB."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def fake_docx() -> bytes:
    """A ZIP named .docx that is no Word package."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a document")
    return buf.getvalue()


def zip_bomb_docx() -> bytes:
    """A Word package whose one extra member inflates past the cap (a 60 MB run of zeros)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("word/media/zeros.bin", b"\x00" * (MAX_DOCX_INFLATED_BYTES + 10 * 1024 * 1024))
    return buf.getvalue()


def real_docx() -> bytes:
    from pathlib import Path

    import xiezhi.documents

    return (Path(xiezhi.documents.__file__).parent / "templates_docx" / "summons.docx").read_bytes()


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes, settings, tmp_path):
    from xiezhi.cases.services import assign_judge
    from xiezhi.filing import services as fs

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    lian = make_staff(["filing_judge"], "filing")
    judge = make_staff(["judge"])
    litigant = make_public()
    case = fs.register(lian, fs.counter_filing(lian, court, complaint()), procedure_code="civil_ordinary")
    assign_judge(lian, case, judge)
    draft = fs.new_draft(litigant, court)
    return {"lian": lian, "judge": judge, "litigant": litigant, "case": case, "draft": draft, "pdf": pdf_bytes}


def _client(user):
    c = Client()
    c.force_login(user)
    return c


# ---- pixel bombs (F24) -------------------------------------------------------------------------

def test_the_pixel_bomb_is_small_and_over_the_limit():
    from PIL import Image

    data = pixel_bomb()
    assert len(data) < 64 * 1024
    with Image.open(io.BytesIO(data)) as im:
        assert im.width * im.height > MAX_IMAGE_PIXELS


def test_portal_evidence_upload_refuses_a_pixel_bomb(world):
    c = _client(world["litigant"])
    before = row_counts()
    resp = c.post(f"/portal/filings/{world['draft'].pk}/files/",
                  {"file": SimpleUploadedFile("scan.png", pixel_bomb(), "image/png")}, follow=True)
    assert "图片像素过多" in resp.content.decode()
    assert_nothing_changed(before, "a pixel bomb uploaded as evidence")


def test_efile_upload_refuses_a_pixel_bomb(world):
    c = _client(world["judge"])
    before = row_counts()
    resp = c.post(f"/staff/dossier/cases/{world['case'].pk}/upload/",
                  {"file": SimpleUploadedFile("scan.png", pixel_bomb(), "image/png"), "title": "扫描件",
                   "kind": "other"}, follow=True)
    assert "图片像素过多" in resp.content.decode()
    assert_nothing_changed(before, "a pixel bomb uploaded to the e-file")


def test_a_pixel_bomb_filed_by_another_app_is_kept_as_a_file_with_no_page_to_render(world):
    from xiezhi.dossier import services as ds

    assert ds.inspect(pixel_bomb(), strict=False) == ("application/octet-stream", 0)
    with pytest.raises(ValidationError):
        ds.inspect(pixel_bomb(), strict=True)


def test_the_efile_worker_never_decodes_a_pixel_bomb(tmp_path):
    from xiezhi.dossier import tasks

    src = tmp_path / "src.img"
    src.write_bytes(pixel_bomb())
    with pytest.raises(ValueError, match="over the limit"):
        tasks._resized(src, tasks.VIEW_WIDTH)


# ---- Word packages (F25) -----------------------------------------------------------------------

@pytest.mark.parametrize("data,says", [(fake_docx, "不是有效的 Word"), (zip_bomb_docx, "解压后过大")],
                         ids=["fake docx", "zip bomb docx"])
def test_portal_evidence_upload_refuses_a_docx_that_is_no_word_package(world, data, says):
    c = _client(world["litigant"])
    before = row_counts()
    resp = c.post(f"/portal/filings/{world['draft'].pk}/files/",
                  {"file": SimpleUploadedFile("起诉状.docx", data(), "application/octet-stream")}, follow=True)
    assert says in resp.content.decode()
    assert_nothing_changed(before, "a false .docx uploaded as evidence")


@pytest.mark.parametrize("data,says", [(fake_docx, "不是有效的 Word"), (zip_bomb_docx, "解压后过大")],
                         ids=["fake docx", "zip bomb docx"])
def test_serving_refuses_a_docx_that_is_no_word_package(world, data, says):
    c = _client(world["judge"])
    party = world["case"].parties.get(role="defendant")
    before = row_counts()
    resp = c.post(f"/delivery/cases/{world['case'].pk}/serve/",
                  {"file": SimpleUploadedFile("传票.docx", data(), "application/octet-stream"), "title": "传票",
                   "kind": "summons", "parties": str(party.pk), "methods": "postal"})
    assert says in resp.content.decode()
    assert_nothing_changed(before, "a false .docx served")


@pytest.mark.parametrize("data,says", [(fake_docx, "不是有效的 Word"), (zip_bomb_docx, "解压后过大")],
                         ids=["fake docx", "zip bomb docx"])
def test_a_document_template_must_be_a_word_package(data, says):
    from xiezhi.documents import services

    with pytest.raises(ValidationError) as exc:
        services._check_docx_template(data())
    assert says in " ".join(exc.value.messages)


def test_a_real_word_document_passes():
    assert check_docx(real_docx()) is None  # no ValidationError: a real Word package is accepted


# ---- file names (F19) --------------------------------------------------------------------------

@pytest.mark.parametrize("name,shown", [
    (f"起诉状{RLO}gpj.pdf", "起诉状gpj.pdf"),
    ("a\u200bb\u2066c\u2069.pdf", "abc.pdf"),
    ("line\nbreak\x00.pdf", "linebreak.pdf"),
    ("../../etc/证据.pdf", "证据.pdf"),
    ("C:\\Users\\张三\\证据.pdf", "证据.pdf"),
])
def test_clean_filename(name, shown):
    assert clean_filename(name) == shown


def test_every_upload_path_stores_the_name_without_control_characters(world):
    """Django's multipart parser already drops unprintable characters from a browser's file name;
    names also reach the services from elsewhere (the counter, an API, another app's paper), so
    every upload path cleans the name itself."""
    from xiezhi.delivery import services as delivery
    from xiezhi.dossier import services as ds
    from xiezhi.filing import services as fs

    ev = fs.add_evidence(world["litigant"], world["draft"],
                         SimpleUploadedFile(f"起诉状{RLO}gpj.pdf", world["pdf"], "application/pdf"))
    assert ev.original_name == "起诉状gpj.pdf" and ev.title == "起诉状gpj.pdf"
    entry = ds.upload(world["judge"], world["case"], SimpleUploadedFile(f"证据{RLO}gpj.pdf", world["pdf"]),
                      title="", kind="other")
    assert entry.title == "证据gpj.pdf"
    doc = delivery.add_document(world["judge"], world["case"], title="传票", kind="summons",
                                file_bytes=world["pdf"], filename=f"传票{RLO}gpj.pdf")
    assert doc.filename == "传票gpj.pdf"


def test_a_download_never_carries_the_override_in_its_name(world):
    from xiezhi.filing.models import EvidenceFile

    ev = EvidenceFile.objects.create(filing=world["draft"], kind="evidence", title="证据", original_name=f"证据{RLO}gpj.pdf",
                                     content_type="application/pdf", size=len(world["pdf"]), sha256="0" * 64,
                                     uploaded_by=world["litigant"])
    from xiezhi.storage import store_once

    store_once(ev.file, "evidence", "0" * 64, world["pdf"], ".pdf")
    ev.save()
    resp = _client(world["litigant"]).get(f"/portal/files/{ev.pk}/")
    assert resp.status_code == 200
    assert RLO not in resp["Content-Disposition"] and "%E2%80%AE" not in resp["Content-Disposition"]


# ---- served e-file entries (F27) and no-store (F26) -------------------------------------------

def _entry(world):
    from xiezhi.dossier import services as ds

    return ds.upload(world["judge"], world["case"], SimpleUploadedFile("起诉状.pdf", world["pdf"]),
                     title="民事起诉状", kind="other")


def test_efile_entries_are_served_sandboxed_like_every_other_file(world):
    entry = _entry(world)
    resp = _client(world["judge"]).get(f"/staff/dossier/entries/{entry.pk}/")
    assert resp.status_code == 200
    assert resp["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert resp["X-Content-Type-Options"] == "nosniff"
    assert resp["Content-Disposition"].startswith("inline") and "filename" in resp["Content-Disposition"]
    assert resp["Cache-Control"] == "no-store"


def test_pages_and_files_of_a_signed_in_user_are_not_kept_in_the_browser_cache(world):
    from xiezhi.filing.models import EvidenceFile

    judge = _client(world["judge"])
    case = world["case"]
    for path in (f"/staff/cases/{case.pk}/", "/staff/", f"/staff/dossier/cases/{case.pk}/"):
        assert judge.get(path)["Cache-Control"] == "no-store", path
    entry = _entry(world)
    assert judge.get(f"/staff/dossier/entries/{entry.pk}/")["Cache-Control"] == "no-store"
    litigant = _client(world["litigant"])
    litigant.post(f"/portal/filings/{world['draft'].pk}/files/",
                  {"file": SimpleUploadedFile("起诉状.pdf", world["pdf"], "application/pdf")})
    ev = EvidenceFile.objects.get(filing=world["draft"])
    assert litigant.get("/portal/")["Cache-Control"] == "no-store"
    resp = litigant.get(f"/portal/files/{ev.pk}/")
    assert resp.status_code == 200 and resp["Cache-Control"] == "no-store"


def test_public_pages_for_anonymous_visitors_may_be_cached():
    resp = Client().get("/")
    assert resp.status_code == 200 and "no-store" not in resp.get("Cache-Control", "")
