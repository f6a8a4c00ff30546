"""The parser's bounds (issues 8 and 10): linear time on adversarial texts (tests/linear_time.py), and
every real document of `../shared/real-notices/` parsed without a traceback, each within 2 s
and the whole run within 300 MB (measured in a child process)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.linear_time import MAX_RATIO, growth

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT.parent / "shared" / "real-notices"

ADVERSARIAL = {
    # a long capitalised word without spaces before "1. …" once made the place-and-date
    # expression quadratic (20 KB: 10 s, 120 KB: 242 s)
    "capitalised word": lambda n: "Đ" * (n // 2 - 40) + " 1. Các địa phương thực hiện.",
    "one-letter lines": lambda n: "a\n" * (n // 2),
    "bullets": lambda n: "- x\n" * (n // 4),
    "date words": lambda n: "ngày " * (n // 6),
    "digits and dots": lambda n: "1.1 a " * (n // 6),
    "addressees": lambda n: "Kính gửi: " + "- A;\n" * (n // 5),
    "recurring words": lambda n: "hằng tháng " * (n // 14),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_texts_parse_in_linear_time(name):
    ratio = growth(ADVERSARIAL[name])
    assert ratio < MAX_RATIO, f"{name}: 4x the text took {ratio:.1f}x the time"


_RUN_ALL = """
import json, resource, sys, time, traceback
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from knowledge.formats import file_text
from knowledge.parser import ParseError, parse_text
slowest, failures, refused = 0.0, [], []
for path in sorted(Path(sys.argv[2]).glob("*.md")):
    started = time.process_time()        # CPU time: the parse's own, not the machine's load
    try:
        parse_text(file_text(path.read_bytes(), path.name), source_name=path.name)   # in process: the parse itself
    except ParseError as e:
        refused.append(path.name)
    except Exception:
        failures.append(path.name + ": " + traceback.format_exc(limit=3))
    slowest = max(slowest, time.process_time() - started)
def peak_mb():
    # VmHWM belongs to this process's own memory (ru_maxrss keeps the forking parent's peak)
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"slowest": slowest, "failures": failures, "refused": refused, "peak_mb": peak_mb()}))
"""


@pytest.mark.skipif(not NOTICES.is_dir(), reason=f"no folder {NOTICES}")
def test_every_real_notice_parses_quickly_in_bounded_memory():
    out = subprocess.run([sys.executable, "-c", _RUN_ALL, str(ROOT), str(NOTICES)],
                         capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["failures"] == []
    assert result["refused"] == []
    assert result["slowest"] < 2.0
    assert result["peak_mb"] < 300
