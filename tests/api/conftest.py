"""公开接口与计算器页面的测试夹具。

- 根 URLconf 尚未挂载 ``/api/``、``/tools/`` 时，测试期间临时挂载（挂载后此夹具不起作用）。
- 除明确需要数据库的测试外，期间计算使用 chinese_calendar 包的日历，不访问数据库。
"""

import types

import pytest
from django.urls import Resolver404, include, path, resolve

from xiezhi.law.periods import ChineseCalendarPackage

_PACKAGE_CALENDAR = ChineseCalendarPackage()


@pytest.fixture(autouse=True)
def api_urls(settings):
    try:
        resolve("/api/v1/fees/litigation")
        resolve("/tools/fees/")
        return
    except Resolver404:
        pass
    import xiezhi.urls as root

    module = types.ModuleType("xiezhi_api_test_urls")
    module.urlpatterns = [
        *root.urlpatterns,
        path("api/", include("xiezhi.api.urls")),
        path("tools/", include("xiezhi.api.tool_urls")),
    ]
    settings.ROOT_URLCONF = module


@pytest.fixture(autouse=True)
def no_throttle_state():
    """匿名频率限制的计数存在缓存里，每个测试前清空。"""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def package_calendar(request, monkeypatch):
    """不访问数据库的测试改用 chinese_calendar 包；标了 django_db 的测试使用真实的数据库日历。"""
    if request.node.get_closest_marker("django_db"):
        return None
    from xiezhi.api import settings_source

    monkeypatch.setattr(settings_source, "get_calendar", lambda: _PACKAGE_CALENDAR)
    return _PACKAGE_CALENDAR
