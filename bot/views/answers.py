"""Answers as Telegram HTML, sized for a phone.

An answer leads with the sentence(s) of the directive that answer the question, then the
deadline and where it stands ("đã qua", "còn 3 ngày"), then one line of source (kind and
number, short issuer, date, item). The whole item sits behind a "Toàn văn" button
(`render_item`); other items are offered as "Xem thêm" buttons named by their topic
(`topic_of`). A notice whose deadlines have all passed, or older than NOTICE_MAX_AGE_DAYS,
says so. When the search is not confident: an honest "not found", with suggestions only
when they are plausibly related; when the question names what no notice mentions ("Nghệ
An", "Công điện 217"): "no notice about X". Small talk gets a short friendly reply.

The item text stays in Vietnamese (it is the directive's own wording); the words around it
follow the reader's language, and English readers also get the item's English summary.
"""
from __future__ import annotations

import html
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from knowledge.deadlines import current_occurrences, has_passed, shown_kind
from knowledge.records import shortened
from knowledge.search import Answer, Hit, ItemRecord, load_records
from texts import t

TELEGRAM_LIMIT = 4096
LEAD_BUDGET = 320           # characters of directive text leading an answer (a longer sentence is shown whole)
LABEL_BUDGET = 600          # characters of what follows a label ("như sau:") shown with it
FULL_LIST_BUDGET = 3000     # characters of a lead-in's list in its whole text (the "Toàn văn" button; _fit bounds the message)
LEAD_IN_BUDGET = 160        # characters of the lead-in heading a quoted point completes
SHORT_LABEL = 60            # a label this short ("Hạn nộp báo cáo:") gets its item's heading above it
SUMMARY_BUDGET = 200        # characters of the English summary
SUGGESTION_BUDGET = 110     # characters of each suggestion
SUGGEST_MIN = 0.2           # a not-found reply lists only items at least this likely
TOPIC_LENGTH = 40           # characters of a button's topic
NOTICE_MAX_AGE_DAYS = 365   # default of the setting of the same name
SHOWN_DEADLINES = 2
QUOTED_DEADLINES = 4        # deadlines of the quoted sentences shown before "… và N hạn khác"
DEFAULT_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
_SHORT_ISSUER = (("Ủy ban nhân dân", "UBND"), ("Uỷ ban nhân dân", "UBND"), ("Hội đồng nhân dân", "HĐND"),
                 ("Ban Chỉ đạo", "BCĐ"), ("Văn phòng", "VP"), ("Thành phố", "TP"))
_ENUMERATOR = re.compile(r"^\s*(?:[-–•+*]|\(?[0-9ivxIVX]{1,4}[.)]|\(?[a-zđ][.)])\s*")


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def render_answer(answer: Answer, lang: str, today: date | None = None,
                  max_age_days: int = NOTICE_MAX_AGE_DAYS, *, now: datetime | None = None,
                  zone: ZoneInfo | None = None) -> str:
    """`now` (aware) says whether a deadline of today has passed; a `today` alone stands for
    its first minute."""
    if answer.smalltalk:
        return t(lang, f"smalltalk.{answer.smalltalk}")
    if answer.live:
        return t(lang, "answer.live", value=esc(answer.live))
    if answer.missing:
        return t(lang, "answer.missing", names=esc(", ".join(answer.missing))) + "\n" + t(lang, "answer.rephrase")
    if answer.fact and not answer.answered and answer.hits:      # the notice's header does not give it
        return "\n".join((t(lang, f"fact_unknown.{answer.fact}"),
                          t(lang, "answer.source", source=esc(source_text(answer.hits[0].record, lang)))))
    if not answer.answered:
        return _render_not_found(plausible(answer), lang)
    best = answer.hits[0]
    if answer.fact:
        return "\n".join((t(lang, f"fact.{answer.fact}", value=esc(best.text)),
                          t(lang, "answer.source", source=esc(source_text(best.record, lang)))))
    zone = zone or DEFAULT_ZONE
    now = _now(zone, today, now)
    today = now.date()
    quoted = lead(best)
    parts = ["💡 " + quoted]
    if lang == "en" and best.record and best.record.summary_en:
        parts.append(t(lang, "answer.summary", summary=esc(_cut(best.record.summary_en, SUMMARY_BUDGET, lang))))
    if best.deadlines:
        parts.append(_deadlines(best.record, lang, now, zone, quoted=html.unescape(quoted)))
    parts.append(t(lang, "answer.source", source=esc(source_text(best.record, lang))))
    if answer.nationwide:
        parts.append(t(lang, "answer.nationwide", names=esc(", ".join(answer.nationwide))))
    if answer.older is not None and answer.older.record is not None:
        parts.append(t(lang, "answer.older", source=esc(source_text(answer.older.record, lang))))
    age = _age_note(best, lang, today, max_age_days)
    if age:
        parts.append(age)
    return _fit("\n".join(parts))


