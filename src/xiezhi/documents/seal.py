"""The court's electronic seal (电子印章): a PDF signature (PAdES, pyHanko) whose visible appearance
is a red round seal with the court's name, the verification code and a QR code pointing at the
public verification page.

Signing key: `ensure_court_key` generates, on first use per court, an EC P-256 key and a
self-signed certificate under MEDIA_ROOT/court_keys/<court code>/ (never served: MEDIA is not
mounted on any URL). There is no setting to swap it yet: to sign with the court's CA-issued
certificate held in its UKey / signing server (电子签章系统), only `signer_for(court)` and
`trust_roots(court)` change."""
import datetime
import hashlib
import io
import math
import os
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

RED = (220, 20, 30, 255)


def _key_dir(court) -> Path:
    return Path(settings.MEDIA_ROOT) / "court_keys" / (court.code or str(court.pk))


def ensure_court_key(court) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    d = _key_dir(court)
    key_path, cert_path = d / "seal-key.pem", d / "seal-cert.pem"
    if key_path.exists() and cert_path.exists():
        return key_path, cert_path
    d.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, court.name),
                      x509.NameAttribute(NameOID.COMMON_NAME, f"{court.name}电子印章")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    tmp_key = key_path.with_suffix(".tmp")
    tmp_key.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    os.chmod(tmp_key, 0o600)
    cert_path.with_suffix(".tmp").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    os.replace(tmp_key, key_path)
    os.replace(cert_path.with_suffix(".tmp"), cert_path)
    return key_path, cert_path


def signer_for(court):
    from pyhanko.sign import signers

    key_path, cert_path = ensure_court_key(court)
    return signers.SimpleSigner.load(str(key_path), str(cert_path), key_passphrase=None)


def trust_roots(court):
    from pyhanko.keys import load_cert_from_pemder

    _, cert_path = ensure_court_key(court)
    return [load_cert_from_pemder(str(cert_path))]


@lru_cache(maxsize=8)
def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(settings.SEAL_FONT, size, index=2)  # Noto Sans CJK SC in the collection
    except OSError:
        return ImageFont.load_default()


