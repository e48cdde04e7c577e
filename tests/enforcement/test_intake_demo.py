"""The demo court's 执行局 (issue 11 items 1–2): four teams, enforcement cases in every stage, one
waiting too long, and the head and the officer land on their pages with them."""
import pytest
from django.test import Client

from xiezhi.demo.seed import seed_cases, seed_enforcement, seed_people
from xiezhi.enforcement.models import EnforcementFile, EnforcementTeam

pytestmark = pytest.mark.django_db


def test_demo_enforcement_has_every_stage_and_the_head_sees_it(court):
    users = seed_people(court)
    seed_cases(court, users, n=160)
    made = seed_enforcement(court, users)
    assert made >= 5
    assert set(EnforcementTeam.objects.filter(court=court).values_list("stage", flat=True)) == {
        "filing", "search", "disposal", "closing"}
    assert set(EnforcementFile.objects.values_list("stage", flat=True)) == {
        "filing", "search", "disposal", "closing", "closed"}
    assert seed_enforcement(court, users) == 0  # a second `make demo` adds nothing
    head = Client()
    head.force_login(users["enforce_head"])
    r = head.get("/", follow=True)
    html = r.content.decode()
    assert r.redirect_chain[-1][0] == "/staff/enforcement/" and 'id="enf-waiting"' in html
    officer = Client()
    officer.force_login(users["enforcer"])
    r = officer.get("/", follow=True)
    assert r.redirect_chain[-1][0] == "/staff/enforcement/mine/" and 'id="stage-search"' in r.content.decode()
