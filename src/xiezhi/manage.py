"""The `xiezhi` console command: this project's Django management command."""
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:  # e.g. the production profile refusing unsafe settings
        sys.exit(f"xiezhi: {exc}")


if __name__ == "__main__":
    main()
