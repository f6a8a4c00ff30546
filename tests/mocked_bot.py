"""aiogram's MockedBot pattern for in-process handler tests.

The session never touches the network: every request is recorded, and its answer — a staged
one when the test staged one for that method, else a plausible success built from the
request — goes through aiogram's real `check_response`, so a staged Telegram error becomes
the same exception as in production. Downloads come from `files` (file_path -> bytes).

Like Telegram, it refuses text that is not valid Telegram HTML ("can't parse entities") and a
reply to a message in `deleted` unless the reply allows sending without it.

Also builders for the updates Telegram sends (messages, button presses, my_chat_member).
"""
from __future__ import annotations

import itertools
import json
import time
from collections import defaultdict, deque
from html.parser import HTMLParser
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import TelegramMethod
from aiogram.types import Update

BOT_ID = 4242
BOT_USERNAME = "loa_bot"


class MockedSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod] = []
        self.staged: dict[str, deque[tuple[int, dict]]] = defaultdict(deque)
        self.files: dict[str, bytes] = {}
        self.members: dict[tuple[int, int], str] = {}      # (chat, user) -> status
        self.deleted: set[tuple[int, int]] = set()           # (chat, message) the user deleted
        self._message_ids = itertools.count(1000)

    # --- staging -----------------------------------------------------------------------
    def stage_result(self, method: str, result: Any) -> None:
        self.staged[method].append((200, {"ok": True, "result": result}))

    def stage_error(self, method: str, error_code: int, description: str, **parameters) -> None:
        payload = {"ok": False, "error_code": error_code, "description": description}
        if parameters:
            payload["parameters"] = parameters
        self.staged[method].append((error_code, payload))

    # --- what the bot did --------------------------------------------------------------
    def calls(self, method: str) -> list[TelegramMethod]:
        return [r for r in self.requests if r.__api_method__ == method]

    def texts(self, chat_id: int | None = None) -> list[str]:
        return [r.text for r in self.requests if r.__api_method__ in ("sendMessage", "editMessageText")
                and (chat_id is None or r.chat_id == chat_id)]

    def last(self, method: str) -> TelegramMethod:
        found = self.calls(method)
        assert found, f"the bot made no {method} call; it made {[r.__api_method__ for r in self.requests]}"
        return found[-1]

    def clear(self) -> None:
        self.requests.clear()

    # --- BaseSession -------------------------------------------------------------------
    async def close(self) -> None:
        pass

    async def make_request(self, bot: Bot, method: TelegramMethod, timeout: int | None = None) -> Any:
        self.requests.append(method)
        name = method.__api_method__
        refusal = self._refusal(method)
        if refusal is not None:
            status, payload = 400, {"ok": False, "error_code": 400, "description": refusal}
        elif self.staged[name]:
            status, payload = self.staged[name].popleft()
        else:
            status, payload = 200, {"ok": True, "result": self._default(bot, method)}
        response = self.check_response(bot=bot, method=method, status_code=status,
                                       content=json.dumps(payload))
        return response.result

    async def stream_content(self, url: str, headers=None, timeout: int = 30, chunk_size: int = 65536,
                             raise_for_status: bool = True):
        path = url.split("/", 5)[-1] if "/file/" in url else url
        for file_path, data in self.files.items():
            if url.endswith(file_path):
                yield data
                return
        raise AssertionError(f"no staged file for {path}")

    def _refusal(self, method: TelegramMethod) -> str | None:
        """Telegram's own 400s for what the bot sent wrongly, whatever the test staged."""
        for field in ("text", "caption"):
            value = getattr(method, field, None)
            if isinstance(value, str):
                problem = html_problem(value)
                if problem:
                    return f"Bad Request: can't parse entities: {problem}"
        reply = getattr(method, "reply_parameters", None)
        if reply is not None and (int(method.chat_id), reply.message_id) in self.deleted \
                and reply.allow_sending_without_reply is not True:
            return "Bad Request: message to be replied not found"
        return None

    def _default(self, bot: Bot, method: TelegramMethod) -> Any:
        name = method.__api_method__
        if name == "getMe":
            return bot_user()
        if name in ("sendMessage", "editMessageText", "editMessageReplyMarkup", "sendDocument"):
            chat_id = int(method.chat_id)
            message_id = getattr(method, "message_id", None) or next(self._message_ids)
            result = {"message_id": message_id, "date": int(time.time()), "chat": chat(chat_id),
                      "from": bot_user()}
            if getattr(method, "text", None):
                result["text"] = method.text
            if name == "sendDocument":
                result["document"] = {"file_id": "doc", "file_unique_id": "doc",
                                      "file_name": method.document.filename}
            return result
        if name == "getChatMember":
            status = self.members.get((int(method.chat_id), method.user_id), "member")
            member = {"status": status, "user": user(method.user_id)}
            if status == "administrator":
                member.update(admin_rights())
            elif status == "creator":
                member.update(is_anonymous=False)
            return member
        if name == "getFile":
            return {"file_id": method.file_id, "file_unique_id": method.file_id,
                    "file_path": f"documents/{method.file_id}"}
        return True


TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                 "tg-spoiler", "span", "blockquote", "tg-emoji"}


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.problem = ""

    def handle_starttag(self, tag, attrs):
        if tag not in TELEGRAM_TAGS:
            self.problem = self.problem or f"unsupported start tag \"{tag}\""
        self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problem = self.problem or f"unexpected end tag \"{tag}\""
        else:
            self.open.pop()

    def handle_entityref(self, name):
        if name not in ("lt", "gt", "amp", "quot"):
            self.problem = self.problem or f"unsupported entity \"&{name};\""


def html_problem(text: str) -> str:
    """Why Telegram would refuse `text` as HTML, or "" (tags and entities only)."""
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if not checker.problem and checker.open:
        return f"can't find end tag corresponding to start tag \"{checker.open[-1]}\""
    return checker.problem


class MockedBot(Bot):
    """With the gate every production Bot has (scheduler/gate.py), so a staged 429 or 5xx is
    waited out and the call made again, as in production; no pacing (limits far above what a
    test sends), so tests do not wait for Telegram's per-chat second."""

    def __init__(self) -> None:
        from scheduler.clock import SystemClock
        from scheduler.gate import Gate, install_gate
        from scheduler.limits import Budget, LocalLimits

        super().__init__("4242:TEST-mocked", session=MockedSession())
        self.session: MockedSession
        clock = SystemClock()
        install_gate(self, Gate(LocalLimits(Budget(rate=100_000.0, chat_interval=0.0,
                                                   group_per_minute=0), clock), clock))

    def add_file(self, file_id: str, data: bytes) -> None:
        self.session.files[f"documents/{file_id}"] = data


# --- updates ------------------------------------------------------------------------------

_update_ids = itertools.count(1)
_message_ids = itertools.count(1)


def bot_user() -> dict:
    return {"id": BOT_ID, "is_bot": True, "first_name": "Loa", "username": BOT_USERNAME}


def user(user_id: int, language_code: str | None = "vi") -> dict:
    u = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    if language_code:
        u["language_code"] = language_code
    return u


def chat(chat_id: int, title: str | None = None) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "type": kind, "title": title or f"Group {chat_id}"}


def message(text: str | None = None, *, chat_id: int = 100, user_id: int = 100,
            language_code: str | None = "vi", reply_to_bot: bool = False, **extra) -> Update:
    msg = {"message_id": next(_message_ids), "date": int(time.time()), "chat": chat(chat_id),
           "from": user(user_id, language_code)}
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    if reply_to_bot:
        msg["reply_to_message"] = {"message_id": 1, "date": int(time.time()), "chat": chat(chat_id),
                                   "from": bot_user(), "text": "…"}
    msg.update(extra)
    return Update.model_validate({"update_id": next(_update_ids), "message": msg})


def document_message(file_id: str, file_name: str, size: int, *, caption: str = "/push",
                     chat_id: int = 100, user_id: int = 100) -> Update:
    return message(None, chat_id=chat_id, user_id=user_id, caption=caption,
                   document={"file_id": file_id, "file_unique_id": file_id, "file_name": file_name,
                             "file_size": size})


def callback(data: str, *, chat_id: int = 100, user_id: int = 100, message_id: int = 1000,
             message_text: str = "…", language_code: str | None = "vi") -> Update:
    msg = {"message_id": message_id, "date": int(time.time()), "chat": chat(chat_id),
           "from": bot_user(), "text": message_text}
    return Update.model_validate({"update_id": next(_update_ids), "callback_query": {
        "id": str(next(_update_ids)), "from": user(user_id, language_code), "chat_instance": "ci",
        "message": msg, "data": data}})


def my_chat_member(chat_id: int, old: str, new: str, *, user_id: int = 100, title: str | None = None) -> Update:
    return Update.model_validate({"update_id": next(_update_ids), "my_chat_member": {
        "chat": chat(chat_id, title), "from": user(user_id), "date": int(time.time()),
        "old_chat_member": {"status": old, "user": bot_user()},
        "new_chat_member": _member(new)}})


def _member(status: str) -> dict:
    m = {"status": status, "user": bot_user()}
    if status == "kicked":
        m["until_date"] = 0
    if status == "administrator":
        m.update(admin_rights())
    return m


def admin_rights() -> dict:
    """Every flag an administrator record must carry (the set grows with the Bot API)."""
    from aiogram.types import ChatMemberAdministrator
    return {name: name.startswith("can_") and name not in ("can_be_edited", "can_promote_members")
            for name, f in ChatMemberAdministrator.model_fields.items()
            if f.is_required() and name not in ("status", "user")}


# --- one dispatcher per test process -------------------------------------------------------

_dispatcher = None


def shared_dispatcher(**services):
    """The real routers and middlewares, with this test's services.

    Each handler module has one module-level Router and a Router joins only one Dispatcher,
    so all tests in a process share one Dispatcher; each test installs its own services
    (settings, searcher, sender, reminders, clock) in the dispatcher's data.
    """
    global _dispatcher
    from aiogram import Dispatcher

    from handlers import start
    if _dispatcher is None and isinstance(start.router.parent_router, Dispatcher):
        _dispatcher = start.router.parent_router       # built earlier by bot.app.create_dispatcher
    if _dispatcher is None:
        from bot.app import create_dispatcher
        _dispatcher = create_dispatcher(services["settings"], searcher=services.get("searcher"),
                                        sender=services.get("sender"))
    _dispatcher.workflow_data.clear()
    _dispatcher.workflow_data.update({"reminders": None, **services})
    return _dispatcher
