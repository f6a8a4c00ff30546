"""The limits of `scheduler.limits`, kept in Redis so that every replica books its slots from
one schedule: the same rules, each as one Lua script (atomic in Redis), on Redis's clock so
that replicas whose clocks differ still agree. Waits come back relative to that clock.

Keys (all under the prefix, all expiring once they no longer matter):
`tat` / `tat:paid` the next free overall slot; `chat:<id>` the next time a chat may get a
message; `group:<id>` a sorted set of the slots given to a group in the last minute;
`user:<id>` a user's question bucket, `told:<id>` "already told to slow down".
"""
from __future__ import annotations

import asyncio
import logging
import secrets

from redis.exceptions import RedisError

from knowledge.logs import log_event
from scheduler.limits import PENALTY_SLOTS, Budget, Grant, is_group

# KEYS: tat, chat, group log. ARGV: interval, chat interval, group per minute (0: none),
# bulk (1/0), lead, member name, again (1/0: the chat is already the caller's).
# Returns {booked 1/0, wait (text), chat refused 1/0}.
RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local interval = tonumber(ARGV[1])
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
if ARGV[4] == '1' and slot - now > tonumber(ARGV[5]) then
  return {0, tostring(slot - tonumber(ARGV[5]) - now), 0}
end
local ready = tonumber(redis.call('GET', KEYS[2]) or '0')
local per_minute = tonumber(ARGV[3])
if per_minute > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', tostring(slot - 60))
  local n = redis.call('ZCARD', KEYS[3])
  if n >= per_minute then
    local edge = redis.call('ZRANGE', KEYS[3], n - per_minute, n - per_minute, 'WITHSCORES')
    ready = math.max(ready, tonumber(edge[2]) + 60)
  end
end
if ready > slot and ARGV[7] ~= '1' then
  return {0, tostring(ready - now), 1}
end
redis.call('SET', KEYS[1], tostring(slot + interval), 'PX', math.ceil((slot + interval - now) * 1000) + 1000)
local chat_interval = tonumber(ARGV[2])
if chat_interval > 0 then
  local chat_next = math.max(ready, slot + chat_interval)
  redis.call('SET', KEYS[2], tostring(chat_next), 'PX', math.ceil((chat_next - now) * 1000) + 1000)
end
if per_minute > 0 then
  redis.call('ZADD', KEYS[3], slot, ARGV[6])
  redis.call('PEXPIRE', KEYS[3], math.ceil((slot + 60 - now) * 1000) + 1000)
end
return {1, tostring(slot - now), 0}
"""

# KEYS: chat (may be absent), tat, tat:paid. ARGV: retry_after, interval, paid interval, slots.
PENALIZE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local retry = tonumber(ARGV[1])
if KEYS[1] ~= '' then
  local until_ = math.max(tonumber(redis.call('GET', KEYS[1]) or '0'), now + retry)
  redis.call('SET', KEYS[1], tostring(until_), 'PX', math.ceil((until_ - now) * 1000) + 1000)
end
for i, key in ipairs({KEYS[2], KEYS[3]}) do
  local step = tonumber(ARGV[i + 1]) * tonumber(ARGV[4])
  local tat = math.max(now, tonumber(redis.call('GET', key) or '0')) + step
  redis.call('SET', key, tostring(tat), 'PX', math.ceil((tat - now) * 1000) + 1000)
end
return 1
"""

# KEYS: bucket, told. ARGV: burst, per second. Returns {allowed 1/0, tell 1/0}.
ALLOW_USER = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - at) * rate)
local refill_ms = math.ceil(burst / rate * 1000)
local allowed, tell = 0, 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
elseif redis.call('SET', KEYS[2], '1', 'NX', 'PX', refill_ms) then
  tell = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], refill_ms + 1000)
return {allowed, tell}
"""


log = logging.getLogger("loa.limits")


class RedisLimits:
    """`scheduler.limits.LocalLimits` with its state in Redis (redis-py asyncio client).

    While Redis cannot be reached the process falls back on limits of its own (`fallback`,
    its share of the budget: SEND_RATE / REPLICAS), so replies and deliveries go on, slower;
    /healthz says Redis is down meanwhile.
    """

    shared = True

    def __init__(self, budget: Budget, client, prefix: str = "loa", fallback=None):
        self.budget = budget
        self.client = client
        self.prefix = prefix
        self.fallback = fallback
        self._down = False
        self._reserve = client.register_script(RESERVE)
        self._penalize = client.register_script(PENALIZE)
        self._allow_user = client.register_script(ALLOW_USER)

    async def _call(self, script, **kwargs):
        """Run a script; None (and the fallback's answer is used) while Redis is down."""
        try:
            result = await script(**kwargs)
        except (RedisError, OSError, asyncio.TimeoutError) as e:
            if self.fallback is None:
                raise
            if not self._down:
                log_event(log, "redis_unreachable", logging.ERROR, error=repr(e),
                          using="this process's share of the budget")
                self._down = True
            return None
        if self._down:
            log_event(log, "redis_back")
            self._down = False
        return result

    def _key(self, *parts) -> str:
        return ":".join([self.prefix, *map(str, parts)])

    async def reserve(self, chat_id: int, *, bulk: bool, paid: bool = False,
                      again: bool = False) -> Grant:
        paid = paid and self.budget.paid_rate > 0
        per_minute = self.budget.group_per_minute if is_group(chat_id) else 0
        answer = await self._call(
            self._reserve,
            keys=[self._key("tat:paid" if paid else "tat"), self._key("chat", chat_id),
                  self._key("group", chat_id)],
            args=[repr(self.budget.interval(paid)), repr(self.budget.chat_interval), per_minute,
                  1 if bulk else 0, repr(self.budget.lead), secrets.token_hex(6), 1 if again else 0])
        if answer is None:
            return await self.fallback.reserve(chat_id, bulk=bulk, paid=paid, again=again)
        booked, wait, chat = answer
        return Grant(bool(int(booked)), max(0.0, float(wait)), bool(int(chat)))

    async def penalize(self, chat_id: int | None, retry_after: float) -> None:
        if self.fallback is not None:
            await self.fallback.penalize(chat_id, retry_after)
        await self._call(
            self._penalize,
            keys=[self._key("chat", chat_id) if chat_id is not None else "",
                  self._key("tat"), self._key("tat:paid")],
            args=[repr(float(retry_after)), repr(self.budget.interval(False)),
                  repr(self.budget.interval(True)), PENALTY_SLOTS])

    async def allow_user(self, user_id: int) -> tuple[bool, bool]:
        burst, per_minute = self.budget.user_burst, self.budget.user_per_minute
        if burst <= 0 or per_minute <= 0:
            return True, False
        answer = await self._call(
            self._allow_user,
            keys=[self._key("user", user_id), self._key("told", user_id)],
            args=[burst, repr(per_minute / 60.0)])
        if answer is None:
            return await self.fallback.allow_user(user_id)
        allowed, tell = answer
        return bool(int(allowed)), bool(int(tell))

    async def ping(self) -> None:
        await self.client.ping()

    async def close(self) -> None:
        await self.client.aclose()
