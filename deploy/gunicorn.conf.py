"""gunicorn settings for `make serve` (scripts/serve.sh): the WSGI server behind nginx.

Every value can be overridden from the environment, so the same file serves a developer's
machine, the browser test and the HTTP load bench."""
import multiprocessing
import os

wsgi_app = "xiezhi.wsgi:application"
# Loopback only: nginx is the one door from outside (TLS ends there).
bind = f"127.0.0.1:{os.environ.get('XIEZHI_GUNICORN_PORT', '8105')}"
# Sync workers: nginx buffers slow clients, so a worker is busy only while Django works.
workers = int(os.environ.get("XIEZHI_GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
timeout = int(os.environ.get("XIEZHI_GUNICORN_TIMEOUT", "60"))
graceful_timeout = 10
max_requests = 2000           # recycle a worker now and then (guards against slow leaks)
max_requests_jitter = 200
# Django decides the scheme and the client address from the proxy's headers, and only when
# the proxy is listed in XIEZHI_TRUSTED_PROXIES (xiezhi.site.proxy). gunicorn's own
# handling (it trusts 127.0.0.1 by default) would be a second, differently configured judge.
forwarded_allow_ips = ""
# gunicorn ≥ 23 opens a control socket in ~/.gunicorn by default; two stacks on one machine
# (a developer's `make serve` and the browser test) would fight over it.
control_socket_disable = True
accesslog = os.environ.get("XIEZHI_GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("XIEZHI_GUNICORN_LOG_LEVEL", "warning")
