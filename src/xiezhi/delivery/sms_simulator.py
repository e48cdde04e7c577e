"""A local SMS gateway for the demo and the tests: a real HTTP service on 127.0.0.1.

POST /send {"phone", "text"} → {"ok": true, "message_id"}; GET /status/<id> → {"status":
"DELIVRD"|"UNDELIV"|"PENDING", "at"}; GET /messages → every message (for tests).
Numbers ending in "0000" are reported undeliverable, like a switched-off phone.

    python -m xiezhi.delivery.sms_simulator --port 8025
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PHONE = re.compile(r"^1\d{10}$")


class Gateway:
    def __init__(self):
        self.messages: dict[str, dict] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def send(self, phone: str, text: str) -> dict:
        if not PHONE.match(phone or ""):
            return {"ok": False, "error": "号码格式错误"}
        with self._lock:
            mid = f"SIM{next(self._ids):08d}"
            ok = not phone.endswith("0000")
            self.messages[mid] = {"message_id": mid, "phone": phone, "text": text,
                                  "status": "DELIVRD" if ok else "UNDELIV",
                                  "error": "" if ok else "用户关机或停机",
                                  "at": datetime.now(timezone.utc).isoformat()}
        return {"ok": True, "message_id": mid}


def make_handler(gw: Gateway):
    class Handler(BaseHTTPRequestHandler):
        def _json(self, code: int, body) -> None:
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):  # noqa: N802
            if self.path != "/send":
                return self._json(404, {"error": "not found"})
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            self._json(200, gw.send(body.get("phone", ""), body.get("text", "")))

        def do_GET(self):  # noqa: N802
            if self.path == "/messages":
                return self._json(200, list(gw.messages.values()))
            if self.path.startswith("/status/"):
                m = gw.messages.get(self.path.rsplit("/", 1)[-1])
                if m is None:
                    return self._json(404, {"status": "UNKNOWN"})
                return self._json(200, {"status": m["status"], "at": m["at"], "error": m["error"]})
            return self._json(404, {"error": "not found"})

        def log_message(self, *args):
            pass

    return Handler


def start(host: str = "127.0.0.1", port: int = 0):
    """Start in a background thread; returns (server, gateway, base_url)."""
    gw = Gateway()
    server = ThreadingHTTPServer((host, port), make_handler(gw))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, gw, f"http://{host}:{server.server_address[1]}"


def main():
    ap = argparse.ArgumentParser(description="本地短信网关模拟器")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8025)
    a = ap.parse_args()
    server = ThreadingHTTPServer((a.host, a.port), make_handler(Gateway()))
    print(f"SMS gateway simulator on http://{a.host}:{a.port}")
    server.serve_forever()


if __name__ == "__main__":
    main()
