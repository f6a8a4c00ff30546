"""Read a notice — a file (.txt, .md, .docx, .pdf, a photo or scan) or pasted text — into
the parsed notice, in a separate process with limits.

Files come from admins (`/push` uploads, `bot.py import`) and may be anything: a 2 KB
.docx whose table claims ten million columns, a zip of spaces that inflates to gigabytes,
a damaged PDF, a text built to make a regular expression backtrack. Such input can make a
library or the parser spend gigabytes or minutes while holding the interpreter lock, so it
is never read in the bot's process (a thread would still freeze the bot). Each reading runs
in a fresh interpreter (`python -m knowledge.reading`) that

- gets a clean environment (no token, no database password) and the job on stdin;
- limits itself before it touches the file: address space (MEMORY_BYTES, for Tesseract
  too), CPU time, size of files it may write; knowledge/formats.py adds the limits a file's
  structure could get round (zip parts, table cells, pages, text size);
- answers with one JSON object on stdout: the parsed notice, an error key with its values,
  or "this PDF needs OCR", which is then done by a second worker with a budget per page.

The caller waits for it in a thread (`await parse_file_async(...)`), so the event loop goes
on answering, and kills its process group when the wall-clock limit passes. Every failure
becomes a `ParseError` that names the admin's file, never a temporary one.
"""
from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from knowledge.parser import ParseError

log = logging.getLogger("loa.reading")

ROOT = Path(__file__).resolve().parent.parent
READ_SECONDS = 5.0              # one file, process start included (a real notice: 0.3–0.6 s)
OCR_SECONDS = 6.0               # an OCR worker's start, plus …
OCR_SECONDS_PER_PAGE = 5.0      # … this per page (one page: ~1.5 s on one core)
MEMORY_BYTES = 512 * 2**20      # address space of the worker, and of each Tesseract it starts
WRITE_BYTES = 64 * 2**20        # Tesseract's temporary images


class FileParseError(ParseError):
    """A ParseError from reading a file whose own text does not name the file (a notice
    without any text, say): the message is prefixed with the admin's file name."""

    def __init__(self, name: str, inner: ParseError):
        self.name, self.inner = name, inner
        super().__init__(inner.key.removeprefix("parse."), **inner.values)

    def message(self, lang: str) -> str:
        from texts import t
        return t(lang, "parse.in_file", name=self.name, error=self.inner.message(lang))


# --- Public API ----------------------------------------------------------------------------

def parse_file(path, *, name: str | None = None, today: date | None = None) -> dict:
    """The parsed notice of the file at `path`; `name` is what the admin called it (an
    upload is stored under a temporary name), used in every message."""
    path = os.path.abspath(os.fspath(path))
    name = name or os.path.basename(path)
    from knowledge.formats import IMAGE_EXTENSIONS, extension

    job = {"mode": "file", "path": path, "name": name, "today": today.isoformat() if today else None}
    if extension(name) in IMAGE_EXTENSIONS:
        job["mode"] = "ocr"
        answer = _run(job, OCR_SECONDS + OCR_SECONDS_PER_PAGE, name, ocr_pages=1)
    else:
        answer = _run(job, READ_SECONDS, name)
        if "needs_ocr" in answer:                   # a scanned PDF
            pages = int(answer["needs_ocr"])
            job["mode"] = "ocr"
            answer = _run(job, OCR_SECONDS + OCR_SECONDS_PER_PAGE * max(1, pages), name, ocr_pages=max(1, pages))
    return _result(answer, name)


def parse_text_isolated(text: str, *, today: date | None = None) -> dict:
    """`knowledge.parser.parse_text` of pasted text (`/push <text>`), in a worker."""
    if not isinstance(text, str):
        raise ParseError("not_text")
    job = {"mode": "text", "text": text, "today": today.isoformat() if today else None}
    return _result(_run(job, READ_SECONDS, None), None)


async def parse_file_async(path, *, name: str | None = None, today: date | None = None) -> dict:
    """parse_file for the bot: the event loop goes on while the worker reads."""
    return await asyncio.to_thread(parse_file, path, name=name, today=today)


async def parse_text_async(text: str, *, today: date | None = None) -> dict:
    return await asyncio.to_thread(parse_text_isolated, text, today=today)


# --- The caller's side ---------------------------------------------------------------------

