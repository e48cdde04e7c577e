"""Build the shipped .docx templates (version 1) with python-docx.

Run once (the generated files are committed under templates_docx/):

    .venv/bin/python -m xiezhi.documents.build_templates

A clerk edits these files in Word or WPS; the placeholders are Jinja (docxtpl): {{ case_number }},
and paragraph loops {%p for p in parties %} … {%p endfor %}. The variables are listed in
xiezhi.documents.context (build_context).
The page layout is in layout.py, the notices in build_notices.py and the judge's documents in build_final.py. Each placeholder sits in one run, so Word does not split it.
"""
from pathlib import Path

from . import build_enforcement, build_final, build_notices

OUT = Path(__file__).with_name("templates_docx")
BUILDERS = {**build_notices.BUILDERS, **build_final.BUILDERS, **build_enforcement.BUILDERS}

def build(out: Path = OUT) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, fn in BUILDERS.items():
        path = out / f"{kind}.docx"
        doc = fn()
        doc.core_properties.author = "xiezhi"
        doc.core_properties.title = kind
        doc.save(path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in build():
        print(p)
