"""Real LibreOffice conversion and the court's electronic seal, checked with poppler's standard
tools (pdftotext, pdffonts, pdfsig) and the public verification page. One conversion per test:
LibreOffice takes a few seconds."""
import io
import re
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from pypdf import PdfReader
from django.urls import reverse

from xiezhi.cases.signals import paper_added
from xiezhi.documents import convert, seal, services

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("pdfsig")),
                                reason="needs libreoffice-writer-nogui and poppler-utils (scripts/deps/documents.txt)")


def _run(tool, path):
    return subprocess.run([tool, str(path)], check=False, capture_output=True, text=True, timeout=60).stdout


def test_generate_convert_seal_verify(case_setup, client, tmp_path, django_capture_on_commit_callbacks):
    case, judge = case_setup["case"], case_setup["judge"]
    papers = []

    def on_paper(sender, **kw):
        papers.append(kw)

    paper_added.connect(on_paper)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            doc = services.generate(judge, case, "judgment", extra_context={
                "decision": "被告于本判决生效之日起十日内偿还原告借款150000元。", "findings": "借款事实清楚。",
                "legal_basis": "《中华人民共和国民法典》第六百七十五条", "fee_bearer": "案件受理费由被告负担。"})
    finally:
        paper_added.disconnect(on_paper)
    doc.refresh_from_db()  # the PDF was made after the commit
    # stored by hash, event on the timeline (a draft: not shown to the parties), paper for the e-file
    with doc.pdf.open("rb") as f:
        pdf = f.read()
    assert services.sha256(pdf) == doc.pdf_sha256 and doc.pdf.name.endswith(doc.pdf_sha256 + ".pdf")
    ev = case.events.get(code="document_generated")
    assert ev.public_to_parties is False and ev.payload["template_version"] == 1
    assert papers and papers[0]["kind"] == "judgment" and papers[0]["case"] == case

    # the PDF renders Chinese with an embedded CJK font
    p = tmp_path / "draft.pdf"
    p.write_bytes(pdf)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(p), "-"], check=False, capture_output=True,
                                             text=True,
                                             timeout=60).stdout)
    assert case.number in text
    assert "民事判决书" in text and "张三丰" in text and "减半收取计1650元" in text
    fonts = _run("pdffonts", p)
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk and all(" yes " in line for line in cjk), fonts

    # seal, after the judge's 签发: a standard checker says the signature is valid and covers the whole document
    services.sign_off(judge, doc)
    doc = services.seal_document(judge, doc, base_url="https://court.example/")
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", doc.verification_code)
    assert case.events.get(code="document_sealed").payload["code"] == doc.verification_code
    with doc.sealed_pdf.open("rb") as f:
        sealed = f.read()
    sp = tmp_path / "sealed.pdf"
    sp.write_bytes(sealed)
    out = _run("pdfsig", sp)
    assert "Signature Validation: Signature is Valid." in out, out
    assert "Total document signed" in out
    assert case.court.name in out  # the signer is the court
    # the visible seal carries the verification code (QR + text are an image; the code is in the PDF too)
    assert seal.verify_pdf(sealed, case.court) == {"signed": True, "intact": True, "valid": True,
                                                   "trusted": True, "whole_file": True}
    # the seal lies over the judgment's date, as the court's red seal does on paper
    page = PdfReader(io.BytesIO(sealed)).pages[-1]
    assert _contains(_seal_rect(page), seal.date_position(page))

    # public verification page, no login: by code
    page = client.get(reverse("documents:verify_code", args=[doc.verification_code]))
    body = page.content.decode()
    assert page.status_code == 200
    assert case.number in body and case.court.name in body and doc.sealed_sha256 in body and "民事判决书" in body

    # upload the sealed PDF: authentic
    r = client.post(reverse("documents:verify"), {"file": SimpleUploadedFile("a.pdf", sealed, "application/pdf")})
    assert "真实有效" in r.content.decode()

    # change one byte: not authentic, and the signature itself no longer validates
    tampered = bytearray(sealed)
    i = sealed.index(b"stream", len(sealed) // 4) + 20
    tampered[i] ^= 0x01
    tampered = bytes(tampered)
    r = client.post(reverse("documents:verify_code", args=[doc.verification_code]),
                    {"file": SimpleUploadedFile("a.pdf", tampered, "application/pdf")})
    body = r.content.decode()
    assert "文件与法院存档不一致或已被篡改" in body and "真实有效" not in body
    assert seal.verify_pdf(tampered, case.court)["intact"] is False
    tp = tmp_path / "tampered.pdf"
    tp.write_bytes(tampered)
    assert "Signature is Valid." not in _run("pdfsig", tp)

    # the unsealed draft is not authentic either
    r = client.post(reverse("documents:verify"), {"file": SimpleUploadedFile("a.pdf", pdf, "application/pdf")})
    assert "文件与法院存档不一致或已被篡改" in r.content.decode()

    # sealing twice is refused: one sealed original per draft
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.seal_document(judge, doc)


def _seal_rect(page):
    """The rectangle of the seal's signature widget on the page."""
    for annot in page.get("/Annots") or []:
        a = annot.get_object()
        if a.get("/FT") == "/Sig" or a.get("/T") == "CourtSeal":
            return [float(v) for v in a["/Rect"]]
    raise AssertionError("no seal on the page")


def _contains(rect, pos):
    assert pos is not None, "no date in Chinese numerals found on the page"
    x0, y0, x1, y1 = rect
    return x0 <= pos[0] <= x1 and y0 <= pos[1] <= y1


def _a4(lines, signature_block):
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for text in lines:
        doc.add_paragraph(text)
    for text in signature_block:
        doc.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


class _Court:
    name, full_name, code, pk = "通许县人民法院", "河南省通许县人民法院", "seal-test", 1


def test_the_seal_is_centred_over_the_date_and_the_code_goes_to_the_foot(media):
    """Issue 10 §3: the electronic seal is placed over the date (骑年盖月), overlapping the court's
    name and date block as the red seal does on paper; the QR code and verification code are
    printed at the foot of the last page, not inside the seal."""
    body = ["本院认为，被告应当依约偿还借款。" * 4] * 24
    pdf = convert.docx_to_pdf(_a4(body, ["审　判　员　李审判", "河南省通许县人民法院", "二〇二六年十二月三日",
                                          "（院印）", "本件与原本核对无异", "书　记　员　王书记"]))
    sealed = seal.sign_pdf(pdf, _Court(), "ABCD-EFGH-JKLM", "https://court.example/documents/verify/ABCD-EFGH-JKLM/")
    page = PdfReader(io.BytesIO(sealed)).pages[-1]
    date = seal.date_position(page)
    rect = _seal_rect(page)
    assert _contains(rect, date)
    # a seal of 4.2 cm, centred on the date
    assert abs((rect[2] - rect[0]) - seal.SEAL_PT) <= 1 and abs((rect[3] - rect[1]) - seal.SEAL_PT) <= 1
    assert abs((rect[0] + rect[2]) / 2 - date[0]) <= 2 and abs((rect[1] + rect[3]) / 2 - date[1]) <= 2
    # the verification block is drawn at the foot of the page (below the bottom margin), under the text
    qx, qy = seal.qr_block_position(page)
    assert qy + seal.QR_BLOCK[1] < 90 < rect[1]
    assert seal.verify_pdf(sealed, _Court())["whole_file"] is True


def test_without_a_date_the_seal_keeps_the_bottom_right(media):
    pdf = convert.docx_to_pdf(_a4(["本件无落款日期。"], ["河南省通许县人民法院"]))
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    assert seal.date_position(page) is None
    box, over_the_date = seal.seal_box(page)
    assert over_the_date is False and box[2] > float(page.mediabox.width) / 2 and box[1] >= 90
    sealed = seal.sign_pdf(pdf, _Court(), "ABCD-EFGH-JKLM", "https://court.example/v/")
    assert _seal_rect(PdfReader(io.BytesIO(sealed)).pages[-1]) == [float(round(v)) for v in box]


def test_a_blank_last_page_without_content_is_sealed_at_the_bottom_right(media, pdf_bytes):
    """A page with no content stream: no date to find, the verification block still drawn."""
    sealed = seal.sign_pdf(pdf_bytes, _Court(), "ABCD-EFGH-JKLM", "https://court.example/v/")
    page = PdfReader(io.BytesIO(sealed)).pages[-1]
    rect = _seal_rect(page)
    assert rect[0] > 595 / 2 and "/Contents" in page
    assert seal.verify_pdf(sealed, _Court())["whole_file"] is True


def test_when_the_date_is_not_on_the_last_page_the_seal_goes_where_the_date_is(media):
    """A 传票 carries its date and （院印） on its first page; the contact lines run on to a second."""
    body = ["注意事项：被传唤人必须准时到达应到处所。"] * 22
    tail = ["河南省通许县人民法院", "二〇二六年十二月三日", "（院印）"] + ["联系人：赵书记"] * 12
    pdf = convert.docx_to_pdf(_a4(body, tail))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2 and seal.date_position(reader.pages[1]) is None
    sealed = PdfReader(io.BytesIO(seal.sign_pdf(pdf, _Court(), "ABCD-EFGH-JKLM", "https://court.example/v/")))
    assert not [a for a in sealed.pages[1].get("/Annots") or [] if a.get_object().get("/T") == "CourtSeal"]
    assert _contains(_seal_rect(sealed.pages[0]), seal.date_position(sealed.pages[0]))


def test_sealing_and_checking_work_inside_a_running_event_loop(media, pdf_bytes):
    """pyHanko runs asyncio.run(); inside a thread with a running loop (an ASGI server, a Playwright
    test) that would fail, and the check would call an authentic seal a forgery."""
    import asyncio

    async def inside():
        sealed = seal.sign_pdf(pdf_bytes, _Court(), "ABCD-EFGH-JKLM", "https://court.example/v/ABCD-EFGH-JKLM/")
        return sealed, seal.verify_pdf(sealed, _Court())

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:  # a thread of its own, whatever this one runs
        sealed, checked = pool.submit(lambda: asyncio.run(inside())).result()
    assert checked["signed"] and checked["intact"] and checked["whole_file"]
