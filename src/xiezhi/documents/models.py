"""诉讼文书."""
from django.db import models  # noqa: F401
