"""Error pages keep the layout of the person who meets them (issue 9 §4): court staff keep their
menu on a 403, 404, 405 or 500, the public keep the portal's header; and a GET on an address that
takes only a form's POST answers with a page that says what to do, not a blank 405."""
import pytest
from django.test import Client, override_settings
from django.urls import path

from xiezhi.site.access import anyone

pytestmark = pytest.mark.django_db

STAFF_MENU = 'class="sidenav"'
PORTAL_BRAND = "诉讼服务网"


def _client(user=None, **extra):
    c = Client(raise_request_exception=False, **extra)
    if user is not None:
        c.force_login(user)
    return c


def test_staff_404_keeps_the_staff_menu(make_staff):
    judge = make_staff(["judge"])
    resp = _client(judge).get("/staff/cases/999999/")
    html = resp.content.decode()
    assert resp.status_code == 404
    assert STAFF_MENU in html and "我的工作台" in html and "案件查询" in html
    assert "页面不存在" in html and 'href="/staff/"' in html


def test_staff_403_keeps_the_staff_menu(make_staff):
    clerk = make_staff(["clerk"])
    resp = _client(clerk).get("/staff/audit/")
    html = resp.content.decode()
    assert resp.status_code == 403
    assert STAFF_MENU in html and "无权访问" in html and "返回我的工作台" in html
    assert "您的角色无权使用该功能。" in html  # the guard's reason


def test_public_404_and_403_keep_the_portal_layout(make_public, make_staff):
    litigant = make_public()
    resp = _client(litigant).get("/portal/cases/999999/")
    html = resp.content.decode()
    assert resp.status_code == 404 and STAFF_MENU not in html
    assert PORTAL_BRAND in html and "我的诉讼" in html and "返回首页" in html
    resp = _client(litigant).get("/staff/")  # a public account on a staff page
    assert resp.status_code == 403 and STAFF_MENU not in html and PORTAL_BRAND in resp.content.decode()
    anon = _client().get("/no-such-page/")
    assert anon.status_code == 404 and PORTAL_BRAND in anon.content.decode() and "登录" in anon.content.decode()


def test_get_on_a_post_only_address_answers_with_a_page(make_staff, court):
    judge = make_staff(["judge"])
    resp = _client(judge, HTTP_REFERER="http://testserver/staff/cases/").get("/staff/trial/cases/1/close/")
    html = resp.content.decode()
    assert resp.status_code == 405 and resp["Allow"] == "POST"
    assert "请从页面上的按钮办理" in html and STAFF_MENU in html
    assert 'href="http://testserver/staff/cases/"' in html  # back where the user came from
    # a Referer from elsewhere is never offered as the way back
    other = _client(judge, HTTP_REFERER="https://evil.example/").get("/staff/trial/cases/1/close/")
    assert "evil.example" not in other.content.decode() and 'href="/staff/"' in other.content.decode()


def test_get_on_logout_answers_with_a_portal_page(make_public):
    resp = _client(make_public()).get("/logout/")
    html = resp.content.decode()
    assert resp.status_code == 405 and "请从页面上的按钮办理" in html and PORTAL_BRAND in html
    assert STAFF_MENU not in html


def _boom(request):
    raise RuntimeError("boom")


def _urls():
    import xiezhi.urls

    return [path("boom/", anyone(_boom)), *xiezhi.urls.urlpatterns]


urlpatterns = _urls()
handler500 = "xiezhi.site.views.server_error"  # as xiezhi.urls declares it


@override_settings(ROOT_URLCONF=__name__)
def test_500_keeps_the_layout_and_never_fails_itself(make_staff, monkeypatch):
    import xiezhi.urls

    assert xiezhi.urls.handler500 == handler500
    judge = make_staff(["judge"])
    resp = _client(judge).get("/boom/")
    assert resp.status_code == 500
    html = resp.content.decode()
    assert "系统暂时出错" in html and STAFF_MENU in html
    # the layout itself failing (the database gone, say): the plain page, still Chinese
    from django.template import response as template_response

    def broken(self):
        raise RuntimeError("template down")

    monkeypatch.setattr(template_response.TemplateResponse, "render", broken)
    resp = _client(judge).get("/boom/")
    assert resp.status_code == 500 and "系统暂时出错" in resp.content.decode()