def plausible(answer: Answer) -> list[Hit]:
    """The hits of an unanswered question worth suggesting: likely enough to be related."""
    return [h for h in answer.hits if h.score >= SUGGEST_MIN]


def lead(hit: Hit) -> str:
    """The best sentence in bold, whole (never shortened inside a sentence), with the next
    best that also speaks to the question when both fit in LEAD_BUDGET characters, in the
    item's order (HTML). A label ("Hạn nộp báo cáo:", "… như sau:") comes with what follows
    it, under the item's nearest heading when the label alone does not say what it is for."""
    from knowledge.quotes import whole_sentence

    ranked = list(hit.sentences) or [hit.sentence or hit.text]
    best = whole_sentence(hit.text, ranked[0])
    lead_in = _under_lead_in(hit)
    return lead_in + _quoted(hit, ranked, best, headed=bool(lead_in))


def _under_lead_in(hit: Hit) -> str:
    """The heading a point completes, when it is a lead-in ("d) Giao Ban Quản lý các khu chế xuất
    và công nghiệp Cần Thơ chỉ đạo … có trách nhiệm:" over "- Đối với các khu chế xuất …"): without
    it the quote says what to do and not who must (QA15). In italics, cut to a line or two."""
    from knowledge.quotes import is_label
    from knowledge.within import HEADING_MARK

    record = hit.record
    if record is None or not record.headings or record.kind == "context":
        return ""
    heading = HEADING_MARK.sub("", " ".join(record.headings[-1].split()))
    # a heading stored cut ("…", knowledge.records) is a long lead-in: "1. Bí thư tỉnh ủy và Chủ tịch
    # UBND các tỉnh: Đắk Lắk, Khánh Hòa, … thực hiện các nhiệm vụ sau:" (QA16)
    if not (is_label(heading) or heading.endswith("…")) or heading.rstrip(" :…") in " ".join(hit.text.split()):
        return ""
    return f"<i>{esc(_cut(heading, LEAD_IN_BUDGET, 'vi'))}</i>\n"


def _quoted(hit: Hit, ranked: list[str], best: str, headed: bool = False) -> str:
    from knowledge.quotes import continuation, is_label, whole_sentence

    if is_label(best):
        rest, more = continuation(hit.item_id, hit.text, ranked[0], LABEL_BUDGET)
        heading = ""
        if len(best) <= SHORT_LABEL and hit.record is not None and hit.record.headings and not headed:
            heading = f"<i>{esc(_cut(' '.join(hit.record.headings[-1].split()), 120, 'vi'))}</i>\n"
        tail = " ".join(esc(s) for s in rest) + (" …" if more else "")
        return heading + f"<b>{esc(best)}</b>" + (" " + tail if tail else "")
    if len(best) >= LEAD_BUDGET:
        return f"<b>{esc(best)}</b>"
    shown = [(_span(hit.text, ranked[0]), f"<b>{esc(best)}</b>")]
    for other in ranked[1:2]:
        other_text = whole_sentence(hit.text, other)
        if other_text in best or best in other_text:
            continue
        if len(best) + 1 + len(other_text) <= LEAD_BUDGET:
            shown.append((_span(hit.text, other), esc(other_text)))
    shown.sort()
    out = shown[0][1]
    for ((_, end), _), ((start, _), part) in zip(shown, shown[1:]):
        skipped = any(c.isalnum() for c in hit.text[end:start]) if 0 <= end <= start else False
        out += (" … " if skipped else " ") + part     # the words left out between two quoted sentences
    last = ranked[1] if len(shown) > 1 and shown[-1][1] != shown[0][1] and shown[-1][0] > shown[0][0] else ranked[0]
    if len(shown) > 1 and is_label(last) and shown[-1][0] == _span(hit.text, last):
        # "… phải tuân thủ quy định. Nghiêm cấm các hành vi:" — the acts it forbids follow (QA15)
        rest, more = continuation(hit.item_id, hit.text, last, LABEL_BUDGET)
        out += " " + " ".join(esc(s) for s in rest) + (" …" if more else "") if rest else ""
    return out


def _span(text: str, sentence: str) -> tuple[int, int]:
    """Where `sentence` stands in `text` (start, end); (-1, -1) when not found as written."""
    start = text.find(sentence)
    return (start, start + len(sentence)) if start >= 0 else (-1, -1)


def _now(zone: ZoneInfo, today: date | None, now: datetime | None) -> datetime:
    from knowledge.deadlines import _now_in
    return _now_in(zone, today, now)


