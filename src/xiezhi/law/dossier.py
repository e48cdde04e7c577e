"""E-case file (电子卷宗) and archiving (归档) rules, free of Django.

Sources: 《人民法院诉讼文书立卷归档办法》 (最高人民法院、国家档案局 1991) on the order of papers in the
正卷 and 副卷 and on page numbering; 《人民法院诉讼档案管理办法》 (1991) on retention periods
(永久、长期、短期); 《关于全面深化智慧法院建设推进电子卷宗随案同步生成和深度应用的指导意见》
(法〔2018〕10号) on generating the e-file as the case proceeds.
⚠ Courts and provinces adjust the catalogue, the archive-number format and the retention table,
so all three are data (xiezhi/dossier/data/*.csv and settings), not constants here.
"""
from __future__ import annotations

from dataclasses import dataclass

SECTIONS = ("main", "side")  # 正卷, 副卷


@dataclass(frozen=True)
class Paper:
    key: object
    section: str
    item_order: int
    seq: int  # order of entry within the same catalogue item (time it entered the case)
    pages: int


def catalogue_order(papers: list[Paper]) -> list[Paper]:
    """Papers in catalogue order: 正卷 before 副卷, then the standard item order, then the order
    the papers entered the case (立卷归档办法: 卷内文件按诉讼程序的客观进程排列)."""
    return sorted(papers, key=lambda p: (SECTIONS.index(p.section), p.item_order, p.seq))


def running_pages(papers: list[Paper]) -> dict:
    """Page ranges {key: (first, last)} numbered continuously through each volume (正卷 and 副卷
    are numbered separately, each starting at 1; 立卷归档办法: 卷内文件逐页编号). A paper with no
    pages yet (unknown count) takes no numbers: (None, None)."""
    out, counters = {}, {s: 0 for s in SECTIONS}
    for p in catalogue_order(papers):
        if p.pages <= 0:
            out[p.key] = (None, None)
            continue
        first = counters[p.section] + 1
        counters[p.section] += p.pages
        out[p.key] = (first, counters[p.section])
    return out


def archive_number(fmt: str, *, year: int, court_code: str, type_code: str, serial: int) -> str:
    """档案号 built from a configurable format, e.g. "（{year}）{court}{type}档{serial}号" gives
    （2026）豫0222民初档12号 (诉讼档案管理办法: 档案号由年度、法院代字、类型代字和顺序号组成 ⚠ local
    formats differ, hence the format string)."""
    return fmt.format(year=year, court=court_code, type=type_code, serial=serial)


RETENTION_RANK = {"short": 0, "long": 1, "permanent": 2}


def retention_for(type_code: str, table: dict[str, str]) -> str:
    """保管期限 of a case file: the table row whose type code is the longest prefix of the case's
    type code, else the "*" row (诉讼档案管理办法: 保管期限分为永久、长期、短期 by the kind of case)."""
    best = None
    for code, retention in table.items():
        if code != "*" and type_code.startswith(code) and (best is None or len(code) > len(best)):
            best = code
    if best is not None:
        return table[best]
    if "*" in table:
        return table["*"]
    raise ValueError(f"no retention rule for {type_code}")
