"""法律依据的引用 (the legal basis a judge cites in a judgment, ruling or mediation document).

《人民法院民事裁判文书制作规范》（法〔2016〕221号）“裁判依据”部分:
- 引用法律、法规、司法解释应当书写全称并加书名号（《中华人民共和国民事诉讼法》），不用简称;
- 条、款、项的序号用汉字书写（第六十七条第一款）；引用“项”的，使用汉字且不加括号（第一百五十七条第一款第三项）;
- 先引用实体法，后引用程序法 (ordering is the judge's, the picker offers both).

A title that itself contains a quoted title (最高人民法院关于适用《中华人民共和国民事诉讼法》的解释) has the
inner 书名号 written as 〈〉 once wrapped: 《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》.

The catalogue (data/citations.csv) holds the articles a basic court cites most: 民法典 (contract, loan,
lease, tort), 民事诉讼法 (2023 numbering), 民诉解释 (2022), the 民间借贷 provisions and 诉讼费用交纳办法.
Pure Python: no Django."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "citations.csv"

_DIGITS = "零一二三四五六七八九"

#: short names a judge types → the law's full name
ALIASES = {
    "民法典": "中华人民共和国民法典",
    "民事诉讼法": "中华人民共和国民事诉讼法",
    "民诉法": "中华人民共和国民事诉讼法",
    "民诉解释": "最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
    "民间借贷": "最高人民法院关于审理民间借贷案件适用法律若干问题的规定",
    "交费办法": "诉讼费用交纳办法",
    "诉讼费": "诉讼费用交纳办法",
}


class CitationError(ValueError):
    pass


def cn_number(n: int) -> str:
    """An article number in Chinese as statutes write it: 10 十, 15 十五, 20 二十, 101 一百零一,
    110 一百一十, 1001 一千零一, 1260 一千二百六十."""
    if not isinstance(n, int) or isinstance(n, bool) or not 0 < n < 10000:
        raise CitationError("条款序号须为 1 至 9999 的整数")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += _DIGITS[digit] + unit
            zero = False
        else:
            zero = True
    return out


def _title(law: str) -> str:
    law = law.strip().strip("《》")
    law = ALIASES.get(law, law)
    if not law:
        raise CitationError("请写明法律名称")
    return "《" + law.replace("《", "〈").replace("》", "〉") + "》"


def format_citation(law: str, article: int, paragraph: int | None = None, item: int | None = None) -> str:
    """《中华人民共和国民事诉讼法》第一百五十七条第一款第三项 (the 2016 规范's form; see the module)."""
    text = _title(law) + "第" + cn_number(article) + "条"
    if paragraph:
        text += "第" + cn_number(paragraph) + "款"
    if item:
        text += "第" + cn_number(item) + "项"
    return text


@dataclass(frozen=True)
class Article:
    law: str
    article: int
    paragraph: int | None
    item: int | None
    summary: str

    @property
    def citation(self) -> str:
        return format_citation(self.law, self.article, self.paragraph, self.item)

    def as_dict(self) -> dict:
        return {"citation": self.citation, "law": self.law, "article": self.article, "paragraph": self.paragraph,
                "item": self.item, "summary": self.summary}


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


@lru_cache(maxsize=1)
def catalogue() -> tuple[Article, ...]:
    with DATA.open(encoding="utf-8", newline="") as f:
        return tuple(Article(r["law"], int(r["article"]), _int(r["paragraph"]), _int(r["item"]), r["summary"])
                     for r in csv.DictReader(f))


_ARTICLE = re.compile(r"第?([0-9]+|[零〇一二三四五六七八九十百千]+)条?")


def _article_number(token: str) -> int | None:
    m = _ARTICLE.fullmatch(token)
    if not m:
        return None
    raw = m.group(1)
    if raw.isdigit():
        return int(raw)
    for n in range(1, 2000):  # small catalogue: reverse the writing rather than parse it
        if cn_number(n) == raw:
            return n
    return None


def search(query: str, limit: int = 20) -> list[Article]:
    """The catalogue's articles matching every word of `query` (a law's name or short name, an article
    number in figures or Chinese — 675, 第六百七十五条 — or words of its content)."""
    words = [w for w in re.split(r"[\s,，、]+", (query or "").strip()) if w][:6]
    found = []
    for a in catalogue():
        hay = a.law + a.citation + a.summary + "".join(k for k, v in ALIASES.items() if v == a.law)
        ok = True
        for w in words:
            number = _article_number(w)
            if number is not None and (w.isdigit() or "条" in w or "第" in w):
                ok = a.article == number
            else:
                ok = w in hay
            if not ok:
                break
        if ok:
            found.append(a)
    return found[:limit]
