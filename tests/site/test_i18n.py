"""The English interface: language switching and the completeness of the English catalogue.

The UI strings are written in Simplified Chinese (the msgid; zh-hans is the default language) and
src/xiezhi/locale/en/LC_MESSAGES/django.po holds their English translations. After adding or changing
a translatable string, regenerate, translate the new entries and recompile (the .mo is committed):

    cd src/xiezhi
    ../../.venv/bin/xiezhi makemessages -l en --no-obsolete --ignore='static/*'
    # translate every empty msgstr, drop "#, fuzzy"
    ../../.venv/bin/xiezhi compilemessages
"""
import ast
import gettext
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
EN_PO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
EN_MO = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.mo"
REGENERATE = ("cd src/xiezhi && ../../.venv/bin/xiezhi makemessages -l en --no-obsolete --ignore='static/*'"
              " && (translate) && ../../.venv/bin/xiezhi compilemessages")


@pytest.fixture(autouse=True)
def _reset_language():
    """Requests activate a language per thread; do not leak English into later tests."""
    yield
    translation.deactivate()


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --- pages ------------------------------------------------------------------------------------

def test_staff_login_in_english(client):
    resp = _english(client).get("/staff/login/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert '<html lang="en">' in html
    assert "Court staff sign-in" in html
    assert ">Sign in</button>" in html
    assert "Username" in html and "Password" in html
    assert "法院工作人员登录" not in html
    assert "密码" not in html


def test_staff_login_defaults_to_chinese(client):
    html = client.get("/staff/login/").content.decode()
    assert '<html lang="zh-CN">' in html
    assert "法院工作人员登录" in html
    assert "Court staff sign-in" not in html


def test_language_selector_switches_to_english(client):
    resp = client.post("/i18n/setlang/", {"language": "en", "next": "/staff/login/"})
    assert resp.status_code == 302 and resp["Location"] == "/staff/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/staff/login/").content.decode()
    assert "Court staff sign-in" in html
    assert "法院工作人员登录" not in html


class _VisibleText(HTMLParser):
    """Text a user sees or hears: text nodes plus the labels screen readers announce."""

    SKIP = {"script", "style", "template"}
    ATTRS = {"aria-label", "title", "placeholder", "alt"}

    def __init__(self):
        super().__init__()
        self.stack, self.texts, self.options = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "input", "br", "img"):
            self.stack.append(tag)
        self.texts += [v for k, v in attrs if k in self.ATTRS and v]

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        text = data.strip()
        if not text or self.SKIP & set(self.stack):
            return
        (self.options if self.stack and self.stack[-1] == "option" else self.texts).append(text)


def test_public_home_in_english(client):
    resp = _english(client).get("/")
    assert resp.status_code == 200
    page = _VisibleText()
    page.feed(resp.content.decode())
    text = "\n".join(page.texts)
    # the navigation, cards and footer, in English
    for english in ("Litigation Service Portal", "Sign in", "Skip to main content", "Language",
                    "Online filing", "My cases", "Litigation fee calculator", "Period calculator",
                    "Online Litigation Rules of the People's Courts"):
        assert english in text, english
    for chinese in ("诉讼服务网", "登录", "网上立案", "我的案件", "期间计算"):
        assert chinese not in text, chinese
    # the language selector names each language in itself: 简体中文 is the one Chinese text left
    assert page.options == ["简体中文", "English"]
    # the court's own name, address and hours are the court's data (settings), shown as written
    court = {settings.COURT_NAME, settings.COURT_ADDRESS, settings.COURT_HOURS}
    assert [t for t in page.texts if CJK.search(t) and t not in court] == []


def test_public_home_defaults_to_chinese(client):
    html = client.get("/").content.decode()
    assert "诉讼服务网" in html and "网上立案" in html
    assert "Litigation Service Portal" not in html


# --- the catalogue ----------------------------------------------------------------------------

def _parse_po(path):
    """Entries of a .po file as dicts: 'flags', 'msgid', 'msgid_plural', 'msgstr' / 'msgstr[n]'."""
    entries, cur, key = [], None, None
    for line in Path(path).read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line:
            if cur is not None:
                entries.append(cur)
            cur = None
            continue
        if line.startswith("#~"):
            continue  # obsolete entries are not used
        cur = cur if cur is not None else {"flags": set()}
        if line.startswith("#,"):
            cur["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            cur[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            cur[key] = ast.literal_eval(value)
    return [e for e in entries if "msgid" in e]


def _messages():
    return [e for e in _parse_po(EN_PO) if e["msgid"]]


def test_catalogue_header():
    header = next(e for e in _parse_po(EN_PO) if e["msgid"] == "")
    assert "fuzzy" not in header["flags"]
    assert "Language: en\n" in header["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header["msgstr"]
    assert "charset=UTF-8" in header["msgstr"]


def test_every_entry_is_translated_and_not_fuzzy():
    entries = _messages()
    assert len(entries) > 400
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    untranslated = [e["msgid"] for e in entries
                    if not all(v.strip() for k, v in e.items() if k.startswith("msgstr"))]
    assert not fuzzy, f"fuzzy entries in {EN_PO}: {fuzzy}"
    assert not untranslated, f"untranslated entries in {EN_PO}: {untranslated}"


def test_translations_are_english():
    # 简体中文 is the language selector's own name for Chinese and stays as it is
    leftovers = [(e["msgid"], v) for e in _messages() for k, v in e.items()
                 if k.startswith("msgstr") and CJK.search(v) and e["msgid"] != "简体中文"]
    assert not leftovers


_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%%|%[sdif]|\{\{.*?\}\}|\{[^{}]*\}")


def test_placeholders_are_kept():
    wrong = []
    for e in _messages():
        for k, v in e.items():
            if k.startswith("msgstr"):
                source = e["msgid_plural"] if k == "msgstr[1]" else e["msgid"]
                if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(v)):
                    wrong.append((e["msgid"], v))
    assert not wrong


def test_compiled_catalogue_matches_the_po():
    """The .mo is committed (the demo runs without gettext); it must be recompiled with the .po."""
    with EN_MO.open("rb") as f:
        catalog = gettext.GNUTranslations(f)._catalog
    stale = []
    for e in _messages():
        if "msgid_plural" in e:
            got = [catalog.get((e["msgid"], i)) for i in (0, 1)]
            want = [e["msgstr[0]"], e["msgstr[1]"]]
        else:
            got, want = catalog.get(e["msgid"]), e["msgstr"]
        if got != want:
            stale.append(e["msgid"])
    assert not stale, f"recompile: cd src/xiezhi && ../../.venv/bin/xiezhi compilemessages ({stale[:5]})"


@pytest.mark.skipif(not shutil.which("xgettext") or not shutil.which("msgmerge"), reason="needs GNU gettext")
def test_catalogue_covers_the_source(tmp_path, monkeypatch):
    """Every translatable string in the source is in the English catalogue (so is translated).

    Runs makemessages on a copy of the source tree, so the working tree is not touched."""
    src = Path(settings.BASE_DIR)
    copy = tmp_path / "xiezhi"
    shutil.copytree(src, copy, ignore=shutil.ignore_patterns("static", "locale", "__pycache__", "*.pyc"))
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["en"], no_obsolete=True, ignore_patterns=["static/*"], verbosity=0)
    extracted = {e["msgid"] for e in _parse_po(copy / "locale" / "en" / "LC_MESSAGES" / "django.po") if e["msgid"]}
    catalogued = {e["msgid"] for e in _messages()}
    missing = sorted(extracted - catalogued)
    assert not missing, f"strings missing from {EN_PO} — regenerate and translate ({REGENERATE}): {missing}"
