from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The embedded demo court: seed data and the `xiezhi demo` command."""

    name = "xiezhi.demo"
    label = "demo"
    verbose_name = "演示"