def render_item(item_id: int, lang: str, today: date | None = None, *, now: datetime | None = None,
                zone: ZoneInfo | None = None) -> str:
    """One whole item with its headings, source and deadlines (the "Toàn văn" button)."""
    records = load_records(item_ids=[item_id])
    if not records:
        return t(lang, "answer.item_missing")
    r = records[0]
    parts = []
    if r.headings:
        parts.append("<i>" + esc(" › ".join(_cut(h, 80, lang) for h in r.headings)) + "</i>")
    parts.append(esc(_with_its_list(r)))
    if lang == "en" and r.summary_en:
        parts.append(t(lang, "answer.summary", summary=esc(r.summary_en)))
    if r.deadlines:
        zone = zone or DEFAULT_ZONE
        parts.append(_deadlines(r, lang, _now(zone, today, now), zone, limit=len(r.deadlines)))
    parts.append(t(lang, "answer.source", source=esc(source_text(r, lang))))
    return _fit("\n\n".join(parts))


def _with_its_list(r: ItemRecord) -> str:
    """An item that ends announcing what follows ("Bộ Tài chính gửi kèm bộ Cẩm nang gồm:") is
    whole only with that list: the answer showed it (`lead`), so the whole item shows it too."""
    from knowledge.quotes import continuation, is_label

    if not is_label(r.text):
        return r.text
    rest, more = continuation(r.item_id, r.text, r.text, FULL_LIST_BUDGET)
    return "\n".join((r.text, *rest)) + (" …" if more else "")


def source_text(r: ItemRecord | None, lang: str) -> str:
    """One line: '102-TB/VPTU · VP Tỉnh ủy Lai Châu · 29/12/2021 · mục 4'."""
    if r is None:
        return ""
    if r.document_number:
        head = r.document_number
    else:
        title = r.document_title_en if lang == "en" and r.document_title_en else r.document_title
        head = _cut(" ".join(title.split()), 50, lang)
    parts = [head]
    if r.issuer and r.issuer not in head:
        parts.append(short_issuer(r.issuer))
    if r.document_date:
        parts.append(r.document_date.strftime("%d/%m/%Y"))
    if r.number:
        parts.append(t(lang, "answer.source_item", number=r.number))
    return " · ".join(parts)


def short_issuer(issuer: str) -> str:
    for long, short in _SHORT_ISSUER:
        issuer = issuer.replace(long, short)
    return _cut(" ".join(issuer.split()), 40, "vi")


def topic_of(record: ItemRecord | None, text: str = "") -> str:
    """What an item is about, for a button: its nearest heading when short, else the first
    words of its first clause, without the list marker ('a)', '(2)', '-')."""
    if record is not None:
        for heading in reversed(record.headings):
            heading = _ENUMERATOR.sub("", " ".join(heading.split())).rstrip(" :")
            if 3 <= len(heading) <= TOPIC_LENGTH:
                return heading
        text = record.text
    text = _ENUMERATOR.sub("", " ".join(text.split()))
    clause = re.split(r"[.;:!?]|,\s", text, maxsplit=1)[0].strip()
    return _cut(clause, TOPIC_LENGTH, "vi")


def _render_not_found(hits: list[Hit], lang: str) -> str:
    lines = [t(lang, "answer.not_found")]
    if hits:
        lines.append(t(lang, "answer.suggestions"))
        for hit in hits:
            summary = hit.record.summary_en if (lang == "en" and hit.record) else ""
            excerpt = _suggestion(hit, summary, lang)
            lines.append(f"• {esc(excerpt)} <i>({esc(_short_source(hit.record, lang))})</i>")
    lines.append(t(lang, "answer.rephrase"))
    return _fit("\n".join(lines))


def _suggestion(hit: Hit, summary: str, lang: str) -> str:
    """An excerpt of a suggested item; a label ("Đối với báo cáo …:") keeps the start of
    what follows it (the date), so the excerpt is a little longer."""
    from knowledge.quotes import following_sentences, is_label

    text = " ".join((summary or hit.sentence).split())
    if not summary and is_label(text):
        after = following_sentences(hit.text, hit.sentence)
        if after:
            return _cut(text + " " + " ".join(after[0].split()), 2 * SUGGESTION_BUDGET, lang)
    return _cut(text, SUGGESTION_BUDGET, lang)


def _short_source(r: ItemRecord | None, lang: str) -> str:
    if r is None:
        return ""
    head = r.document_number or _cut(r.document_title, 30, lang)
    return f"{head}, {t(lang, 'answer.source_item', number=r.number)}" if r.number else head


