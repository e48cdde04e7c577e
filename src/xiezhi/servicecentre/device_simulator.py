"""A local simulator of the kiosk's device bridge (devices.py) for the demo and the tests: a real
HTTP service on 127.0.0.1.

    POST /card/read             -> the card on the reader {"name", "id_number"} (404 when none)
    PUT  /card {"name", "id_number"} -> put a card on the reader (a test/demo hook; null removes it)
    POST /print {"lines": [...]} -> {"job": n}; stored
    GET  /jobs                  -> {"jobs": [{"job", "lines"}, ...]}
    POST /printer {"online": false} -> take the printer off line (a test hook: "the printer is down")

    python -m xiezhi.servicecentre.device_simulator --port 8027

Stdlib only."""
from __future__ import annotations

import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEMO_CARD = {"name": "马当事", "id_number": "410222199001010013"}


class Simulator:
    def __init__(self, card: dict | None = None):
        self.card = dict(card or DEMO_CARD)
        self.jobs: list[dict] = []
        self.printer_online = True
        self.lock = threading.Lock()


def make_handler(sim: Simulator):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet: tests and the demo console
            pass

        def _send(self, code: int, body: dict):
            data = json.dumps(body, ensure_ascii=False).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> dict:
            n = int(self.headers.get("Content-Length") or 0)
            try:
                out = json.loads(self.rfile.read(n) or b"{}")
            except ValueError:
                return {}
            return out if isinstance(out, dict) else {}

        def do_GET(self):
            if self.path == "/jobs":
                with sim.lock:
                    return self._send(200, {"jobs": list(sim.jobs)})
            self._send(404, {"error": "not found"})

        def do_PUT(self):
            if self.path == "/card":
                body = self._body()
                with sim.lock:
                    sim.card = {"name": str(body.get("name", "")), "id_number": str(body.get("id_number", ""))} \
                        if body.get("id_number") else None
                return self._send(200, {"card": sim.card})
            self._send(404, {"error": "not found"})

        def do_POST(self):
            body = self._body()
            with sim.lock:
                if self.path == "/card/read":
                    return self._send(200, sim.card) if sim.card else self._send(404, {"error": "no card"})
                if self.path == "/print":
                    if not sim.printer_online:
                        return self._send(503, {"error": "printer offline"})
                    lines = [str(x) for x in body.get("lines", [])][:50]
                    job = {"job": len(sim.jobs) + 1, "lines": lines}
                    sim.jobs.append(job)
                    return self._send(200, {"job": job["job"]})
                if self.path == "/printer":
                    sim.printer_online = bool(body.get("online", True))
                    return self._send(200, {"online": sim.printer_online})
            self._send(404, {"error": "not found"})

    return Handler


def start(host: str = "127.0.0.1", port: int = 0, **options):
    """Start in a background thread; returns (server, simulator, base_url)."""
    sim = Simulator(**options)
    server = ThreadingHTTPServer((host, port), make_handler(sim))
    server.daemon_threads = True
    server.block_on_close = False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, sim, f"http://{host}:{server.server_address[1]}"


def main():
    ap = argparse.ArgumentParser(description="自助服务终端设备模拟器（身份证阅读器、凭条打印机）")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8027)
    a = ap.parse_args()
    server = ThreadingHTTPServer((a.host, a.port), make_handler(Simulator()))
    server.daemon_threads = True
    print(f"kiosk device simulator on http://{a.host}:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
