"""The administrator's account form keeps the two kinds of account apart."""
import pytest

from xiezhi.accounts.admin import UserAdminForm

pytestmark = pytest.mark.django_db


def form(**over):
    data = {"username": "x1", "password": "!", "kind": "public", "roles": ["judge"], "date_joined": "2026-01-01 00:00"}
    data.update(over)
    return UserAdminForm(data=data)


def test_public_account_cannot_get_a_staff_role():
    f = form()
    assert not f.is_valid()
    assert "不能被授予法院工作人员角色" in str(f.errors)


def test_staff_account_needs_a_court(court):
    f = form(kind="staff")
    assert not f.is_valid() and "须指定所属法院" in str(f.errors)
    f = form(kind="staff", court=court.pk)
    assert f.is_valid(), f.errors


def test_admin_pages_open_for_the_system_administrator(court, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="Xiezhi@2026", kind="staff", court=court)
    client.force_login(admin)
    assert client.get("/admin/accounts/user/add/").status_code == 200
    assert client.get("/admin/courts/cause/?kind__exact=civil").status_code == 200
