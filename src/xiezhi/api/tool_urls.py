"""公开计算器页面路由，挂在 ``/tools/`` 下（命名空间 ``tools``）。"""

from django.urls import path

from . import tool_views

app_name = "tools"

urlpatterns = [
    path("fees/", tool_views.fees_page, name="fees"),
    path("periods/", tool_views.periods_page, name="periods"),
    path("time-limits/", tool_views.time_limits_page, name="time_limits"),
    path("enforcement/", tool_views.enforcement_page, name="enforcement"),
]
