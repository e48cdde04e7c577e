"""The video-conference service (an outside body): rooms for online mediation sessions now, online
hearings later (issue 13) — so nothing here is about mediation.

The protocol (`VideoAdapter`), HTTP JSON to settings.VIDEO_URL (env XIEZHI_VIDEO_URL):

    POST /rooms {"ref", "title", "starts_at": ISO 8601, "participants": [{"key", "name"}]}
         -> {"room_id", "links": {participant_key: url}}
         The same `ref` again (a retry, a double click) returns the same room and links.
    GET  /rooms/<room_id> -> {"room_id", "status": "scheduled"|"open"|"ended", "joined": [participant_key]}

`xiezhi.mediation.video_simulator` speaks it (a stdlib HTTP service that also serves the join page of
each link). settings.VIDEO_ADAPTER names another class (a dotted path) for a platform that speaks
something else. No Django import at module level, as linkage_adapters: the simulator may import this."""
from __future__ import annotations

import http.client
import json
from typing import Protocol
from urllib.parse import quote, urlsplit


class VideoUnavailable(Exception):
    """The video service is not configured, down, or answered nonsense: nothing was recorded."""


class VideoAdapter(Protocol):
    def create_room(self, ref: str, title: str, starts_at: str, participants: list[dict]) -> dict: ...

    def room_status(self, room_id: str) -> dict: ...


class HttpVideoAdapter:
    """HTTP JSON to one base URL (a new connection per call: rooms are made a few times a day)."""

    def __init__(self, base_url: str, timeout: float = 10):
        parts = urlsplit(base_url)
        self.host, self.port, self.prefix = parts.hostname, parts.port or 80, parts.path.rstrip("/")
        self.timeout = timeout

    def _call(self, method: str, path: str, body=None) -> dict:
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request(method, self.prefix + path, body=data,
                         headers={"Content-Type": "application/json; charset=utf-8"})
            resp = conn.getresponse()
            raw = resp.read()
        except (OSError, http.client.HTTPException) as exc:
            raise VideoUnavailable(str(exc)) from exc
        finally:
            conn.close()
        if resp.status != 200:
            raise VideoUnavailable(f"HTTP {resp.status}")
        try:
            got = json.loads(raw)
        except ValueError as exc:
            raise VideoUnavailable("bad JSON") from exc
        if not isinstance(got, dict):
            raise VideoUnavailable("bad JSON")
        return got

    def create_room(self, ref: str, title: str, starts_at: str, participants: list[dict]) -> dict:
        got = self._call("POST", "/rooms", {"ref": ref, "title": title, "starts_at": starts_at,
                                            "participants": participants})
        if not got.get("room_id") or not isinstance(got.get("links"), dict):
            raise VideoUnavailable("bad answer")
        return {"room_id": str(got["room_id"]), "links": {str(k): str(v) for k, v in got["links"].items()}}

    def room_status(self, room_id: str) -> dict:
        return self._call("GET", f"/rooms/{quote(room_id, safe='')}")


def get_adapter() -> VideoAdapter:
    """The configured adapter: VIDEO_ADAPTER (a dotted class path) or HTTP to VIDEO_URL."""
    from importlib import import_module

    from django.conf import settings

    if settings.VIDEO_ADAPTER:
        module, _, name = settings.VIDEO_ADAPTER.rpartition(".")
        return getattr(import_module(module), name)()
    if not settings.VIDEO_URL:
        raise VideoUnavailable("视频会议未配置（XIEZHI_VIDEO_URL）")
    return HttpVideoAdapter(settings.VIDEO_URL)