def _deadlines(r: ItemRecord, lang: str, now: datetime, zone: ZoneInfo, limit: int = SHOWN_DEADLINES,
               quoted: str = "") -> str:
    """The ⏰ lines: those of the quoted sentences first (all of them, up to QUOTED_DEADLINES);
    only when the quote has none, the item's others, introduced as such, so a date is never
    read as the quoted directive's when it belongs to another sentence. A recurring duty
    shows its next occurrence."""
    shown_all = current_occurrences(list(r.deadlines), zone, now, keep_past=False)
    if not quoted:
        return _deadline_lines(shown_all, lang, now, zone, limit, r.document_date)
    said = _folded(quoted)
    mine = [dl for dl in shown_all if dl.phrase and _folded(dl.phrase) in said]
    if mine:
        return _deadline_lines(mine, lang, now, zone, QUOTED_DEADLINES, r.document_date, more=len(shown_all) - len(mine))
    return t(lang, "answer.other_deadlines", count=len(shown_all)) + "\n" + \
        _deadline_lines(shown_all, lang, now, zone, limit, r.document_date)


def _deadline_lines(dls: list, lang: str, now: datetime, zone: ZoneInfo, limit: int, issued: date | None,
                    more: int = 0) -> str:
    lines = []
    for dl in dls[:limit]:
        when = dl.due_date.strftime("%d/%m/%Y")
        if dl.due_time is not None:
            when += " " + dl.due_time.strftime("%H:%M")
        text = t(lang, f"answer.due_{shown_kind(dl.kind, dl.phrase)}", date=when)
        if getattr(dl, "recurrence", ""):
            from knowledge.recurrence import describe
            text += " " + t(lang, "answer.recurs", rule=describe(dl.recurrence, lang))
        lines.append(f"⏰ <b>{esc(text)}</b> — {esc(status(dl.due_date, now.date(), lang, dl.due_time, now, zone))}"
                     + _just_passed(dl, lang, now.date(), issued))
    more += max(0, len(dls) - limit)
    if more:
        lines.append(t(lang, "answer.more_deadlines", n=more))
    return "\n".join(lines)


RECENTLY_PASSED_DAYS = 14


def _just_passed(dl, lang: str, today: date, issued: date | None) -> str:
    """A yearly, quarterly or monthly duty shown at its next occurrence whose last one fell due
    in the past two weeks: a commune that has not yet sent the report due six days ago must
    not read "còn 359 ngày" alone (QA17 finding 7). Not before the notice was issued."""
    rule = getattr(dl, "recurrence", "")
    if not rule or "FREQ=DAILY" in rule or "FREQ=WEEKLY" in rule:
        return ""
    from knowledge.recurrence import previous_occurrence
    last = previous_occurrence(rule, dl.due_date)
    if not 0 < (today - last).days <= RECENTLY_PASSED_DAYS or (issued is not None and last < issued):
        return ""
    return " · " + esc(t(lang, "answer.last_occurrence_passed", date=last.strftime("%d/%m/%Y"), n=(today - last).days))


def _folded(text: str) -> str:
    from knowledge.text import fold
    return " ".join(fold(text).split())


def status(due: date, today: date, lang: str, due_time=None, now: datetime | None = None,
           zone: ZoneInfo | None = None) -> str:
    """'đã qua', 'hôm nay', 'còn 3 ngày'; with `now`, a time of today already passed is
    'đã qua' (not 'hôm nay', which reads as still due)."""
    days = (due - today).days
    if days < 0 or (now is not None and has_passed(due, due_time, zone or DEFAULT_ZONE, now)):
        return t(lang, "answer.status_past")
    if days == 0:
        return t(lang, "answer.status_today")
    return t(lang, "answer.status_left", n=days)


def _age_note(hit: Hit, lang: str, today: date, max_age_days: int) -> str:
    r = hit.record
    if r is None:
        return ""
    if hit.notice_last_due is not None:
        if hit.notice_last_due < today:
            return t(lang, "answer.notice_done", date=hit.notice_last_due.strftime("%d/%m/%Y"))
        return ""
    if r.document_date and (today - r.document_date).days > max_age_days:
        return t(lang, "answer.notice_old", date=r.document_date.strftime("%d/%m/%Y"))
    return ""


def _cut(text: str, limit: int, lang: str) -> str:
    """At a word boundary, with the language's ellipsis (knowledge.records.shortened)."""
    return shortened(text, limit, t(lang, "answer.cut"))


def _fit(html_text: str) -> str:
    """Last guard for Telegram's limit; the budgets above normally keep well under it."""
    if len(html_text) <= TELEGRAM_LIMIT:
        return html_text
    cut = html_text[:TELEGRAM_LIMIT - 10]
    cut = cut[:cut.rfind("\n")] if "\n" in cut else cut
    # Do not leave a tag open: drop a trailing partial tag and close <b>/<i> left open.
    if cut.rfind("<") > cut.rfind(">"):
        cut = cut[:cut.rfind("<")]
    if cut.rfind("&") > cut.rfind(";"):                 # nor an entity cut in half ('&am')
        cut = cut[:cut.rfind("&")]
    for tag in ("b", "i"):
        if cut.count(f"<{tag}>") > cut.count(f"</{tag}>"):
            cut += f"</{tag}>"
    return cut + "…"
