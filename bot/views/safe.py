"""Text that is safe to send and to open: no invisible or direction-changing characters, long
HTML cut into messages without breaking a tag or an entity, CSV cells a spreadsheet will not
run as formulas.

Notices, group titles and file names are written by anyone; these are the last steps before
what they wrote reaches someone's screen (bot/outgoing.py applies `clean_text` to every Bot
API call).
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
import unicodedata

TELEGRAM_TEXT_LIMIT = 4096
KEEP = {"\u200c", "\u200d", "\n", "\t"}   # joiners (emoji, some scripts), line breaks, tabs


# --- invisible characters ------------------------------------------------------------------

_INVISIBLE = ("Cf", "Cc")


def _invisible(c: str) -> bool:
    """A format (Cf) or control (Cc) character but those in KEEP: bidirectional overrides
    and isolates (U+202E turns "gpj.exe" into "exe.jpg"), zero-width spaces, byte-order
    marks, soft hyphens, tag characters, control codes."""
    return unicodedata.category(c) in _INVISIBLE and c not in KEEP


def clean_text(text: str) -> str:
    """`text` without invisible and direction-changing characters. Only the distinct
    characters of the text are looked up (a few dozen, microseconds): a pattern of every
    such character in Unicode took 10-20 ms to make, paid by every command-line reply."""
    if text.isascii() and text.isprintable():
        return text
    bad = [c for c in set(text) if _invisible(c)]
    return text.translate(dict.fromkeys(map(ord, bad))) if bad else text


# --- splitting HTML ------------------------------------------------------------------------

_TOKEN = re.compile(r"<(/?)([a-zA-Z-]+)[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def split_html(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Cut Telegram HTML into messages of at most `limit` characters: at a blank line if one
    fits, else at a line break, a space, or any character — never inside a tag or an
    entity (`&am|p;` is refused by Telegram). Tags open at a cut are closed at the end of
    one message and opened again at the start of the next."""
    tokens = _Tokens(text)
    pieces: list[str] = []
    start, opened = 0, []                  # opened: (name, tag text) still open at `start`
    while len(text) - start + sum(len(tag) for _, tag in opened) > limit:
        prefix = "".join(tag for _, tag in opened)
        room = limit - len(prefix) - sum(len(name) + 3 for name, _ in opened)
        while True:                        # tags opened in the piece need closing too
            cut = tokens.cut(start, max(room, 1))
            stack = tokens.open_tags(start, cut, opened)
            closers = "".join(f"</{name}>" for name, _ in reversed(stack))
            piece = prefix + text[start:cut].rstrip("\n") + closers
            if len(piece) <= limit or room <= 1:
                break
            room -= len(piece) - limit
        pieces.append(piece)
        start, opened = cut, stack
        while start < len(text) and text[start] == "\n":
            start += 1
    rest = text[start:]
    if rest.strip():
        pieces.append("".join(tag for _, tag in opened) + rest)
    return [p for p in pieces if p.strip()] or [""]


class _Tokens:
    """The tags and entities of a text, to cut it between them."""

    def __init__(self, text: str):
        self.text = text
        self.spans = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _TOKEN.finditer(text)]
        self.starts = [s for s, *_ in self.spans]

    def inside(self, pos: int) -> tuple[int, int] | None:
        """The (start, end) of the tag or entity that `pos` would cut, if any."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] < pos < self.spans[i][1]:
            return self.spans[i][:2]
        return None

    def cut(self, start: int, room: int) -> int:
        """The best place to cut after `start`, at most `room` characters on."""
        end = min(start + room, len(self.text))
        for sep, after in (("\n\n", 0), ("\n", 0), (" ", 1)):
            at = self.text.rfind(sep, start + 1, end + (len(sep) if not after else 0))
            while at > start and self.inside(at + after):
                at = self.text.rfind(sep, start + 1, at)
            if at > start:
                return at + after
        straddled = self.inside(end)
        if straddled is None:
            return end
        return straddled[0] if straddled[0] > start else straddled[1]   # a tag longer than room

    def open_tags(self, start: int, cut: int, opened: list) -> list:
        stack = list(opened)
        for s, e, closing, name in self.spans[bisect_left(self.starts, start):bisect_left(self.starts, cut)]:
            if not name:
                continue
            if closing:
                if stack and stack[-1][0] == name:
                    stack.pop()
            else:
                stack.append((name, self.text[s:e]))
        return stack


# --- spreadsheets --------------------------------------------------------------------------

_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def spreadsheet_cell(value):
    """A CSV value that Excel or LibreOffice shows as text instead of running it: one that
    begins with = + - @ (or a tab or carriage return) gets a leading apostrophe, unless it
    is a plain number such as a group's id -100123."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") \
            and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """csv.writer whose rows pass through `spreadsheet_cell`."""

    def __init__(self, out, **kwargs):
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([spreadsheet_cell(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
