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
