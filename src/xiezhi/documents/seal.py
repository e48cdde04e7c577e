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


def stamp_image(court_name: str, code: str, url: str):
    """The visible appearance: the seal, and next to it the QR code and the verification code."""
    import segno
    from PIL import Image, ImageDraw

    seal = seal_image(court_name, 600)
    qr_buf = io.BytesIO()
    segno.make(url, error="m").save(qr_buf, kind="png", scale=10, border=2)
    qr_buf.seek(0)
    qr = Image.open(qr_buf).convert("RGBA").resize((360, 360), Image.NEAREST)
    img = Image.new("RGBA", (1100, 600), (255, 255, 255, 0))
    img.alpha_composite(seal, (0, 0))
    img.alpha_composite(qr, (680, 40))
    draw = ImageDraw.Draw(img)
    draw.text((860, 440), "扫码或输入验证码核验", font=_font(40), fill=(0, 0, 0, 255), anchor="mm")
    draw.text((860, 500), code, font=_font(48), fill=(0, 0, 0, 255), anchor="mm")
    return img


class UnsealablePdf(ValidationError):
    """The PDF cannot be signed as it is; the document stays unsealed."""


def sign_pdf(pdf: bytes, court, code: str, url: str) -> bytes:
    from pyhanko.pdf_utils import images
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle

    from pyhanko.pdf_utils.misc import PdfError

    try:
        reader = PdfFileReader(io.BytesIO(pdf))
        last = int(reader.root["/Pages"]["/Count"]) - 1
        w = IncrementalPdfFileWriter(io.BytesIO(pdf))
    except (PdfError, KeyError, TypeError, ValueError) as exc:
        # a PDF pyHanko cannot read (security review F4: a 500 PdfStrictReadError): say so
        raise UnsealablePdf(_("PDF 无法签章：文件结构无法解析，请重新生成 PDF 后再签章。")) from exc
    img = stamp_image(court.name, code, url)
    style = StaticStampStyle(background=images.PdfImage(img), border_width=0, background_opacity=1)
    # bottom right of the last page, over the court's name and date (A4: 595 x 842 pt)
    box = (300, 90, 570, 237)
    meta = signers.PdfSignatureMetadata(field_name="CourtSeal", reason=f"{court.name}电子印章", location=court.name,
                                        md_algorithm="sha256")
    signer = signers.PdfSigner(meta, signer=signer_for(court), stamp_style=style,
                               new_field_spec=fields.SigFieldSpec("CourtSeal", on_page=last, box=box))
    out = io.BytesIO()
    try:
        signer.sign_pdf(w, output=out)
    except PdfError as exc:
        raise UnsealablePdf(_("PDF 无法签章：文件结构无法解析，请重新生成 PDF 后再签章。")) from exc
    return out.getvalue()



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
        status = validate_pdf_signature(sig, ValidationContext(trust_roots=trust_roots(court)))
    except Exception:  # noqa: BLE001
        return result
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    result.update(intact=bool(status.intact), valid=bool(status.valid), trusted=bool(status.trusted),
                  whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE)
    return result


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
