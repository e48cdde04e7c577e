"""The reference tables are editable in the admin (design.md principle 3)."""
import pytest
from django.contrib import admin
from django.urls import reverse

from xiezhi.courts import refdata
from xiezhi.courts.models import CalendarDay, CaseType, Cause, Court, Courtroom, Division, Procedure, ProvinceSetting

pytestmark = pytest.mark.django_db

MODELS = [Court, Division, Courtroom, CaseType, Cause, Procedure, CalendarDay, ProvinceSetting]


@pytest.fixture
def admin_client_(client, django_user_model):
    user = django_user_model.objects.create_superuser("refadmin", password=None, kind="staff")  # unusable: no hashing cost
    client.force_login(user)
    return client


def test_every_courts_model_is_registered():
    for model in MODELS:
        assert admin.site.is_registered(model), model


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelists_render(admin_client_, model):
    refdata.load_courts()
    refdata.load_causes()
    refdata.divisions_for_basic_court(Court.objects.get(case_code="豫0222"))
    url = reverse(f"admin:courts_{model._meta.model_name}_changelist")
    assert admin_client_.get(url).status_code == 200
    assert admin_client_.get(url, {"q": "通许"}).status_code == 200


# 31 provinces + 兵 (XPCC) + 军 (PLA); 1 + 33 + 403 + 3,089 = 3,526
@pytest.mark.parametrize("level,count", [("supreme", 1), ("high", 33), ("intermediate", 403), ("basic", 3089)])
def test_court_level_filter(admin_client_, level, count):
    refdata.load_courts()
    url = reverse("admin:courts_court_changelist")
    response = admin_client_.get(url, {"level": level})
    assert response.status_code == 200
    assert response.context["cl"].result_count == count
    expected = {"basic": "豫0222", "intermediate": "豫02", "high": "豫", "supreme": "最高法"}
    shown = set(response.context["cl"].queryset.values_list("case_code", flat=True))
    for lvl, case_code in expected.items():
        assert (case_code in shown) == (lvl == level)


def test_cause_filters(admin_client_):
    refdata.load_causes()
    url = reverse("admin:courts_cause_changelist")
    response = admin_client_.get(url, {"kind__exact": "civil", "version": "2025", "level": "1"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 12


# ---- 地址与电话: what the court's notices print at their foot and the public site shows (issue 10 §2)

def test_the_admin_edits_a_courts_address_and_telephone_under_their_own_heading(admin_client_, court):
    url = reverse("admin:courts_court_change", args=[court.pk])
    page = admin_client_.get(url).content.decode()
    assert "地址与电话" in page and 'name="address"' in page and 'name="phone"' in page
    form = admin_client_.get(url).context["adminform"].form
    data = {k: ("" if v is None else v) for k, v in form.initial.items()}
    data.update({"parent": court.parent_id, "address": "河南省开封市通许县咸宁路 88 号", "phone": "0371-24961234",
                 "valid_from": court.valid_from.isoformat() if court.valid_from else "", "active": "on"})
    for prefix in ("divisions", "courtrooms"):
        for k in ("TOTAL_FORMS", "INITIAL_FORMS"):
            data[f"{prefix}-{k}"] = "0"
    resp = admin_client_.post(url, data)
    assert resp.status_code == 302, resp.content.decode()[:2000]
    court.refresh_from_db()
    assert (court.address, court.phone) == ("河南省开封市通许县咸宁路 88 号", "0371-24961234")


@pytest.fixture
def sysadmin(make_staff):
    return make_staff(["sysadmin"], "management")


def _client(user):
    from django.test import Client

    c = Client()
    c.force_login(user)
    return c


def test_the_courts_system_administrator_keeps_the_address_and_telephone(sysadmin, court):
    from xiezhi.audit.models import AuditEntry

    c = _client(sysadmin)
    page = c.get("/staff/court/contact/")
    assert page.status_code == 200 and "地址与电话" in page.content.decode()
    assert 'href="/staff/court/contact/"' in page.content.decode()  # in the side menu
    r = c.post("/staff/court/contact/", {"address": "河南省开封市通许县咸宁路 88 号", "phone": "0371-24961234"})
    assert r.status_code == 302
    court.refresh_from_db()
    assert (court.address, court.phone) == ("河南省开封市通许县咸宁路 88 号", "0371-24961234")
    assert AuditEntry.objects.filter(user=sysadmin, action="change", detail__contains="0371-24961234").exists()


def test_a_bad_telephone_is_refused_with_a_sentence_and_nothing_changes(sysadmin, court):
    r = _client(sysadmin).post("/staff/court/contact/", {"address": "通许县", "phone": "call <script>"})
    assert r.status_code == 400 and "联系电话只能包含数字" in r.content.decode()
    court.refresh_from_db()
    assert court.phone == "" and court.address == ""


@pytest.mark.parametrize("roles", [["judge"], ["president"], ["clerk"]])
def test_other_staff_cannot_change_the_courts_address(make_staff, court, roles):
    user = make_staff(roles)
    c = _client(user)
    assert c.get("/staff/court/contact/").status_code == 403
    assert c.post("/staff/court/contact/", {"address": "x", "phone": "1"}).status_code == 403
    court.refresh_from_db()
    assert court.address == "" and 'href="/staff/court/contact/"' not in c.get("/staff/").content.decode()


def test_the_service_refuses_another_courts_administrator(make_staff, court):
    from django.core.exceptions import PermissionDenied

    from xiezhi.courts import services

    other = make_staff(["sysadmin"], "management", court_=Court.objects.get(case_code="豫0203"))
    with pytest.raises(PermissionDenied):
        services.update_contact(other, court, address="x", phone="0371-1")


def test_the_public_home_page_and_footer_show_the_courts_address_and_telephone(client, sysadmin, court, settings):
    settings.COURT_NAME, settings.COURT_CASE_CODE = "河南省通许县人民法院", ""
    _client(sysadmin).post("/staff/court/contact/", {"address": "通许县咸宁路 88 号", "phone": "0371-24961234"})
    html = client.get("/").content.decode()
    footer = html.split('<footer class="footer">', 1)[1]
    for text in ("河南省通许县人民法院", "通许县咸宁路 88 号", "0371-24961234", 'href="tel:0371-24961234"'):
        assert text in footer, text
    home = html.split('class="panel court-info"', 1)[1].split("</section>", 1)[0]
    assert "通许县咸宁路 88 号" in home and "0371-24961234" in home
    # the footer of every public page, not only the home page
    assert "0371-24961234" in client.get("/login/").content.decode()
    # a deployment naming its court by 法院代字
    settings.COURT_CASE_CODE, settings.COURT_NAME = "豫0222", "某某法院"
    assert "通许县咸宁路 88 号" in client.get("/").content.decode()
