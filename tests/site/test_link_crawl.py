"""Every page a role may open is reachable from that role's menu (issue 9 §4): signed in as each
demo role, a crawler starts at the role's home and follows links only — GET, same origin, never a
form (so never logout) — and must reach every address of the URL resolver that this role may open.

Which addresses a role "may open" is asked of the application, not written down here:
- an address without parameters: the role's GET answers 200 (a role refused with 403/404, or an
  address that takes only a form's POST and answers 405, is not expected);
- an address with parameters (a case, a hearing, a file): satisfied by any instance. The instances
  are those that some role's crawl reached; the pattern is expected of a role when one of them
  answers 200 to that role's GET.
A parametrised page that no crawl reaches at all fails the test too, unless the demo world has no
instance of it yet (UNINSTANTIATED, each with its reason) — so a page a later issue adds must be
linked from somewhere, or the test says which."""
import re
from collections import defaultdict
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from tests.site.test_i18n import _VisibleText
from xiezhi.demo.seed import seed_cases, seed_filings, seed_people, seed_trial

pytestmark = pytest.mark.django_db

# username in the demo seed -> the role it plays (the demo's one account per role)
STAFF = ["lian", "judge", "assistant", "clerk", "enforcer", "mediator", "head", "president", "tmo", "admin"]
PUBLIC = {"lawyer": "13800000001", "litigant": "13800000002"}

# Addresses that are not pages a signed-in user navigates to, each with its reason.
NOT_PAGES = {
    "set_language": "the language switcher is a form (POST)",
    "accounts:login": "sign-in pages are for the signed-out",
    "accounts:register": "sign-up is for the signed-out",
    "accounts:staff_login": "sign-in pages are for the signed-out",
    "accounts:logout": "a form (POST), and the crawl must not sign out",
    "delivery:sms_download": "opened from the link in a text message, never from a page",
    "documents:verify_code": "opened from the QR code printed on a paper document",
    "documents:citations": "JSON the judgment editor's citation picker fetches as the judge types",
    "documents:draft_fee": "JSON the judgment editor fetches for its suggested fee burden",
    "hearings:my_hearings": "the same view as hearings:portal, kept at an old staff-side address",
    "hearings:party_record": "the same view as hearings:portal_record, kept at an old staff-side address",
}
# Parametrised pages of which the seeded demo world below has no instance (nothing generated,
# served or scanned yet); reached by no crawl, they are not counted against a role.
UNINSTANTIATED = {
    "filing:crossregion_detail": "no cross-region filing in the seeded world (seed_crossregion makes them; 跨域立案 lists each)",
    "filing:crossregion_file": "no cross-region filing in the seeded world (its page links each scan)",
    "filing:portal_crossregion_detail": "no cross-region filing in the seeded world (我的跨域立案 lists each)",
    "documents:download": "no document is generated in the seeded world",
    "delivery:document_file": "no document is generated in the seeded world",
    "delivery:inbox_download": "no document is served in the seeded world",
    "dossier:reader": "no case has an e-file in the seeded world (the case page links it when one has)",
    "dossier:verify": "no e-file is archived in the seeded world",
    "dossier:page_image": "no e-file page is scanned in the seeded world",
    "dossier:entry_file": "no e-file entry is uploaded in the seeded world",
    "hearings:portal_record": "no hearing record is finalised in the seeded world",
    "filing:staff_file": "the seeded filings are not yet registered as cases",
    "auctions:detail": "no auction is announced in the seeded world (the notice list links each one)",
    "enforcement:linkage_batch": "no network search is run in the seeded world (the 集约查控 page links each batch)",
    "mediation:detail": "no pre-suit mediation in the seeded world (seed_mediation makes them; 诉前调解 and 我的调解 list each)",
    "enforcement_portal:case": "the portal users of the seeded world are parties of no enforcement case (seed_parties)",
    "mediation:entrusted_detail": "no case is entrusted to mediation in the seeded world (seed_entrusted; 我的调解 and the case page link each)",
    "mediation_portal:detail": "no pre-suit mediation in the seeded world (the portal's 我的诉前调解 list links each)",
    "mediation:document_file": "no pre-suit mediation in the seeded world (the mediation page's 调解材料 links each)",
    "mediation_portal:document_file": "no pre-suit mediation in the seeded world (the portal page's 调解材料 links each)",
    "servicecentre:window": "no service window in the seeded world (seed_servicecentre makes them; 诉讼服务中心 lists each)",
    "servicecentre:hotline_item": "no 12368 call in the seeded world (seed_servicecentre makes them; 12368 热线 lists each)",
    "assistance:detail": "no judicial assistance application in the seeded world (seed_assistance makes them; 司法救助 lists each)",
    "assistance_portal:detail": "no judicial assistance application in the seeded world (the portal's 我的司法救助申请 lists each)",
    "confirmation:detail": "no 司法确认 application in the seeded world (seed_confirmation makes them; the 司法确认 list links each)",
    "confirmation:from_mediation": "no pre-suit mediation in the seeded world (a mediation's page links it once agreed)",
    "complaints:detail": "no complaint in the seeded world (seed_complaints makes them; the 涉诉信访 list links each)",
}
CASE_IN_PATH = re.compile(r"/cases/(\d+)/")
PER_PATTERN = 4  # addresses of one shape a crawl opens (a calendar links to every week, a list to every case)


