"""The kiosk's hardware behind one adapter: an ID-card reader and a receipt printer.

The kiosk PC runs a small local "device bridge" speaking HTTP JSON (the real one wraps the reader's
and the printer's vendor SDKs; `device_simulator` speaks the same protocol for the demo and tests):

    POST /card/read            -> {"name": "...", "id_number": "..."}   (404 / {"error"}: no card)
    POST /print {"lines": [...]} -> {"job": n}

The server talks to the bridge (settings.KIOSK_DEVICE_URL), so the form is filled server-side and a
receipt is printed whatever the browser. A bridge that is down is a DeviceError with a Chinese
sentence: the kiosk then shows the number on screen instead of printing it."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings


class DeviceError(Exception):
    """The reader or printer cannot be used; str() is a sentence for the screen."""


class Devices(Protocol):
    def read_card(self) -> dict: ...  # {"name", "id_number"}

    def print_receipt(self, lines: list[str]) -> int: ...  # the job number


class HttpDevices:
    def __init__(self, base_url: str, timeout: float = 5):
        self.base_url, self.timeout = base_url.rstrip("/"), timeout

    def _post(self, path: str, body: dict, failure: str) -> dict:
        req = urllib.request.Request(f"{self.base_url}{path}", method="POST", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read() or b"{}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DeviceError(failure) from exc

    def read_card(self) -> dict:
        out = self._post("/card/read", {}, "未能读取身份证，请将身份证放在读卡区后重试，或手工输入。")
        if not out.get("id_number"):
            raise DeviceError("未检测到身份证，请将身份证放在读卡区后重试。")
        return {"name": str(out.get("name", "")), "id_number": str(out["id_number"])}

    def print_receipt(self, lines: list[str]) -> int:
        out = self._post("/print", {"lines": lines}, "打印机暂时无法使用，请记下屏幕上的号码。")
        return int(out.get("job", 0))


class NoDevices:
    """No bridge configured: nothing to read, nothing printed."""

    def read_card(self) -> dict:
        raise DeviceError("本终端未连接身份证阅读器，请手工输入。")

    def print_receipt(self, lines: list[str]) -> int:
        raise DeviceError("本终端未连接打印机，请记下屏幕上的号码。")


def devices() -> Devices:
    return HttpDevices(settings.KIOSK_DEVICE_URL) if settings.KIOSK_DEVICE_URL else NoDevices()
