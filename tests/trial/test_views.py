"""Who may reach the trial URLs (deny by default, design.md principle 10), and the case page
panel a filing judge, a judge and a division head use."""
import pytest
from django.test import Client

from tests.helpers import assert_nothing_changed, row_counts
from xiezhi.trial.models import Assignment, ExtensionRequest

pytestmark = pytest.mark.django_db

ROLES = ["filing_judge", "judge", "judge_other", "clerk", "division_head", "president", "trial_management"]


@pytest.fixture
def world(new_case, staff, make_staff, make_public):
    actors = {"anon": None, "litigant": make_public()}
    for r in ROLES:
        kind = {"filing_judge": "filing", "president": "management", "trial_management": "management"}.get(r, "civil")
        actors[r] = make_staff(["judge" if r == "judge_other" else r], kind)
    case = new_case()
    return {"actors": actors, "case": case}


def client(user):
    c = Client()
    if user is not None:
        c.force_login(user)
    return c


POSTS = {
    "route": ("filing_judge", "clerk", "division_head", "judge"),
    "convert": ("judge", "division_head", "president"),
    "assign": ("filing_judge", "division_head", "president"),
    "panel": ("judge", "division_head", "president"),
    "extension": ("judge",),
    "suspension": ("judge", "division_head", "president"),
    "close": ("judge",),
    "appeal": ("judge", "clerk", "filing_judge"),
    "pronounce": ("judge", "clerk"),
    "late-application": ("judge", "clerk", "filing_judge", "division_head", "president"),
}


@pytest.mark.parametrize("name", list(POSTS))
def test_post_urls_refuse_everyone_without_the_role(world, name):
    path = f"/staff/trial/cases/{world['case'].pk}/{name}/"
    # a form that would do something for whoever may act (a random draw, an extension request …)
    data = {"action": "manual", "reason": "理由", "months": "1", "procedure": "civil_summary", "method": "withdrawal",
            "judge": world["actors"]["judge"].pk}
    for who, user in world["actors"].items():
        before = row_counts()
        r = client(user).post(path, data)
        role = who.replace("_other", "")
        if user is None:
            assert r.status_code == 302 and "/login/" in r["Location"], who
        elif who == "litigant" or role not in POSTS[name]:
            assert r.status_code == 403, (who, r.status_code)
        else:  # has the role: reaches the view; the case itself may still be out of reach
            assert r.status_code in (302, 404), (who, r.status_code)
            if r.status_code == 302:
                continue  # allowed to act: may have changed something
        # refused: no row of any model changed (only the DENIED audit entry may be written)
        assert_nothing_changed(before, f"{who} POST {name}")


def test_get_is_refused_on_action_urls(world):
    r = client(world["actors"]["filing_judge"]).get(f"/staff/trial/cases/{world['case'].pk}/assign/")
    assert r.status_code == 405


def test_approvals_page_only_for_heads_and_presidents(world):
    for who, user in world["actors"].items():
        r = client(user).get("/staff/trial/approvals/")
        expected = 200 if who in ("division_head", "president") else (302 if user is None else 403)
        assert r.status_code == expected, who


def test_a_judge_who_cannot_see_the_case_gets_404(world):
    r = client(world["actors"]["judge_other"]).post(f"/staff/trial/cases/{world['case'].pk}/panel/", {})
    assert r.status_code == 404


def test_random_assignment_from_the_case_page_and_the_panel_shows_it(world, staff):
    case, lian = world["case"], staff["lian"]
    c = client(lian)
    page = c.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    assert "审判组织与审理" in page and "随机分案" in page
    c.post(f"/staff/trial/cases/{case.pk}/route/", {"action": "propose"})
    assert "civil_summary" in c.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    r = c.post(f"/staff/trial/cases/{case.pk}/assign/", {"action": "random"})
    assert r.status_code == 302
    case.refresh_from_db()
    a = Assignment.objects.get(case=case)
    assert case.judge_id == a.judge_id and a.seed
    page = c.get(f"/staff/cases/{case.pk}/panels/trial/").content.decode()
    assert a.seed in page


def test_manual_assignment_and_extension_approved_on_the_approvals_page(world, staff):
    case = world["case"]
    c = client(staff["lian"])
    c.post(f"/staff/trial/cases/{case.pk}/assign/", {"action": "manual", "judge": staff["j2"].pk, "reason": "关联案件"})
    head = client(staff["head"])
    a = Assignment.objects.get(case=case)
    assert case.number in head.get("/staff/trial/approvals/").content.decode()
    head.post("/staff/trial/approvals/", {"kind": "assignment", "id": a.pk, "decision": "approve"})
    case.refresh_from_db()
    assert case.judge == staff["j2"]
    j = client(staff["j2"])
    j.post(f"/staff/trial/cases/{case.pk}/extension/", {"months": 1, "reason": "需要调查取证"})
    req = ExtensionRequest.objects.get(case=case)
    pres = client(staff["president"])
    assert case.number in pres.get("/staff/trial/approvals/").content.decode()
    pres.post("/staff/trial/approvals/", {"kind": "extension", "id": req.pk, "decision": "approve"})
    req.refresh_from_db()
    assert req.status == "approved"
    assert case.events.filter(code="extension_approved").exists()
    # the party sees the organisation and the extension (流程公开规定 第七条; 延长审限规定 第七条)
    public = [e.code for e in case.events.filter(public_to_parties=True)]
    assert "organisation_set" in public and "extension_approved" in public
    assert "extension_requested" not in public


@pytest.mark.parametrize("method,path", [
    ("get", "/staff/cases/{pk}/"),
    ("post", "/staff/trial/cases/{pk}/panel/"),
    ("post", "/staff/hearings/cases/{pk}/schedule/"),
    ("get", "/delivery/cases/{pk}/serve/"),
    ("get", "/staff/dossier/cases/{pk}/"),
    ("post", "/staff/dossier/cases/{pk}/archive/"),
    ("post", "/documents/staff/cases/{pk}/generate/"),
])
def test_probing_a_case_through_any_app_is_refused_and_audited(world, method, path):
    """cases.selectors.case_for_request: whichever app's address is used to probe a case the
    user may not see, the answer is 404 and the refusal is in the audit log."""
    from xiezhi.audit.models import AuditEntry

    case = world["case"]
    c = client(world["actors"]["judge_other"])  # a judge of the court who does not handle the case
    r = getattr(c, method)(path.format(pk=case.pk), {})
    assert r.status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED, user=world["actors"]["judge_other"],
                                     detail=f"案件 {case.pk}").count() == 1
    # a case that does not exist is a plain 404, nothing to audit
    r = getattr(c, method)(path.format(pk=case.pk + 10_000), {})
    assert r.status_code == 404
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DENIED).count() == 1
