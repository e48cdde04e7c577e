"""Deny by default (design.md principle 10): every URL with every role, and who may reach it."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.helpers import assert_nothing_changed, complaint, row_counts
from xiezhi.courts.models import Court
from xiezhi.filing import services as fs

pytestmark = pytest.mark.django_db

STAFF_ROLES = ["filing_judge", "judge", "judge_other", "assistant", "clerk", "enforcement", "mediator",
               "division_head", "president", "trial_management", "sysadmin", "other_court_president"]
PUBLIC = ["litigant", "outsider"]
ALL = ["anon"] + PUBLIC + STAFF_ROLES
ALL_STAFF = set(STAFF_ROLES)


@pytest.fixture
def world(court, make_staff, make_public, pdf_bytes):
    actors = {"anon": None, "litigant": make_public(), "outsider": make_public()}
    for role in STAFF_ROLES:
        if role == "judge_other":
            actors[role] = make_staff(["judge"], "civil")
        elif role == "other_court_president":
            actors[role] = make_staff(["president"], "management", court_=Court.objects.get(case_code="豫0203"))
        else:
            kind = {"filing_judge": "filing", "enforcement": "enforcement", "president": "management",
                    "trial_management": "management", "sysadmin": "management"}.get(role, "civil")
            actors[role] = make_staff([role], kind)
    lit = actors["litigant"]
    data = complaint(plaintiff_name=lit.real_name, plaintiff_id=lit.id_number)
    filing = fs.save_draft(lit, fs.new_draft(lit, court), data)
    ev = fs.add_evidence(lit, filing, SimpleUploadedFile("a.pdf", pdf_bytes, "application/pdf"))
    fs.submit(lit, filing)
    case = fs.register(actors["filing_judge"], filing, procedure_code="civil_ordinary")
    from xiezhi.cases.services import assign_judge

    assign_judge(actors["filing_judge"], case, actors["judge"])
    draft = fs.save_draft(lit, fs.new_draft(lit, court), data)
    return {"actors": actors, "case": case, "filing": filing, "draft": draft, "fee": case.fees.get(), "file": ev}


def _xr(w):
    """A 跨域立案 received at this court for 豫0203 (where other_court_president sits) and forwarded:
    both courts' filing office and leaders may open it, and the party whose identity was checked."""
    if "xr" not in w:
        from xiezhi.filing import crossregion as cr

        other = Court.objects.get(case_code="豫0203")
        w["actors"]["other_court_president"].__class__.objects.create_user(
            username="xr_other_clerk", kind="staff", court=other, roles=["filing_judge"])
        lit = w["actors"]["litigant"]
        clerk = w["actors"]["filing_judge"]
        w["xr"] = cr.receive(clerk, other, complaint(plaintiff_name=lit.real_name, plaintiff_id=lit.id_number),
                             id_type="resident", id_number=lit.id_number, id_name=lit.real_name)
        w["xr_file"] = cr.add_scan(clerk, w["xr"], SimpleUploadedFile("x.pdf", w["file"].file.read(), "application/pdf"))
        cr.forward(clerk, w["xr"])
    return w["xr"]


XR_STAFF = {"filing_judge", "president", "trial_management", "other_court_president"}


