"""Pinyin initials of the causes of action, so that a litigant on a phone finds 民间借贷纠纷 by
typing "mjjd" (or "民间借贷", or "借贷"). pypinyin ships its dictionary: nothing is downloaded."""
from functools import lru_cache

from pypinyin import Style, lazy_pinyin


@lru_cache(maxsize=4096)
def initials(text: str) -> str:
    """The first letter of each syllable, lower case; characters without pinyin are kept as they are."""
    return "".join(p[:1] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")).lower()
