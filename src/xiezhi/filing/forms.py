"""Turning the filing form's POST fields into the structured complaint (FilingApplication.data)."""
from xiezhi.filing.services import PARTY_FIELDS
from xiezhi.law.appeal import DOMICILES


def parse_filing_form(post, previous: dict | None = None) -> dict:
    previous = previous or {}
    count = 0
    try:
        count = min(int(post.get("party_count", "0")), 50)
    except ValueError:
        count = 0
    parties = []
    for i in range(count):
        if post.get(f"parties-{i}-deleted"):
            continue
        p = {f: post.get(f"parties-{i}-{f}", "") for f in PARTY_FIELDS if f != "is_minor"}
        p["is_minor"] = bool(post.get(f"parties-{i}-is_minor"))
        if p["domicile"] not in DOMICILES:  # 住所所在地区 decides the appeal period (民事诉讼法 第二百八十六条)
            p["domicile"] = "mainland"
        if any(v for k, v in p.items() if k not in ("role", "kind", "nationality", "domicile")):
            parties.append(p)
    data = {
        "parties": parties,
        "claims": post.get("claims", ""),
        "facts": post.get("facts", ""),
        "amount": post.get("amount", ""),
        "cause_id": post.get("cause_id", ""),
        "oral_record": post.get("oral_record", previous.get("oral_record", "")),
    }
    if "agent" in previous:
        data["agent"] = previous["agent"]
    return data
