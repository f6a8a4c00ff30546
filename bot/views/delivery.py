"""What the admin sees of a pushed notice: the preview message, edited in place with live
counts while it goes out, the final count when nothing is pending any more, and the full
report (`/report <n>`): sent, received and done per unit, the deadline tasks' status, the
groups that have not acknowledged, and the buttons to remind them, export (`report_csv`),
edit or recall.

"Đã gửi" (sent) is what Telegram accepted; "Đã nhận" (received) only what groups pressed.
"""
from __future__ import annotations

import html
import io
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.views.safe import SafeCsvWriter
from knowledge.units import unit_name
from scheduler.taskstatus import STATUSES
from texts import t

MAX_WAITING_LISTED = 30
MAX_DEADLINES_LISTED = 10


def _notice(broadcast, lang: str) -> str:
    doc = broadcast.document if broadcast.document_id is not None else None
    if doc is None:
        return t(lang, "delivery.notice", id=broadcast.id, title="")
    title = " ".join(x for x in (doc.number or "", doc.title) if x)
    if len(title) > 120:
        title = title[:119] + "…"
    return t(lang, "delivery.notice", id=broadcast.id, title=html.escape(title))


def _pressed(broadcast_id: int) -> dict[str, int]:
    """Groups that pressed anything under the notice ("received"), and "done"."""
    from scheduler.receipts import NoticeReceipt
    rows = list(NoticeReceipt.select(NoticeReceipt.chat_id, NoticeReceipt.kind)
                .where(NoticeReceipt.broadcast == broadcast_id).tuples())
    return {"received": len({c for c, _ in rows}), "done": len({c for c, k in rows if k == "done"})}


def render_progress(broadcast, counts: dict, lang: str) -> str:
    """`counts` as scheduler.outbox.delivery_counts gives them."""
    pressed = _pressed(broadcast.id)
    return t(lang, "delivery.progress", notice=_notice(broadcast, lang),
             done=counts["total"] - counts["pending"], received=pressed.get("received", 0), **counts)


def render_report(broadcast, counts: dict, lang: str) -> str:
    pressed = _pressed(broadcast.id)
    lines = [t(lang, "delivery.report", notice=_notice(broadcast, lang), **counts),
             t(lang, "delivery.report_pressed", received=pressed.get("received", 0),
               done=pressed.get("done", 0), sent=counts["sent"]),
             t(lang, "delivery.report_detail", id=broadcast.id)]
    from scheduler.notice_report import district_tallies
    districts = district_tallies(broadcast.id)
    if districts:
        lines[-1:-1] = ["", t(lang, "report.by_district"), *_tally_rows(districts, lang), ""]
    return "\n".join(lines)


def _tally_rows(tallies, lang: str) -> list[str]:
    return [t(lang, "report.unit_row", unit=html.escape(d.key or t(lang, "report.no_district")),
              groups=d.groups, sent=d.sent, received=d.received, done=d.done) for d in tallies]


# --- /report <n> -----------------------------------------------------------------------------

def render_full_report(report, lang: str, zone) -> str:
    """`report` is a scheduler.notice_report.NoticeReport."""
    b, c, total = report.broadcast, report.counts, report.total
    status = t(lang, f"report.status_{report.status}")
    if report.status == "scheduled" and report.send_at:
        status += " " + report.send_at.astimezone(zone).strftime("%H:%M %d/%m/%Y")
    lines = [t(lang, "report.head", id=b.id, title=html.escape(_short(report.title)), status=status),
             t(lang, "report.sent", sent=c.get("sent", 0), total=c.get("total", 0), pending=c.get("pending", 0),
               failed=c.get("failed", 0), blocked=c.get("blocked", 0)),
             t(lang, "report.acks", received=total.received, done=total.done, sent=total.sent)]
    if report.units:
        lines += ["", t(lang, "report.by_unit")]
        for u in report.units:
            name = t(lang, "report.unit_other") if u.key == "other" else unit_name(u.key, lang)
            lines.append(t(lang, "report.unit_row", unit=html.escape(name), groups=u.groups, sent=u.sent,
                           received=u.received, done=u.done))
    districts = getattr(report, "districts", [])
    if districts:
        lines += ["", t(lang, "report.by_district"), *_tally_rows(districts, lang)]
    if report.deadlines:
        lines += ["", t(lang, "report.tasks")]
        for row, counts in report.deadlines[:MAX_DEADLINES_LISTED]:
            task = _short(row.task_in(lang), 70)
            lines.append(f"• {row.due_date:%d/%m/%Y} — {html.escape(task)}: " + status_counts(counts, lang))
        if len(report.deadlines) > MAX_DEADLINES_LISTED:
            lines.append(t(lang, "report.more_tasks", n=len(report.deadlines) - MAX_DEADLINES_LISTED))
        lines.append(t(lang, "report.legend"))
    waiting = report.waiting
    if waiting and report.status != "recalled":
        names = [html.escape(_short(g.title or str(g.chat_id), 40)) for g in waiting[:MAX_WAITING_LISTED]]
        if len(waiting) > MAX_WAITING_LISTED:
            names.append(t(lang, "digest.more", n=len(waiting) - MAX_WAITING_LISTED))
        lines += ["", t(lang, "report.waiting", n=len(waiting), chats=", ".join(names))]
    if report.nudges:
        lines.append(t(lang, "report.nudged", n=report.nudges))
    if report.edits:
        lines.append(t(lang, "report.edited", done=report.edits.get("sent", 0),
                       pending=report.edits.get("pending", 0), failed=report.edits.get("failed", 0)))
    if report.recall:
        lines.append(t(lang, "report.recalled", done=report.recall.get("sent", 0),
                       pending=report.recall.get("pending", 0), failed=report.recall.get("failed", 0)))
    return "\n".join(lines)