def client_for(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


CASE_READERS = {"filing_judge", "judge", "division_head", "president", "trial_management"}
# url name -> (path builder, actors allowed, status when allowed)
GET_MATRIX = {
    "site:home": (lambda w: "/", set(ALL), (200, 302)),
    "accounts:login": (lambda w: "/login/", set(ALL), (200,)),
    "accounts:register": (lambda w: "/register/", set(ALL), (200,)),
    "accounts:staff_login": (lambda w: "/staff/login/", set(ALL), (200,)),
    "filing:portal": (lambda w: "/portal/", set(PUBLIC), (200,)),
    "accounts:verify": (lambda w: "/portal/verify/", set(PUBLIC), (200,)),
    "filing:edit": (lambda w: f"/portal/filings/{w['draft'].pk}/", {"litigant"}, (200,)),
    "filing:detail": (lambda w: f"/portal/filings/{w['filing'].pk}/status/", {"litigant"}, (200,)),
    "cases:portal_detail": (lambda w: f"/portal/cases/{w['case'].pk}/", {"litigant"}, (200,)),
    "cases:workbench": (lambda w: "/staff/", ALL_STAFF, (200,)),
    "cases:list": (lambda w: "/staff/cases/", ALL_STAFF, (200,)),
    "cases:export": (lambda w: "/staff/cases/export/", ALL_STAFF, (200,)),
    "cases:detail": (lambda w: f"/staff/cases/{w['case'].pk}/", CASE_READERS, (200,)),
    "cases:panel": (lambda w: f"/staff/cases/{w['case'].pk}/panels/trial/", CASE_READERS, (200, 204)),
    "filing:queue": (lambda w: "/staff/filings/", {"filing_judge", "president", "trial_management",
                                                    "other_court_president"}, (200,)),
    "filing:counter": (lambda w: "/staff/filings/new/", {"filing_judge"}, (200,)),
    "filing:review": (lambda w: f"/staff/filings/{w['filing'].pk}/", {"filing_judge", "president",
                                                                       "trial_management"}, (200,)),
    "filing:portal_file": (lambda w: f"/portal/files/{w['file'].pk}/", {"litigant"}, (200,)),
    "filing:staff_file": (lambda w: f"/staff/files/{w['file'].pk}/", CASE_READERS, (200,)),
    "filing:crossregion_list": (lambda w: "/staff/filings/cross-region/", XR_STAFF, (200,)),
    "filing:crossregion_new": (lambda w: "/staff/filings/cross-region/new/", {"filing_judge"}, (200,)),
    "filing:crossregion_detail": (lambda w: f"/staff/filings/cross-region/{_xr(w).pk}/", XR_STAFF, (200,)),
    "filing:crossregion_file": (lambda w: f"/staff/filings/cross-region/{_xr(w).pk}/files/{w['xr_file'].pk}/",
                                XR_STAFF, (200,)),
    "filing:portal_crossregion_list": (lambda w: "/portal/cross-region/", set(PUBLIC), (200,)),
    "filing:portal_crossregion_detail": (lambda w: f"/portal/cross-region/{_xr(w).pk}/", {"litigant"}, (200,)),
    "audit:log": (lambda w: "/staff/audit/", {"president", "trial_management", "other_court_president"}, (200,)),
}
POST_MATRIX = {
    "accounts:logout": (lambda w: "/logout/", set(ALL)),
    "filing:new": (lambda w: "/portal/filings/new/", set(PUBLIC)),
    "filing:autosave": (lambda w: f"/portal/filings/{w['draft'].pk}/autosave/", {"litigant"}),
    "filing:delete": (lambda w: f"/portal/filings/{w['draft'].pk}/delete/", {"litigant"}),
    "filing:withdraw": (lambda w: f"/portal/filings/{w['filing'].pk}/withdraw/", {"litigant"}),
    "filing:upload": (lambda w: f"/portal/filings/{w['draft'].pk}/files/", {"litigant"}),
    "filing:remove_file": (lambda w: f"/portal/filings/{w['filing'].pk}/files/{w['file'].pk}/remove/", {"litigant"}),
    "filing:fee_pay": (lambda w: f"/portal/fees/{w['fee'].pk}/pay/", {"litigant"}),
    "cases:portal_notes_read": (lambda w: "/portal/notifications/read/", set(PUBLIC)),
    "cases:notes_read": (lambda w: "/staff/notifications/read/", ALL_STAFF),
    "cases:deduction": (lambda w: f"/staff/cases/{w['case'].pk}/deduction/", {"judge", "division_head", "president"}),
    "cases:extension": (lambda w: f"/staff/cases/{w['case'].pk}/extension/", {"president"}),
    "cases:foreign_related": (lambda w: f"/staff/cases/{w['case'].pk}/foreign-related/",
                              {"filing_judge", "judge", "division_head", "president"}),
    "filing:fee_change": (lambda w: f"/staff/fees/{w['fee'].pk}/change/", {"filing_judge", "judge", "president"}),
    "filing:decide": (lambda w: f"/staff/filings/{w['filing'].pk}/decide/", {"filing_judge"}),
    "filing:crossregion_act": (lambda w: f"/staff/filings/cross-region/{_xr(w).pk}/act/", {"filing_judge"}),
}
DENIED = (302, 403, 404, 405)


# the namespaces of the pages that were one "web" app: every one of their URLs is in the matrix
MATRIX_NAMESPACES = {"site", "accounts", "cases", "filing", "audit"}


def matrix_url_names():
    names = set()
    for p in get_resolver().url_patterns:
        if isinstance(p, URLResolver) and p.namespace in MATRIX_NAMESPACES:
            names |= {f"{p.namespace}:{q.name}" for q in p.url_patterns if isinstance(q, URLPattern)}
    return names


def test_every_page_url_is_in_the_matrix():
    """(That every view of every app declares who may reach it is
    tests/site/test_every_view_declares_access.py.)"""
    assert matrix_url_names() == set(GET_MATRIX) | set(POST_MATRIX)


@pytest.mark.parametrize("name", sorted(GET_MATRIX))
def test_get_access(world, name):
    build, allowed, ok = GET_MATRIX[name]
    path = build(world)
    for actor in ALL:
        resp = client_for(world["actors"][actor]).get(path)
        if actor in allowed:
            assert resp.status_code in ok, f"{actor} should reach {name} ({path}): {resp.status_code}"
        else:
            assert resp.status_code in DENIED, f"{actor} must not reach {name} ({path}): {resp.status_code}"
            if resp.status_code == 302:
                assert "login" in resp["Location"], f"{actor} on {name} redirected to {resp['Location']}"


@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_post_access_denied_to_everyone_else(world, name):
    build, allowed = POST_MATRIX[name]
    path = build(world)
    for actor in ALL:
        if actor in allowed:
            continue
        before = row_counts()
        removed = world["filing"].files.filter(removed_at__isnull=True).count()
        resp = client_for(world["actors"][actor]).post(path, {"judge": world["actors"]["judge_other"].pk,
                                                               "months": 1, "reason": "x", "amount": "1"})
        assert resp.status_code in (302, 403, 404), f"{actor} POST {name}: {resp.status_code}"
        if resp.status_code == 302:
            assert "login" in resp["Location"] or name == "logout"
        assert_nothing_changed(before, f"{actor} through {name}")
        assert world["filing"].files.filter(removed_at__isnull=True).count() == removed


def test_a_party_sees_only_their_own_cases(world, make_public):
    from xiezhi.cases.selectors import visible_cases

    assert list(visible_cases(world["actors"]["litigant"])) == [world["case"]]
    assert not visible_cases(world["actors"]["outsider"]).exists()


def test_case_reads_are_audited_and_searchable_by_the_trial_management_office(world):
    from xiezhi.audit.models import AuditEntry

    client_for(world["actors"]["judge"]).get(f"/staff/cases/{world['case'].pk}/")
    client_for(world["actors"]["litigant"]).get(f"/portal/cases/{world['case'].pk}/")
    reads = AuditEntry.objects.filter(case=world["case"], action="read")
    assert {e.user for e in reads} == {world["actors"]["judge"], world["actors"]["litigant"]}
    resp = client_for(world["actors"]["trial_management"]).get("/staff/audit/", {"case": world["case"].number})
    assert resp.status_code == 200
    assert world["actors"]["judge"].real_name in resp.content.decode()


def test_login_is_rate_limited(world, settings):
    settings.LOGIN_RATE_LIMIT = (3, 300)
    c = Client()
    staff = world["actors"]["judge"]
    for _ in range(3):
        assert c.post("/staff/login/", {"username": staff.username, "password": "wrong"}).status_code == 400
    resp = c.post("/staff/login/", {"username": staff.username, "password": "Xiezhi@2026"})
    assert "登录失败次数过多" in resp.content.decode()
    assert "_auth_user_id" not in c.session


def test_staff_and_public_accounts_cannot_cross_login(world):
    c = Client()
    lit = world["actors"]["litigant"]
    resp = c.post("/staff/login/", {"username": lit.username, "password": "Xiezhi@2026"})
    assert resp.status_code == 400
    resp = c.post("/login/", {"username": world["actors"]["judge"].username, "password": "Xiezhi@2026"})
    assert resp.status_code == 400


def test_csrf_is_enforced(world):
    c = Client(enforce_csrf_checks=True)
    c.force_login(world["actors"]["litigant"])
    assert c.post(f"/portal/filings/{world['draft'].pk}/autosave/", "{}", content_type="application/json").status_code == 403


def test_security_headers(world):
    resp = Client().get("/")
    assert "default-src 'self'" in resp["Content-Security-Policy"]
    assert resp["X-Frame-Options"] == "DENY"
    assert resp["X-Content-Type-Options"] == "nosniff"


def test_workbench_list_never_shows_more_than_the_user_may_see(world):
    from xiezhi.cases.selectors import my_open_cases, visible_cases

    for role in STAFF_ROLES:
        user = world["actors"][role]
        mine = set(my_open_cases(user).values_list("pk", flat=True))
        assert mine <= set(visible_cases(user).values_list("pk", flat=True)), role
    assert list(my_open_cases(world["actors"]["judge"])) == [world["case"]]
    assert not my_open_cases(world["actors"]["judge_other"]).exists()


def test_opening_a_file_serves_its_bytes_and_is_audited(world, pdf_bytes):
    from xiezhi.audit.models import AuditEntry

    resp = client_for(world["actors"]["judge"]).get(f"/staff/files/{world['file'].pk}/")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert b"".join(resp.streaming_content) == pdf_bytes
    assert AuditEntry.objects.filter(action="download", user=world["actors"]["judge"], case=world["case"]).exists()
