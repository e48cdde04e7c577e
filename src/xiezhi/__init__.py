"""獬豸 xiezhi — 基层人民法院一体化办案与诉讼服务平台."""
from .celery import app as celery_app

__all__ = ["celery_app"]
