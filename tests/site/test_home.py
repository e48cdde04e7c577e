"""The public home tells a litigant where the court is, when it is open, whom to call and how to
check a document (issue 9 §4); both layouts carry the platform's own favicon, served locally."""
import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_public_home_shows_the_court_and_the_way_to_verify_a_document(client, settings):
    settings.COURT_NAME, settings.COURT_ADDRESS = "河南省通许县人民法院", "通许县咸宁路 1 号"
    settings.COURT_HOURS, settings.COURT_HOTLINE = "周一至周五 8:30—17:30", "0371-12345678"
    html = client.get("/").content.decode()
    for text in ("河南省通许县人民法院", "通许县咸宁路 1 号", "周一至周五 8:30—17:30", "0371-12345678",
                 'href="tel:0371-12345678"'):
        assert text in html, text
    assert 'href="/documents/verify/"' in html and "文书核验" in html


def test_both_layouts_link_the_local_favicon(client, make_staff):
    assert finders.find("xiezhi/favicon.svg")  # shipped with the platform, no outside address
    public = client.get("/").content.decode()
    staff = Client()
    staff.force_login(make_staff(["judge"]))
    workbench = staff.get("/staff/").content.decode()
    for html in (public, workbench):
        assert '<link rel="icon" href="/static/xiezhi/favicon.svg" type="image/svg+xml">' in html
    assert 'class="sidenav"' in workbench and 'class="sidenav"' not in public
