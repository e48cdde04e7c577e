"""A local simulator of the video-conference service for the demo and the tests: a real HTTP service
on 127.0.0.1 speaking the protocol of xiezhi.mediation.video (see there), plus the page behind each
participant's link:

    POST /rooms                 -> {"room_id", "links"}   (the same ref again: the same room)
    GET  /rooms/<room_id>       -> {"room_id", "status", "title", "starts_at", "joined"}
    GET  /join/<room_id>/<token> -> a small HTML page "you are in the room"; marks the participant joined

    python -m xiezhi.mediation.video_simulator --port 8027

Stdlib only; rooms live in memory (a restart forgets them, as a test double may)."""
from __future__ import annotations

import argparse
import hashlib
import html
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class Simulator:
    def __init__(self):
        self.rooms: dict[str, dict] = {}
        self.by_ref: dict[str, str] = {}
        self.lock = threading.Lock()
        self.base_url = ""

    def create(self, ref: str, title: str, starts_at: str, participants: list[dict]) -> dict:
        with self.lock:
            room_id = self.by_ref.get(ref)
            if room_id is None:
                room_id = "R" + hashlib.sha256(ref.encode()).hexdigest()[:12]
                self.by_ref[ref] = room_id
                self.rooms[room_id] = {"room_id": room_id, "title": title, "starts_at": starts_at,
                                       "participants": {}, "joined": []}
            room = self.rooms[room_id]
            for p in participants:  # a participant added later gets a link; known ones keep theirs
                key = str(p.get("key", ""))
                if key and key not in room["participants"]:
                    token = hashlib.sha256(f"{room_id}|{key}".encode()).hexdigest()[:16]
                    room["participants"][key] = {"name": str(p.get("name", "")), "token": token}
            links = {k: f"{self.base_url}/join/{room_id}/{v['token']}" for k, v in room["participants"].items()}
            return {"room_id": room_id, "links": links}

    def status(self, room_id: str) -> dict | None:
        with self.lock:
            room = self.rooms.get(room_id)
            if room is None:
                return None
            return {"room_id": room_id, "title": room["title"], "starts_at": room["starts_at"],
                    "status": "open" if room["joined"] else "scheduled", "joined": list(room["joined"])}

    def join(self, room_id: str, token: str) -> tuple[dict, str] | None:
        with self.lock:
            room = self.rooms.get(room_id)
            for key, p in (room or {}).get("participants", {}).items():
                if p["token"] == token:
                    if key not in room["joined"]:
                        room["joined"].append(key)
                    return room, p["name"]
        return None


def make_handler(sim: Simulator):
    class Handler(BaseHTTPRequestHandler):
        def _send(self, code: int, data: bytes, ctype: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _json(self, code: int, body) -> None:
            self._send(code, json.dumps(body, ensure_ascii=False).encode(), "application/json; charset=utf-8")

        def do_POST(self):  # noqa: N802
            if urlsplit(self.path).path.strip("/") != "rooms":
                return self._json(404, {"error": "not found"})
            try:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
            except ValueError:
                return self._json(400, {"error": "bad JSON"})
            ref = str(body.get("ref", ""))
            parts = body.get("participants")
            if not ref or not isinstance(parts, list):
                return self._json(400, {"error": "ref and participants required"})
            return self._json(200, sim.create(ref, str(body.get("title", "")), str(body.get("starts_at", "")),
                                              [p for p in parts if isinstance(p, dict)]))

        def do_GET(self):  # noqa: N802
            segs = urlsplit(self.path).path.strip("/").split("/")
            if len(segs) == 2 and segs[0] == "rooms":
                got = sim.status(segs[1])
                return self._json(200, got) if got else self._json(404, {"error": "no such room"})
            if len(segs) == 3 and segs[0] == "join":
                got = sim.join(segs[1], segs[2])
                if got is None:
                    return self._send(404, "会议链接无效".encode(), "text/plain; charset=utf-8")
                room, name = got
                page = (f"<!doctype html><meta charset=utf-8><title>{html.escape(room['title'])}</title>"
                        f"<h1>{html.escape(room['title'])}</h1><p>{html.escape(name)}，您已进入视频会议室 "
                        f"{html.escape(room['room_id'])}（模拟）。</p><p>开始时间：{html.escape(room['starts_at'])}</p>")
                return self._send(200, page.encode(), "text/html; charset=utf-8")
            return self._json(404, {"error": "not found"})

        def log_message(self, *args):
            pass

    return Handler


def start(host: str = "127.0.0.1", port: int = 0):
    """Start in a background thread; returns (server, base_url). The Simulator is server.simulator."""
    sim = Simulator()
    server = ThreadingHTTPServer((host, port), make_handler(sim))
    server.daemon_threads = True
    server.block_on_close = False
    server.simulator = sim
    sim.base_url = f"http://{host}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, sim.base_url


def main():
    ap = argparse.ArgumentParser(description="视频会议模拟器")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8027)
    a = ap.parse_args()
    sim = Simulator()
    server = ThreadingHTTPServer((a.host, a.port), make_handler(sim))
    server.daemon_threads = True
    sim.base_url = f"http://{a.host}:{server.server_address[1]}"
    print(f"video simulator on {sim.base_url}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
