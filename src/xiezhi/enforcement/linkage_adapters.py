"""网络查控的协助单位与适配器协议 (the bodies that hold assets, and how the court talks to them).

The bodies (BODIES): two banks on the national 总对总 link, the local 点对点 real-estate registry,
vehicle administration, the securities depository, two payment platforms and the business
registry. Every body speaks one protocol (`LinkageAdapter`), batch-wise so a central unit's run
over thousands of debtors is a few hundred calls, not tens of thousands:

    submit(body, orders) -> acks      orders: [{"ref", "kind": search|freeze|deduct|release, "body",
                                        "court", "debtor": {"name", "id_number"}, "asset": {...}|None,
                                        "amount": "…"|None, "issued_at", "seal": {...}}]
                                      acks:   [{"ref", "accepted": bool, "error": str}]
    poll(body, since, limit) -> (answers, next_since)
                                      answers: [{"seq", "answer_id", "ref", "kind", "final": bool,
                                        "result": "ok"|"refused", "assets": [...], "amount": "…"|None}]

An answer is identified by the body's `answer_id` (a body may send one twice); a search may be
answered partially (final=False) and completed later; an order may never be answered, and is then
sent again after its follow-up deadline (the body recognises the same `ref`). `seal` is the court's
electronic seal over the order: ECDSA P-256 / SHA-256 over `canonical(order without "seal")`, with
the court's certificate (documents.seal.ensure_court_key).

`HttpLinkageAdapter` speaks this over HTTP JSON (POST /bodies/<body>/orders, GET
/bodies/<body>/answers?since=&limit=) to settings.LINKAGE_URL; `xiezhi.enforcement.linkage_simulator`
is a local simulator of all eight bodies. No Django import at module level: the simulator imports
BODIES from here."""
from __future__ import annotations

import base64
import http.client
import json
import threading
from typing import Protocol
from urllib.parse import urlsplit

#: code -> (name, link, asset kind)
BODIES: dict[str, tuple[str, str, str]] = {
    "icbc": ("中国工商银行", "总对总", "bank_account"),
    "ccb": ("中国建设银行", "总对总", "bank_account"),
    "realestate": ("不动产登记中心", "点对点", "real_estate"),
    "vehicle": ("公安机关交通管理部门（车辆）", "总对总", "vehicle"),
    "csdc": ("中国证券登记结算有限责任公司", "总对总", "securities"),
    "alipay": ("支付宝（中国）网络技术有限公司", "总对总", "payment_account"),
    "tenpay": ("财付通支付科技有限公司", "总对总", "payment_account"),
    "samr": ("市场监督管理部门（股权）", "总对总", "equity"),
}
#: what money can be deducted from (扣划): deposits and payment balances
DEDUCTIBLE = {"bank_account", "payment_account"}


def canonical(order: dict) -> bytes:
    """The bytes the seal signs: the order without its seal, keys sorted, no spaces."""
    return json.dumps({k: v for k, v in order.items() if k != "seal"}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode()


def seal_problem(order: dict) -> str:
    """'' when the seal is present and well-formed (and, when `cryptography` is at hand, verifies
    against the certificate it carries), else why not."""
    seal = order.get("seal")
    if not isinstance(seal, dict):
        return "缺少电子签章"
    if seal.get("alg") != "ES256" or not str(seal.get("cert", "")).startswith("-----BEGIN CERTIFICATE-----"):
        return "电子签章格式错误"
    try:
        sig = base64.b64decode(seal.get("signature", ""), validate=True)
    except ValueError:
        return "电子签章格式错误"
    if not (8 <= len(sig) <= 72 and sig[0] == 0x30):  # a DER ECDSA signature
        return "电子签章格式错误"
    try:
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import ec
    except ImportError:  # the simulator may run without it: the form check above is what it promises
        return ""
    try:
        _public_key(seal["cert"]).verify(sig, canonical(order), ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        return "电子签章验证失败"
    return ""


_keys: dict = {}


def _public_key(cert_pem: str):
    key = _keys.get(cert_pem)
    if key is None:
        from cryptography import x509

        key = _keys[cert_pem] = x509.load_pem_x509_certificate(cert_pem.encode()).public_key()
    return key


class LinkageAdapter(Protocol):
    def submit(self, body: str, orders: list[dict]) -> list[dict]: ...

    def poll(self, body: str, since: int, limit: int = 500) -> tuple[list[dict], int]: ...


class LinkageUnavailable(Exception):
    """The link is down or answered nonsense: nothing was recorded, the order is sent again later."""


class HttpLinkageAdapter:
    """HTTP JSON to one base URL; one persistent connection per thread."""

    def __init__(self, base_url: str, timeout: float = 30):
        parts = urlsplit(base_url)
        self.host, self.port, self.prefix = parts.hostname, parts.port or 80, parts.path.rstrip("/")
        self.timeout = timeout
        self._local = threading.local()

    def _call(self, method: str, path: str, body=None) -> dict:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        for attempt in (1, 2):  # a kept-alive connection the server closed is opened again once
            conn = getattr(self._local, "conn", None)
            if conn is None:
                conn = self._local.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                conn.request(method, self.prefix + path, body=data,
                             headers={"Content-Type": "application/json; charset=utf-8"})
                resp = conn.getresponse()
                raw = resp.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise LinkageUnavailable(str(exc)) from exc
                continue
            if resp.status != 200:
                raise LinkageUnavailable(f"HTTP {resp.status}")
            try:
                return json.loads(raw)
            except ValueError as exc:
                raise LinkageUnavailable("bad JSON") from exc
        raise LinkageUnavailable("unreachable")

    def submit(self, body: str, orders: list[dict]) -> list[dict]:
        return self._call("POST", f"/bodies/{body}/orders", {"orders": orders})["acks"]

    def poll(self, body: str, since: int, limit: int = 500) -> tuple[list[dict], int]:
        got = self._call("GET", f"/bodies/{body}/answers?since={int(since)}&limit={int(limit)}")
        return got["answers"], int(got["next"])