def seal_image(court_name: str, size: int = 600):
    """A red round seal: ring, court name along the upper arc, a five-pointed star, 电子印章 below."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    c = size / 2
    ring = size * 0.03
    draw.ellipse([ring, ring, size - ring, size - ring], outline=RED, width=int(size * 0.035))
    # star
    r_out, r_in = size * 0.16, size * 0.16 * 0.382
    pts = []
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    draw.polygon(pts, fill=RED)
    # name along the arc (from about 210° to 330°, i.e. the top, left to right)
    chars = list(court_name)
    fsize = int(size * 0.11)
    font = _font(fsize)
    span = min(240, 22 * len(chars))
    start = -90 - span / 2
    radius = c - ring - size * 0.1
    for i, ch in enumerate(chars):
        ang = start + span * (i + 0.5) / len(chars)
        tile = Image.new("RGBA", (fsize * 2, fsize * 2), (255, 255, 255, 0))
        ImageDraw.Draw(tile).text((fsize, fsize), ch, font=font, fill=RED, anchor="mm")
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(ang)) - fsize
        y = c + radius * math.sin(math.radians(ang)) - fsize
        img.alpha_composite(tile, (int(x), int(y)))
    draw.text((c, c + size * 0.28), "电子印章", font=_font(int(size * 0.07)), fill=RED, anchor="mm")
    return img


def qr_block_image(code: str, url: str):
    """The verification block printed at the foot of the page: the QR code and, beside it, the code."""
    import segno
    from PIL import Image, ImageDraw

    qr_buf = io.BytesIO()
    segno.make(url, error="m").save(qr_buf, kind="png", scale=10, border=2)
    qr_buf.seek(0)
    qr = Image.open(qr_buf).convert("RGBA").resize((240, 240), Image.NEAREST)
    img = Image.new("RGBA", (QR_BLOCK[0] * 4, QR_BLOCK[1] * 4), (255, 255, 255, 0))
    img.alpha_composite(qr, (0, 0))
    draw = ImageDraw.Draw(img)
    draw.text((260, 80), "扫码或输入验证码核验", font=_font(34), fill=(0, 0, 0, 255), anchor="lm")
    draw.text((260, 160), code, font=_font(40), fill=(0, 0, 0, 255), anchor="lm")
    return img


def stamp_image(court_name: str, code: str, url: str):
    """The seal with the QR code and the verification code beside it (the appearance before the
    seal went over the date; kept for callers that want one picture)."""
    from PIL import Image

    img = Image.new("RGBA", (1100, 600), (255, 255, 255, 0))
    img.alpha_composite(seal_image(court_name, 600), (0, 0))
    img.alpha_composite(qr_block_image(code, url).resize((440, 240)), (640, 180))
    return img


# A court's seal is 4.2 cm across (国务院关于国家行政机关和企业事业单位社会团体印章管理的规定 第四条:
# 县级 bodies 4.2 cm); 1 cm = 28.35 pt.
SEAL_PT = 119
QR_BLOCK = (180, 60)  # width, height in pt of the verification block at the foot of the page
CN_DATE = re.compile(r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日")


def _fragments(page) -> list[tuple[float, float, float, str]]:
    """(x, y, font size, text) of each piece of text on the page, in page coordinates."""
    out = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text or not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]) or 1
        out.append((x, y, (font_size or 12) * scale, text))

    page.extract_text(visitor_text=visit)
    return out


def date_position(page) -> tuple[float, float, float] | None:
    """Where the document's date in Chinese numerals (二〇二六年十二月三日) sits on a pypdf page:
    (x of its centre, y of its centre, font size), the lowest such date on the page (the date of
    the document, under the signers), or None when the page has none."""
    lines: dict[int, list] = {}
    for x, y, size, text in _fragments(page):
        for t in text.split("\n"):
            if t.strip():
                lines.setdefault(round(y / 3), []).append((x, y, size, t))
                break  # the visitor hands one line per call; a trailing newline adds nothing
    found = None
    for key in sorted(lines, reverse=True):  # top of the page first
        parts = sorted(lines[key])
        joined = "".join(t for *_, t in parts)
        for m in CN_DATE.finditer(joined):
            # the character offset of the match inside its fragment; CJK characters are 1 em wide
            pos, start_x, size, y = 0, parts[0][0], parts[0][2], parts[0][1]
            for fx, fy, fsize, t in parts:
                if pos + len(t) > m.start():
                    start_x, size, y = fx + (m.start() - pos) * fsize, fsize, fy
                    break
                pos += len(t)
            width = len(m.group()) * size
            found = (start_x + width / 2, y + size * 0.38, size)
    return found


def seal_box(page) -> tuple[tuple[float, float, float, float], bool]:
    """The seal's rectangle on the page: centred over the date as a red seal is on paper
    (骑年盖月, over the court's name and the date), or, when the page has no date, the bottom right
    above the foot. Returns (box, over_the_date)."""
    w, h = float(page.mediabox.width), float(page.mediabox.height)
    pos = date_position(page)
    if pos is None:
        return (w - 60 - SEAL_PT, 110, w - 60, 110 + SEAL_PT), False
    cx, cy, _size = pos
    r = SEAL_PT / 2
    cx = min(max(cx, r + 10), w - r - 10)
    cy = min(max(cy, r + QR_BLOCK[1] + 20), h - r - 10)
    return (cx - r, cy - r, cx + r, cy + r), True


def dated_page(pages) -> int | None:
    """Index of the page that carries the document's date: the last page with a date in Chinese
    numerals (a 传票's date and (院印) sit on its first page, the contact lines run on to a second)."""
    for i in range(len(pages) - 1, -1, -1):
        if date_position(pages[i]) is not None:
            return i
    return None


def qr_block_position(page) -> tuple[float, float]:
    """Lower-left corner of the verification block: at the foot of the page, on the side the page
    number is not on (bottom left, or bottom right when the foot's text is on the left)."""
    w = float(page.mediabox.width)
    foot = [x for x, y, _s, _t in _fragments(page) if y < 90]
    left_taken = any(x < w / 2 - 40 for x in foot)
    return ((w - 40 - QR_BLOCK[0]) if left_taken else 40.0), 18.0


class UnsealablePdf(ValidationError):
    """The PDF cannot be signed as it is; the document stays unsealed."""


def sign_pdf(pdf: bytes, court, code: str, url: str) -> bytes:
    """Sign the PDF with the court's seal. The visible seal is placed over the date of the
    document (on the last page that has one, else the last page); the QR code and verification
    code go to the foot of that page."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    from pyhanko.pdf_utils import generic, images, layout
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticContentStamp, StaticStampStyle

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        last = int(reader.root["/Pages"]["/Count"]) - 1
        w = IncrementalPdfFileWriter(io.BytesIO(pdf))
        page_ref, _res = w.find_page_for_modification(last)
        page_obj = page_ref.get_object()
        if "/Contents" not in page_obj:
            # a page with nothing drawn on it has no content stream, and the stamps are added to one
            page_obj["/Contents"] = w.add_object(generic.StreamObject(stream_data=b""))
            w.update_container(page_obj)
    except (PdfError, KeyError, TypeError, ValueError) as exc:
        # a PDF pyHanko cannot read (security review F4: a 500 PdfStrictReadError): say so
        raise UnsealablePdf(_("PDF 无法签章：文件结构无法解析，请重新生成 PDF 后再签章。")) from exc
    try:
        pages = PdfReader(io.BytesIO(pdf)).pages
        on = dated_page(pages)
        on = last if on is None else on
        box, _over = seal_box(pages[on])
        qr_at = qr_block_position(pages[on])
    except (PyPdfError, KeyError, IndexError, TypeError, ValueError):
        on, box, qr_at = last, (300, 110, 419, 229), (40.0, 18.0)  # a page pypdf cannot read: the old place
    last = on  # the seal and the verification block go on the page that carries the date
    name = getattr(court, "full_name", "") or court.name
    try:
        qr_style = StaticStampStyle(background=images.PdfImage(qr_block_image(code, url)), border_width=0,
                                    background_opacity=1)
        StaticContentStamp(w, qr_style, layout.BoxConstraints(width=QR_BLOCK[0], height=QR_BLOCK[1])).apply(
            last, int(qr_at[0]), int(qr_at[1]))
        style = StaticStampStyle(background=images.PdfImage(seal_image(name, 600)), border_width=0,
                                 background_opacity=1)
        meta = signers.PdfSignatureMetadata(field_name="CourtSeal", reason=f"{name}电子印章", location=name,
                                            md_algorithm="sha256")
        signer = signers.PdfSigner(meta, signer=signer_for(court), stamp_style=style,
                                   new_field_spec=fields.SigFieldSpec("CourtSeal", on_page=last,
                                                                      box=tuple(int(round(v)) for v in box)))
        out = io.BytesIO()
        off_the_event_loop(lambda: signer.sign_pdf(w, output=out))
    except PdfError as exc:
        raise UnsealablePdf(_("PDF 无法签章：文件结构无法解析，请重新生成 PDF 后再签章。")) from exc
    return out.getvalue()


def off_the_event_loop(fn):
    """pyHanko signs and validates through asyncio.run(), which refuses to start inside a thread that
    already runs an event loop (an ASGI server, a Playwright-driven test): there, run it in a thread
    of its own; elsewhere, here."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fn()
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def verify_pdf(pdf: bytes, court) -> dict:
    """Check the embedded seal signature against the court's certificate. Returns
    {"signed", "intact", "valid", "trusted", "whole_file"}."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    result = {"signed": False, "intact": False, "valid": False, "trusted": False, "whole_file": False}
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        sigs = reader.embedded_signatures
    except Exception:  # noqa: BLE001 — a damaged upload is simply not authentic
        return result
    if not sigs:
        return result
    sig = sigs[-1]
    result["signed"] = True
    try:
        status = off_the_event_loop(
            lambda: validate_pdf_signature(sig, ValidationContext(trust_roots=trust_roots(court))))
    except Exception:  # noqa: BLE001
        return result
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    result.update(intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
                  whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE)
    return result


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
