"""Deny by default: every dossier URL declares who may reach it, and each role gets what it should."""
import pytest
from django.test import Client
from django.urls import URLPattern, get_resolver

from xiezhi.dossier.models import Page

pytestmark = pytest.mark.django_db


def test_every_dossier_url_declares_access():
    for p in get_resolver().url_patterns:
        if getattr(p, "namespace", None) == "dossier":
            for q in p.url_patterns:
                assert isinstance(q, URLPattern) and hasattr(q.callback, "access"), q.name


def test_role_matrix_for_the_reader(registered, make_staff, make_public):
    case = registered["case"]
    page = Page.objects.filter(entry__dossier__case=case).first()
    actors = {"anon": None, "litigant": make_public(), "judge": registered["judge"],
              "other_judge": make_staff(["judge"], "civil"), "president": make_staff(["president"], "management"),
              "trial_management": make_staff(["trial_management"], "management"),
              "clerk_not_on_case": make_staff(["clerk"], "civil")}
    readers = {"judge", "president", "trial_management"}
    for name, user in actors.items():
        c = Client()
        if user:
            c.force_login(user)
        resp = c.get(f"/staff/dossier/cases/{case.pk}/")
        if name in readers:
            assert resp.status_code == 200, name
        else:
            assert resp.status_code in (302, 403, 404), name
        note = c.post(f"/staff/dossier/pages/{page.pk}/note/", {"text": "x"})
        assert (note.status_code == 302 and "login" not in note["Location"]) == (name in readers), name
        up = c.post(f"/staff/dossier/cases/{case.pk}/archive/")
        if name not in ("judge", "trial_management"):
            assert up.status_code in (302, 403, 404)
            if up.status_code == 302:
                assert "login" in up["Location"]
    assert page.notes.count() == 3


def test_the_case_page_shows_the_dossier_panel(registered):
    c = Client()
    c.force_login(registered["judge"])
    html = c.get(f"/staff/cases/{registered['case'].pk}/panels/dossier/").content.decode()
    assert "电子卷宗" in html and "民事起诉状" in html and f"/staff/dossier/cases/{registered['case'].pk}/" in html
