"""A fake Telegram Bot API server for tests and benchmarks: the real aiogram Bot talks to it
over HTTP, so requests, serialisation and Telegram's error shapes are all exercised.

    from tests.fakebotapi import FakeBotAPI, fake_api   # fake_api: a pytest fixture

    async def test_x(fake_api):
        bot = fake_api.make_bot()                 # aiogram Bot pointed at the fake
        fake_api.fail_chat(-5, "kicked")          # 403 "bot was kicked from the group chat"
        fake_api.fail_chat(-6, "retry_after", times=2, retry_after=1)
        fake_api.push_message(chat_id=42, text="hello")   # an update for getUpdates
        ...
        fake_api.texts_to(-7)                     # what the bot sent to that chat
        fake_api.calls_of("editMessageText")      # every recorded call with its parameters

It serves /bot<token>/<method> (getMe, getUpdates, sendMessage, sendDocument, editMessageText,
editMessageReplyMarkup, deleteMessage, pinChatMessage, answerCallbackQuery, getChatMember,
getChat, getFile, setMyCommands, deleteWebhook, setWebhook, …) and /file/bot<token>/<path>.
It keeps what each chat shows (`visible`): edits change the bot's messages, deletions remove
them (`refuse_delete` makes a chat answer as Telegram does after 48 hours). Optional limits:
`rate_limit` messages per second overall (a sliding one-second window answering 429 beyond
it, like Telegram's flood control; `paid_rate_limit` for sends with allow_paid_broadcast),
`chat_interval` seconds between messages to one chat and
`group_per_minute` to one group; `limit_429s` counts the 429s those limits produced (as
opposed to injected ones). `latency` delays every answer, like a real API round trip.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import socket
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from aiohttp import web

try:  # the fixture is optional: benchmarks import this module without pytest
    import pytest_asyncio
except ImportError:  # pragma: no cover
    pytest_asyncio = None

TOKEN = "123456:TEST-token-for-the-fake-api"
BOT_ID = 123456
BOT_USERNAME = "loa_test_bot"

# Telegram's own descriptions, as the real API sends them.
ERRORS = {
    "kicked": (403, "Forbidden: bot was kicked from the group chat"),
    "kicked_supergroup": (403, "Forbidden: bot was kicked from the supergroup chat"),
    "blocked": (403, "Forbidden: bot was blocked by the user"),
    "not_found": (400, "Bad Request: chat not found"),
    "migrated": (400, "Bad Request: group chat was upgraded to a supergroup chat"),
    "server_error": (500, "Internal Server Error"),
    "bad_gateway": (502, "Bad Gateway"),
    "retry_after": (429, "Too Many Requests: retry after {n}"),
}

# Methods that post into a chat and so count against the message limits.
MESSAGE_METHODS = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage",
                   "editMessageText", "editMessageReplyMarkup"}
SEND_METHODS = {"sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage"}


@dataclass
class Call:
    method: str
    params: dict
    at: float                       # time.monotonic() when it arrived
    status: int = 200               # what the fake answered
    chat_id: int | None = None


@dataclass
class Failure:
    kind: str
    times: int | None               # None = forever
    retry_after: int = 1
    migrate_to: int | None = None


@dataclass
class FakeBotAPI:
    token: str = TOKEN
    rate_limit: float | None = None          # messages per second overall
    paid_rate_limit: float | None = None     # the same for allow_paid_broadcast sends
    chat_interval: float | None = None       # min seconds between messages to one chat
    group_per_minute: int | None = None      # max messages per minute to one group (chat id < 0)
    tolerance: float = 0.05                  # seconds of jitter forgiven by the per-chat checks
    latency: float = 0.0                     # seconds before every answer
    poll_timeout_cap: float = 0.5            # getUpdates long polls at most this long here

    calls: list[Call] = field(default_factory=list)
    limit_429s: int = 0
    limit_reasons: dict = field(default_factory=lambda: defaultdict(int))  # global | chat | group
    injected_errors: int = 0
    files: dict[str, bytes] = field(default_factory=dict)   # file_path -> content
    documents: list[dict] = field(default_factory=list)     # sendDocument uploads

    def __post_init__(self):
        self._failures: dict[int, Failure] = {}
        self._members: dict[tuple[int, int], str] = {}
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._new_update = asyncio.Event()
        self._message_ids: dict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self._window: deque[float] = deque()               # accepted message times, last second
        self._paid_window: deque[float] = deque()          # the same, paid broadcasts
        self._chat_times: dict[int, deque[float]] = defaultdict(deque)
        self._file_ids = itertools.count(1)
        self.messages: dict[tuple[int, int], dict] = {}     # what each chat shows now
        self.pinned: dict[int, int] = {}                      # chat -> pinned message id
        self._undeletable: set[int] = set()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    # -- lifecycle ----------------------------------------------------------------------
    async def start(self, port: int | None = None) -> "FakeBotAPI":
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        self.port = port or free_port()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def make_bot(self, **kwargs):
        """A real aiogram Bot (HTML parse mode) whose requests go to this server."""
        from aiogram import Bot
        from aiogram.client.default import DefaultBotProperties
        from aiogram.client.session.aiohttp import AiohttpSession
        from aiogram.client.telegram import TelegramAPIServer

        session = AiohttpSession(api=TelegramAPIServer.from_base(self.url))
        return Bot(self.token, session=session,
                   default=kwargs.pop("default", DefaultBotProperties(parse_mode="HTML")), **kwargs)

    # -- what the test sets up ------------------------------------------------------------
    def fail_chat(self, chat_id: int, kind: str, *, times: int | None = None,
                  retry_after: int = 1, migrate_to: int | None = None) -> None:
        """Answer messages to `chat_id` with a Telegram error (`times` times, else forever).

        kinds: kicked, kicked_supergroup, blocked, not_found, migrated (needs migrate_to),
        server_error, bad_gateway, retry_after.
        """
        if kind not in ERRORS:
            raise ValueError(f"unknown failure kind {kind!r}")
        if kind == "migrated" and migrate_to is None:
            raise ValueError("migrated needs migrate_to")
        self._failures[chat_id] = Failure(kind, times, retry_after, migrate_to)

    def set_member(self, chat_id: int, user_id: int, status: str = "administrator") -> None:
        """getChatMember answers: creator | administrator | member | left | kicked."""
        self._members[(chat_id, user_id)] = status

    def add_file(self, content: bytes, name: str = "file.txt") -> str:
        """Make a file downloadable (getFile + /file/…); returns its file_id."""
        n = next(self._file_ids)
        file_id = f"file-{n}"
        self.files[f"documents/{n}_{name}"] = content
        self._file_paths = getattr(self, "_file_paths", {})
        self._file_paths[file_id] = f"documents/{n}_{name}"
        return file_id

    def refuse_delete(self, chat_id: int) -> None:
        """deleteMessage in this chat answers Telegram's 400 for a message older than 48 hours
        (or a bot without the right)."""
        self._undeletable.add(chat_id)

    def push_update(self, update: dict) -> int:
        """Queue a raw update (without update_id) for getUpdates; returns its update_id."""
        update = dict(update)
        update["update_id"] = next(self._update_ids)
        self._updates.append(update)
        self._new_update.set()
        return update["update_id"]

    def push_message(self, *, chat_id: int, text: str, user_id: int | None = None,
                     chat_type: str | None = None, title: str = "Group", **extra) -> int:
        """Queue a text message update from a user (private chat unless chat_id < 0)."""
        user_id = user_id or (chat_id if chat_id > 0 else 1001)
        chat_type = chat_type or ("private" if chat_id > 0 else "group")
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "User"
        else:
            chat["title"] = title
        message = {"message_id": next(self._message_ids[chat_id]), "date": int(time.time()),
                   "chat": chat, "from": {"id": user_id, "is_bot": False, "first_name": "User",
                                           "language_code": "vi"},
                   "text": text, **extra}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0,
                                    "length": len(text.split()[0])}]
        return self.push_update({"message": message})

    # -- what the test reads ---------------------------------------------------------------
    def calls_of(self, method: str, ok_only: bool = True) -> list[Call]:
        return [c for c in self.calls if c.method == method and (c.status == 200 or not ok_only)]

    def texts_to(self, chat_id: int) -> list[str]:
        """Texts of the messages the fake accepted for one chat, in order."""
        return [c.params.get("text", "") for c in self.calls
                if c.method == "sendMessage" and c.status == 200 and c.chat_id == chat_id]

    def visible(self, chat_id: int) -> list[dict]:
        """The bot's messages a chat shows now (sent, as edited since, not deleted), in order:
        {"message_id", "text", "reply_markup", "document"}."""
        return [{"message_id": m, **shown} for (c, m), shown in sorted(self.messages.items()) if c == chat_id]

    def sent_counts(self) -> dict[int, int]:
        counts: dict[int, int] = defaultdict(int)
        for c in self.calls:
            if c.method == "sendMessage" and c.status == 200:
                counts[c.chat_id] += 1
        return dict(counts)

    # -- the server ------------------------------------------------------------------------
    async def _params(self, request: web.Request) -> dict:
        if request.method == "GET":
            raw = dict(request.query)
        elif request.content_type == "application/json":
            raw = await request.json()
        else:
            raw = {}
            form = await request.post()
            for key, value in form.items():
                if hasattr(value, "file"):
                    raw[key] = {"filename": value.filename, "content": value.file.read()}
                else:
                    raw[key] = value
        params = {}
        for key, value in raw.items():
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    value = json.loads(value)
                except ValueError:
                    pass
            params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        chat_id = _int(params.get("chat_id"))
        call = Call(method, params, time.monotonic(), chat_id=chat_id)
        self.calls.append(call)
        if self.latency:
            await asyncio.sleep(self.latency)
        if request.match_info["token"] != self.token:
            return self._error(call, 401, "Unauthorized")
        if method in MESSAGE_METHODS and chat_id is not None:
            refusal = self._refusal(call, chat_id)
            if refusal is not None:
                return refusal
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return self._error(call, 404, "Not Found: method not found")
        try:
            result = handler(params) if not asyncio.iscoroutinefunction(handler) else await handler(params)
        except BadRequest as e:
            return self._error(call, 400, f"Bad Request: {e}")
        return web.json_response({"ok": True, "result": result})

    def _error(self, call: Call, code: int, description: str, parameters: dict | None = None):
        call.status = code
        body = {"ok": False, "error_code": code, "description": description}
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=code)

    def _refusal(self, call: Call, chat_id: int):
        failure = self._failures.get(chat_id)
        if failure is not None and failure.times != 0:
            if failure.times is not None:
                failure.times -= 1
            self.injected_errors += 1
            code, description = ERRORS[failure.kind]
            if failure.kind == "retry_after":
                return self._error(call, code, description.format(n=failure.retry_after),
                                   {"retry_after": failure.retry_after})
            if failure.kind == "migrated":
                return self._error(call, code, description, {"migrate_to_chat_id": failure.migrate_to})
            return self._error(call, code, description)
        now = call.at
        paid = self.paid_rate_limit and call.params.get("allow_paid_broadcast") in (True, "true", "True")
        window, limit = (self._paid_window, self.paid_rate_limit) if paid else (self._window, self.rate_limit)
        if limit:
            while window and window[0] <= now - 1.0:
                window.popleft()
            if len(window) >= limit:
                wait = max(1, int(window[0] + 1.0 - now + 0.999))
                return self._limit(call, wait, "paid" if paid else "global")
        times = self._chat_times[chat_id]
        if self.chat_interval and times and now - times[-1] < self.chat_interval - self.tolerance:
            return self._limit(call, 1, "chat")
        if self.group_per_minute and chat_id < 0:
            while times and times[0] <= now - 60.0 + self.tolerance:
                times.popleft()
            if len(times) >= self.group_per_minute:
                return self._limit(call, max(1, int(times[0] + 60.0 - now + 0.999)), "group")
        window.append(now)
        times.append(now)
        return None

    def _limit(self, call: Call, retry_after: int, reason: str):
        self.limit_429s += 1
        self.limit_reasons[reason] += 1
        return self._error(call, 429, f"Too Many Requests: retry after {retry_after}",
                           {"retry_after": retry_after})

    # -- methods -----------------------------------------------------------------------------
    def _bot_user(self) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Loa", "username": BOT_USERNAME,
                "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False}

    def _chat(self, chat_id: int) -> dict:
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": "User"}
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return {"id": chat_id, "type": kind, "title": f"Group {chat_id}"}

    def _message(self, params: dict, **extra) -> dict:
        chat_id = _int(params["chat_id"])
        message = {"message_id": next(self._message_ids[chat_id]), "date": int(time.time()),
                   "chat": self._chat(chat_id), "from": self._bot_user(), **extra}
        markup = params.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:   # a message shows only these
            message["reply_markup"] = markup
        return message

    def _m_getMe(self, params):
        return self._bot_user()

    async def _m_getUpdates(self, params):
        offset = _int(params.get("offset")) or 0
        timeout = min(float(params.get("timeout") or 0), self.poll_timeout_cap)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout > 0:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except asyncio.TimeoutError:
                pass
        limit = _int(params.get("limit")) or 100
        return [u for u in self._updates if u["update_id"] >= offset][:limit]

    def _store(self, message: dict) -> dict:
        self.messages[(message["chat"]["id"], message["message_id"])] = {
            "text": message.get("text") or message.get("caption") or "",
            "reply_markup": message.get("reply_markup"), "document": message.get("document")}
        return message

    def _m_sendMessage(self, params):
        return self._store(self._message(params, text=params.get("text", "")))

    def _m_sendDocument(self, params):
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            document = params.get(document.removeprefix("attach://"))
        if isinstance(document, dict):
            self.documents.append({"chat_id": _int(params["chat_id"]), **document,
                                   "caption": params.get("caption")})
            name = document["filename"]
        else:
            name = "document"
        n = next(self._file_ids)
        return self._store(self._message(params, document={"file_id": f"doc-{n}", "file_unique_id": f"u{n}",
                                                           "file_name": name},
                                         **({"caption": params["caption"]} if params.get("caption") else {})))

    def _edit(self, params, **changes) -> None:
        """Messages the fake sent are changed like Telegram changes them (and an edit that
        changes nothing is refused the same way); unknown ids are accepted as they are."""
        key = (_int(params["chat_id"]), _int(params["message_id"]))
        shown = self.messages.get(key)
        if shown is None:
            return
        changed = {**shown, **changes}
        if changed == shown:
            raise BadRequest("message is not modified: specified new message content and reply markup "
                             "are exactly the same as a current content and reply markup of the message")
        self.messages[key] = changed

    def _m_editMessageText(self, params):
        if params.get("inline_message_id"):
            return True
        self._edit(params, text=params.get("text", ""), reply_markup=params.get("reply_markup") or None)
        message = self._message(params, text=params.get("text", ""))
        message["message_id"] = _int(params["message_id"])
        message["edit_date"] = int(time.time())
        return message

    def _m_editMessageReplyMarkup(self, params):
        if params.get("inline_message_id"):
            return True
        self._edit(params, reply_markup=params.get("reply_markup") or None)
        message = self._message(params, text="")
        message["message_id"] = _int(params["message_id"])
        return message

    def _m_getChatMember(self, params):
        chat_id, user_id = _int(params["chat_id"]), _int(params["user_id"])
        status = self._members.get((chat_id, user_id), "member")
        user = {"id": user_id, "is_bot": user_id == BOT_ID, "first_name": "User"}
        member = {"status": status, "user": user}
        if status == "creator":
            member["is_anonymous"] = False
        elif status == "administrator":
            member.update({k: False for k in (
                "can_be_edited", "is_anonymous", "can_post_stories", "can_edit_stories",
                "can_delete_stories", "can_send_welcome_messages")})
            member.update({k: True for k in (
                "can_manage_chat", "can_delete_messages", "can_manage_video_chats",
                "can_restrict_members", "can_promote_members", "can_change_info",
                "can_invite_users")})
        elif status == "kicked":
            member["until_date"] = 0
        return member

    def _m_getChat(self, params):
        chat = self._chat(_int(params["chat_id"]))
        chat["accent_color_id"] = 0
        chat["max_reaction_count"] = 11
        chat["accepted_gift_types"] = {"unlimited_gifts": False, "limited_gifts": False,
                                       "unique_gifts": False, "premium_subscription": False}
        return chat

    def _m_getFile(self, params):
        file_id = params.get("file_id")
        path = getattr(self, "_file_paths", {}).get(file_id)
        if path is None:
            return {"file_id": file_id, "file_unique_id": f"u-{file_id}"}
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}",
                "file_size": len(self.files[path]), "file_path": path}

    def _true(self, params):
        return True

    _m_answerCallbackQuery = _m_setMyCommands = _m_deleteMyCommands = _m_deleteWebhook = _true
    _m_setWebhook = _m_setChatMenuButton = _m_sendChatAction = _true
    _m_setMyDescription = _m_setMyShortDescription = _m_leaveChat = _m_close = _m_logOut = _true

    def _m_deleteMessage(self, params):
        key = (_int(params["chat_id"]), _int(params["message_id"]))
        if key[0] in self._undeletable:
            raise BadRequest("message can't be deleted")
        self.messages.pop(key, None)
        return True

    def _m_pinChatMessage(self, params):
        self.pinned[_int(params["chat_id"])] = _int(params["message_id"])
        return True

    def _m_getMyCommands(self, params):
        return [c for c in self.calls_of("setMyCommands")[-1:] for c in c.params.get("commands", [])]

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        content = self.files.get(request.match_info["path"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content)


class BadRequest(Exception):
    """A method's 400 answer (the text after "Bad Request: ")."""


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


if pytest_asyncio is not None:
    @pytest_asyncio.fixture
    async def fake_api():
        """A started FakeBotAPI without limits; set attributes or fail_chat() as needed."""
        api = FakeBotAPI()
        await api.start()
        try:
            yield api
        finally:
            await api.stop()
