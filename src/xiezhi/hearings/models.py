"""庭审排期."""
from django.db import models  # noqa: F401