def _patterns(resolver=None, ns=None):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern) == "admin/":
                continue
            yield from _patterns(p, p.namespace or ns)
        elif isinstance(p, URLPattern):
            name = f"{ns}:{p.name}" if ns else p.name
            yield name, bool(p.pattern.converters)


PATTERNS = dict(_patterns())
API = {n for n in PATTERNS if n.startswith("api:")}  # JSON for programs, documented by its schema


def _name_of(path: str) -> tuple[str | None, tuple]:
    """The pattern's name, and its "shape": the name with its non-numeric arguments (a case
    page's sections differ by key, not by id), which the crawl opens PER_PATTERN times at most."""
    try:
        m = resolve(path)
    except Resolver404:
        return None, ()
    return m.view_name, (m.view_name, *sorted((k, v) for k, v in m.kwargs.items() if not isinstance(v, int)))


# Latin words a Chinese page may show: names of file formats and products, the language switcher's
# own name for English, and the abbreviations Chinese court staff write in Latin letters.
LATIN_OK = {"PDF", "Excel", "Word", "WPS", "OCR", "English", "docx", "pdf", "png", "jpg", "xlsx", "ID",
            "API", "PNG", "JPG", "JPEG", "IP", "SMS", "QR", "SHA", "WAV", "OGG", "MP3", "DOCX", "TIFF",
            "Ctrl",  # the key of the save shortcut (Ctrl+S)
            "mjjd"}  # the example of a cause searched by its pinyin initials (民间借贷纠纷)
_WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
_ADDRESS = re.compile(r"\S*/\S*")
# a hash (the archive check shows SHA-256 digests) or a payment reference such as HIST-（2024）豫0222民初3号
_CODES = re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b|\b[A-Z]{2,}-\S+")


def _english_words(html: str) -> set[str]:
    """Latin words in the text a user sees or hears (text, aria-label, title, placeholder, alt,
    options) that are not in LATIN_OK: field names, codes and untranslated English."""
    page = _VisibleText()
    page.feed(html)
    words = set()
    for text in page.texts + page.options:
        text = _ADDRESS.sub(" ", text)  # an address the audit log shows is an id, not a word
        text = _CODES.sub(" ", text)
        words |= {w for w in _WORD.findall(text) if w not in LATIN_OK}
    return words


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl(client: Client, start: str = "/", english: set | None = None) -> dict[str, set[str]]:
    """Pattern name -> the paths of it that answered 200, reached from `start` by links only.
    With `english`, adds (word, path) for each English word the pages show (_english_words)."""
    reached, opened, queue, seen = defaultdict(set), defaultdict(int), [start], {start}
    while queue:
        url = queue.pop(0)
        path = urlsplit(url).path
        name, shape = _name_of(path)
        if name is None or name in NOT_PAGES or name in API:
            continue
        if opened[shape] >= PER_PATTERN:
            continue
        opened[shape] += 1
        resp = client.get(url)
        if resp.status_code in (301, 302):
            target = urljoin(url, resp["Location"])
            if not urlsplit(target).netloc and target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        if resp.status_code != 200:
            continue
        reached[name].add(path)
        if "text/html" not in resp.get("Content-Type", ""):
            continue
        html = resp.content.decode()
        links = _Links()
        links.feed(html)
        if english is not None:
            english.update({(w, path) for w in _english_words(html)})
        for href in links.hrefs:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
                continue  # tel:, mailto:, another site
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return reached