def _run(job: dict, seconds: float, name: str | None, ocr_pages: int | None = None) -> dict:
    """Start a worker, give it the job, wait at most `seconds`; its answer as a dict. A worker
    doing OCR (`ocr_pages` pages) that runs out of time was slow on honest pages, not fooled
    by a file's structure: the admin is told so, and to send fewer pages or the text."""
    from knowledge.ocr import ocr_environment

    env = {"PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"), "LANG": "C.UTF-8",
           "PYTHONDONTWRITEBYTECODE": "1", **ocr_environment()}
    for keep in ("HOME", "TMPDIR"):                  # user site-packages, temporary files
        if os.environ.get(keep):
            env[keep] = os.environ[keep]
    command = [sys.executable, "-X", "utf8", "-m", "knowledge.reading", str(seconds), str(MEMORY_BYTES)]
    label = name or "text"
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(json.dumps(job).encode("utf-8"), timeout=seconds)
    except subprocess.TimeoutExpired:
        _kill_group(process)
        process.communicate()
        log.info("reading_timeout file=%r seconds=%s", label, seconds)
        raise _named(_too_slow(seconds, ocr_pages), name) from None
    except BaseException:
        _kill_group(process)
        process.communicate()
        raise
    if process.returncode != 0:
        _kill_group(process)             # a Tesseract left behind
    try:
        answer = json.loads(out.decode("utf-8"))
        if not isinstance(answer, dict):
            raise ValueError(answer)
        return answer
    except ValueError:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        log.info("reading_failed file=%r code=%s error=%r", label, process.returncode, tail[0][:300])
        if "MemoryError" in tail[0]:
            raise _named(ParseError("too_much_memory", limit=MEMORY_BYTES // 2**20), name) from None
        if process.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
            raise _named(_too_slow(seconds, ocr_pages), name) from None
        raise _named(ParseError("unreadable"), name) from None


def _too_slow(seconds: float, ocr_pages: int | None) -> ParseError:
    if ocr_pages:
        return ParseError("ocr_too_slow", seconds=f"{seconds:g}", pages=ocr_pages)
    return ParseError("too_slow", seconds=f"{seconds:g}")


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _result(answer: dict, name: str | None) -> dict:
    if "ok" in answer:
        return answer["ok"]
    values = answer.get("values") or {}
    error = ParseError(str(answer.get("error", "parse.unreadable")).removeprefix("parse."), **values)
    raise _named(error, name)


def _named(error: ParseError, name: str | None) -> ParseError:
    if name is None or "name" in error.values:
        return error
    return FileParseError(name, error)


# --- The worker's side ---------------------------------------------------------------------

def _limit_self(seconds: float, memory: int) -> None:
    import resource

    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (WRITE_BYTES, WRITE_BYTES))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _do(job: dict) -> dict:
    from knowledge import formats, ocr
    from knowledge.parser import parse_text

    today = date.fromisoformat(job["today"]) if job.get("today") else None
    if job["mode"] == "text":
        return parse_text(job["text"], today=today)
    name = job["name"]
    data = formats.read_regular_file(job["path"], name)
    ext = formats.extension(name)
    if ext not in formats.EXTENSIONS:
        raise ParseError("file_type", name=name, ext=ext or "?")
    if job["mode"] == "ocr":
        text = ocr.pdf_scan_text(data, name) if ext == ".pdf" else ocr.image_text(data, name)
    else:
        text = formats.file_text(data, name)
    del data
    return parse_text(text, source_name=name, today=today)


def _worker(argv: list[str]) -> int:
    seconds, memory = float(argv[0]), int(argv[1])
    _limit_self(seconds, memory)
    import warnings
    warnings.simplefilter("ignore")
    from knowledge.formats import NeedsOcr

    job = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        answer = {"ok": _do(job)}
    except NeedsOcr as e:
        answer = {"needs_ocr": e.pages}
    except ParseError as e:
        answer = {"error": e.key, "values": e.values}
    except MemoryError:
        answer = {"error": "parse.too_much_memory", "values": {"limit": memory // 2**20}}
    except RecursionError:
        answer = {"error": "parse.too_complex", "values": {}}
    except Exception as e:   # a library bug on a strange file: say so, keep the detail in the log
        print(f"{type(e).__name__}: {e}"[:500], file=sys.stderr)
        answer = {"error": "parse.unreadable", "values": {}}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_worker(sys.argv[1:]))
