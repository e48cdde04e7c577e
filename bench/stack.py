"""Start and stop the `make serve` stack (scripts/serve.sh: nginx TLS → gunicorn) from Python, on
free ports and a given database: used by the HTTP load bench (bench.http_load) and the browser
test that logs in through nginx (tests/serve/test_stack_browser.py).

Also a tiny HTTPS client for loopback (self-signed certificate, cookies, CSRF token, a chosen
source address and X-Forwarded-For), so neither needs a third-party HTTP library."""
from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import ssl
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
SERVE_SCRIPT = REPO / "scripts" / "serve.sh"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    """postgres://… for a Django DATABASES entry (the test database's real name included)."""
    user = settings_dict.get("USER") or "postgres"
    pw = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}{pw}@{host}{port}/{settings_dict['NAME']}"


class Stack:
    """scripts/serve.sh with XIEZHI_DATABASE_URL / XIEZHI_REDIS_URL given (so it starts no
    services of its own), on free ports, with its state (certificate, secret, logs) in serve_dir."""

    def __init__(self, serve_dir: Path, database_url: str, redis_url: str, *, celery: bool = False,
                 gunicorn_workers: int | None = None, env: dict | None = None):
        self.serve_dir = Path(serve_dir)
        self.https_port = free_port()
        self.gunicorn_port = free_port()
        self.base_url = f"https://127.0.0.1:{self.https_port}"
        self.env = {**os.environ, "XIEZHI_SERVE_DIR": str(self.serve_dir), "XIEZHI_DATABASE_URL": database_url,
                    "XIEZHI_REDIS_URL": redis_url, "XIEZHI_HTTPS_PORT": str(self.https_port),
                    "XIEZHI_GUNICORN_PORT": str(self.gunicorn_port), "XIEZHI_SERVE_CELERY": "1" if celery else "0"}
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        if gunicorn_workers:
            self.env["XIEZHI_GUNICORN_WORKERS"] = str(gunicorn_workers)
        self.env.update(env or {})
        self.proc: subprocess.Popen | None = None
        self.log_path = self.serve_dir / "serve.log"

    def start(self, timeout: float = 120) -> "Stack":
        self.serve_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")
        # its own session: a Ctrl-C in the terminal reaches this process, which stops the stack
        self.proc = subprocess.Popen([str(SERVE_SCRIPT)], cwd=REPO, env=self.env, stdout=log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"scripts/serve.sh exited with {self.proc.returncode}:\n{self.log()}")
            if b"[serve] ready:" in self.log_path.read_bytes():
                try:
                    status = Client(self.base_url).get("/staff/login/").status
                except OSError:
                    status = None
                if status is not None:
                    return self
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the stack did not answer within {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path.exists() else ""

    def stop(self, timeout: float = 30) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # serve.sh stops nginx, gunicorn and Celery itself
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the session serve.sh leads, started above
            self.proc.wait(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def server_timing(self, metric: str = "db") -> float | None:
        """The duration (ms) of one metric of the Server-Timing header, if present."""
        m = re.search(rf"(?:^|,)\s*{metric};dur=([0-9.]+)", self.headers.get("Server-Timing", ""))
        return float(m.group(1)) if m else None


IDLE_RECONNECT_S = 50.0
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Client:
    """One browser-like session against the stack over one keep-alive TLS connection: keeps
    cookies, sends Origin/Referer on POST (Django checks them on https), optionally binds to a
    source address (127.0.0.2 …) or sends an X-Forwarded-For header of its own."""

    def __init__(self, base_url: str, *, source: str | None = None, forwarded_for: str | None = None,
                 timeout: float = 60):
        m = re.match(r"https://([^:/]+):(\d+)", base_url)
        self.host, self.port = m.group(1), int(m.group(2))
        self.base_url = base_url
        self.source, self.forwarded_for, self.timeout = source, forwarded_for, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPSConnection | None = None
        self.last_used = 0.0
        self._ctx = ssl.create_default_context()
        self._ctx.check_hostname = False
        self._ctx.verify_mode = ssl.CERT_NONE  # the stack's certificate is self-signed

    def _connection(self):
        # nginx closes a keep-alive connection idle for 65 s; a browser opens a new one before
        # sending on a connection that old, and so does this client (a POST is never resent)
        if self.conn is not None and time.monotonic() - self.last_used > IDLE_RECONNECT_S:
            self.close()
        if self.conn is None:
            self.conn = http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout, context=self._ctx,
                source_address=(self.source, 0) if self.source else None)
        return self.conn

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        headers = {"Accept-Language": "zh-CN,zh;q=0.9", "User-Agent": "xiezhi-bench"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        body = None
        if method == "POST":
            body = urlencode(data or {}, doseq=True).encode()
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": self.base_url,
                            "Referer": self.base_url + path})
        for attempt in (1, 2):  # a keep-alive connection the server closed meanwhile: reconnect once
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                payload = resp.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError, ssl.SSLEOFError):
                # closed by the server between requests: resend once on a new connection (only
                # GETs; a POST that may have reached the server is reported, not repeated)
                self.close()
                if attempt == 2 or method != "GET":
                    raise
        self.last_used = time.monotonic()
        for value in resp.headers.get_all("Set-Cookie") or []:
            c = SimpleCookie()
            c.load(value)
            for k, morsel in c.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(k, None)
                else:
                    self.cookies[k] = morsel.value
        if resp.headers.get("Connection", "").lower() == "close":
            self.close()
        return Response(resp.status, resp.headers, payload)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data)

    def csrf_token(self, page: Response | None = None) -> str:
        if page is not None:
            m = CSRF_INPUT.search(page.text)
            if m:
                return m.group(1)
        return self.cookies.get("csrftoken", "")

    def login(self, username: str, password: str, path: str = "/staff/login/") -> Response:
        page = self.get(path)
        return self.post(path, {"username": username, "password": password,
                                "csrfmiddlewaretoken": self.csrf_token(page)})