@pytest.fixture
def demo(court):
    users = seed_people(court)
    seed_cases(court, users, n=40)
    seed_filings(court, users)
    seed_trial(court, users)
    actors = {u: users[u] for u in STAFF}
    actors.update({role: users[phone] for role, phone in PUBLIC.items()})
    return actors


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def test_every_page_a_role_may_open_is_reachable_from_its_menu(demo):
    clients = {role: _client(u) for role, u in demo.items()}
    english = set()
    reached = {role: crawl(c, english=english) for role, c in clients.items()}
    # the instances of each parametrised pattern, from every role's crawl
    instances = defaultdict(set)
    for r in reached.values():
        for name, paths in r.items():
            if PATTERNS.get(name):
                instances[name] |= paths
    missing, unreached = {}, []
    for name, parametrised in sorted(PATTERNS.items()):
        if name in NOT_PAGES or name in API:
            continue
        if parametrised:
            candidates = sorted(instances[name])[:2]
            if not candidates:
                if name not in UNINSTANTIATED and not _post_only(name, clients):
                    unreached.append(name)
                continue
        else:
            from django.urls import reverse

            candidates = [reverse(name)]
        for role, c in clients.items():
            if name in reached[role] or not _guard_lets_in(name, demo[role]):
                continue
            # the crawl opens PER_PATTERN cases of a list: a page of a case the role's crawl never
            # opened (e.g. the archive check of the one archived case) is not counted against it
            opened = {m.group(1) for path in reached[role].get("cases:detail", ()) if (m := CASE_IN_PATH.search(path))}
            own = [url for url in candidates if not (m := CASE_IN_PATH.search(url)) or m.group(1) in opened]
            if any(c.get(url).status_code == 200 for url in own):
                missing.setdefault(role, []).append(name)
    assert not missing, f"pages a role may open but cannot reach by links from its home: {missing}"
    # the Chinese interface is Chinese throughout: no English word on any page a role reaches
    by_word = defaultdict(set)
    for word, path in english:
        by_word[word].add(path)
    assert not by_word, f"English on the Chinese pages: { {w: sorted(p)[:3] for w, p in by_word.items()} }"
    assert not unreached, f"parametrised pages that no role reaches by links: {unreached}"
    # and the pages the issue names, for the roles that use them
    assert "hearings:calendar" in reached["judge"] and "hearings:calendar" in reached["clerk"]
    assert "trial:approvals" in reached["head"] and "trial:approvals" in reached["president"]
    assert "dossier:requests" in reached["head"] and "dossier:requests" in reached["tmo"]
    assert "dossier:search" in reached["judge"] and "audit:log" in reached["tmo"]
    assert {"filing:portal", "hearings:portal", "delivery:inbox", "cases:portal_detail"} <= set(reached["lawyer"])


def _guard_lets_in(name: str, user) -> bool:
    """What the view's guard (xiezhi.site.access) says before the view runs: a shortcut that
    spares asking a role for pages its guard refuses anyway; the GET decides the rest."""
    access = resolve_name(name).access
    if access == "anyone":
        return True
    if access == "public":
        return user.is_public_user
    _staff, *roles = access
    return user.is_court_staff and (not roles or user.has_role(*roles))


def resolve_name(name: str):
    return next(p for n, p in _all_url_callbacks() if n == name)


def _all_url_callbacks(resolver=None, ns=None):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from _all_url_callbacks(p, p.namespace or ns)
        else:
            yield (f"{ns}:{p.name}" if ns else p.name), p.callback


def _post_only(name: str, clients) -> bool:
    """A parametrised address that takes only a form's POST: its GET answers 405 to a user who
    passes its guard (tried with an id that belongs to no object; the method is checked first)."""
    from django.urls import reverse

    pattern = next(p for n, p in _all_url_patterns() if n == name)
    from django.urls.converters import IntConverter

    kwargs = {k: (999999 if isinstance(conv, IntConverter) else "png") for k, conv in pattern.converters.items()}
    url = reverse(name, kwargs=kwargs)
    return any(c.get(url).status_code == 405 for c in clients.values())


def _all_url_patterns(resolver=None, ns=None):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from _all_url_patterns(p, p.namespace or ns)
        else:
            yield (f"{ns}:{p.name}" if ns else p.name), p.pattern
