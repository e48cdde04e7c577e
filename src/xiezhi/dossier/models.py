"""电子卷宗."""
from django.db import models  # noqa: F401