def status_counts(counts, lang: str) -> str:
    """"✅ 3 · ☑️ 1 · ⏳ 5 · ❌ 2 / 11 nhóm": the four task statuses, zeros left out."""
    shown = [t(lang, f"status.short_{s}", n=counts[s]) for s in STATUSES if counts.get(s)]
    return t(lang, "status.of_groups", statuses=" · ".join(shown) or "—", groups=counts.get("groups", 0))


def report_keyboard(report, lang: str) -> InlineKeyboardMarkup:
    b = report.broadcast.id

    def button(key: str, action: str, arg=None, **values) -> InlineKeyboardButton:
        data = f"report:{action}:{b}" + (f":{arg}" if arg is not None else "")
        return InlineKeyboardButton(text=t(lang, key, **values), callback_data=data)

    rows = [[button("report.btn_refresh", "refresh"), button("report.csv", "csv")]]
    live = report.status in ("sending", "done")
    if live and report.waiting:
        rows.append([button("report.btn_nudge", "nudge", report.nudges, n=len(report.waiting))])
    if live or report.status == "scheduled":
        rows.append([button("report.btn_edit", "edit"), button("report.btn_recall", "recall")])
    if report.status == "scheduled":
        rows.append([button("report.btn_unschedule", "unschedule")])
    undeleted = report.undeleted if report.status == "recalled" else []
    if undeleted:
        rows.append([button("report.btn_mark", "mark", n=len(undeleted))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def recall_confirm_keyboard(broadcast_id: int, groups: int, lang: str) -> InlineKeyboardMarkup:
    def button(key: str, action: str) -> list[InlineKeyboardButton]:
        return [InlineKeyboardButton(text=t(lang, key, groups=groups), callback_data=f"report:{action}:{broadcast_id}")]

    return InlineKeyboardMarkup(inline_keyboard=[button("report.btn_recall_yes", "recall_yes"),
                                                 button("report.btn_withdraw", "withdraw"),
                                                 button("report.btn_back", "refresh")])


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def report_csv(report, zone: ZoneInfo, lang: str = "vi") -> bytes:
    """One line per group: delivery, acknowledgement, completion and the status of each of
    the notice's deadline tasks. UTF-8 with BOM so spreadsheet programs show Vietnamese;
    cells that a spreadsheet would run as a formula are neutralised (bot/views/safe.py)."""
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    columns = ("chat_id", "chat_title", "units", "delivery", "sent_at", "received", "received_by",
               "received_at", "done", "done_by", "done_at", "error", "district")
    yes, no = t(lang, "csv.yes"), t(lang, "csv.no")
    writer.writerow([t(lang, f"csv.{c}") for c in columns]
                    + [f"{t(lang, 'csv.deadline')} {d.due_date:%d/%m/%Y}: {d.task or d.phrase}"[:120]
                       for d, _ in report.deadlines])
    names = {s: t(lang, f"status.{s}") for s in STATUSES}

    def when(moment: datetime | None) -> str:
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    for g in report.groups:
        writer.writerow([
            g.chat_id, g.title, " ".join(g.units), g.delivery, when(g.sent_at),
            yes if g.acknowledged else no,
            g.received.name if g.received else "", when(g.received.at if g.received else None),
            yes if g.completed else no,
            g.done.name if g.done else "", when(g.done.at if g.done else None), g.error,
            "; ".join(d for d in g.districts if d),
            *[names.get(g.tasks.get(d.id, ""), "") for d, _ in report.deadlines]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
