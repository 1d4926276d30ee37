"""What stands between the network and the engine: who may call (auth), how often (rate limit),
how many at once (the gate in front of the one local model), and the headers every response carries."""
from __future__ import annotations

import base64
import hmac
import threading
import time
from collections import deque
from typing import Any, Iterator, Mapping

from .settings import Settings

OPEN_PATHS = ("/healthz",)  # a load balancer's liveness probe carries no credentials and reveals no content


class Busy(Exception):
    """The queue in front of the generator is full."""


class Gate:
    """At most `slots` answers run at once; at most `queue_size` more wait, in arrival order."""

    def __init__(self, slots: int, queue_size: int):
        self._slots = threading.Semaphore(slots)
        self._lock = threading.Lock()
        self._queue_size = queue_size
        self._waiting: deque[object] = deque()

    def position(self, ticket: object) -> int:
        """1-based place in the queue, 0 when not waiting."""
        with self._lock:
            return self._waiting.index(ticket) + 1 if ticket in self._waiting else 0

    def wait(self, timeout: float, poll: float = 0.5) -> Iterator[int]:
        """Yields the queue position while waiting; returns holding a slot (release() it).
        Raises Busy when the queue is full, TimeoutError when the wait exceeds `timeout`."""
        ticket = object()
        with self._lock:
            if len(self._waiting) >= self._queue_size:
                raise Busy("the assistant is busy: too many questions are waiting")
            self._waiting.append(ticket)
        deadline = time.monotonic() + timeout
        try:
            while True:
                if self._waiting[0] is ticket and self._slots.acquire(timeout=poll):
                    return
                if self._waiting[0] is not ticket:
                    time.sleep(min(poll, 0.05))
                if time.monotonic() > deadline:
                    raise TimeoutError("waited too long for a free slot")
                yield self.position(ticket)
        finally:
            with self._lock:
                if ticket in self._waiting:
                    self._waiting.remove(ticket)

    def release(self) -> None:
        self._slots.release()

    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)


class RateLimiter:
    """At most `per_minute` calls per client key in any 60-second window; 0 turns it off."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> int:
        """0 when the call may go ahead (and is counted), else the seconds to wait."""
        if not self.per_minute:
            return 0
        now = time.monotonic()
        with self._lock:
            calls = self._calls.setdefault(key, deque())
            while calls and calls[0] <= now - 60:
                calls.popleft()
            if len(calls) >= self.per_minute:
                return max(1, int(calls[0] + 60 - now) + 1)
            calls.append(now)
            if len(self._calls) > 10_000:  # forget idle clients rather than grow without bound
                for idle in [k for k, v in self._calls.items() if not v]:
                    del self._calls[idle]
            return 0


def frame_ancestors(settings: Settings) -> str:
    return " ".join(["'self'", *settings.origins()])


def security_headers(settings: Settings) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"strict-origin-when-cross-origin"),
        (b"content-security-policy", f"frame-ancestors {frame_ancestors(settings)}".encode()),
    ]
    if not settings.origins():
        headers.append((b"x-frame-options", b"SAMEORIGIN"))
    return headers


class Guard:
    """ASGI middleware: authentication on every route but the health probe, security headers on
    every response, and CORS answers only for the allowed origins (Gradio's own CORS is looser)."""

    def __init__(self, app: Any, settings: Settings):
        self.app = app
        self.settings = settings
        self.users = settings.users()
        self.origins = set(settings.origins())
        self.headers = security_headers(settings)

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        request_headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path = scope.get("path", "")
        if not path.endswith(OPEN_PATHS):
            refusal = self.refuse(request_headers)
            if refusal is not None:
                return await self._reply(send, scope, *refusal)
        origin = request_headers.get("origin", "").rstrip("/")
        foreign = bool(origin) and origin not in self.origins and not _same_origin(origin, request_headers)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if not (foreign and k.lower().startswith(b"access-control-"))]
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in self.headers if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_headers)

    def refuse(self, headers: dict[str, str]) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, message, headers) when the request may not pass, else None."""
        if self.settings.trusted_user_header and not headers.get(self.settings.trusted_user_header.lower(), "").strip():
            return 401, "authentication required (no user from the proxy)", []
        if self.users:
            user = basic_user(headers.get("authorization", ""), self.users)
            if user is None:
                return 401, "authentication required", [(b"www-authenticate", b'Basic realm="article-assistant"')]
        return None

    async def _reply(self, send, scope, status: int, message: str, extra: list[tuple[bytes, bytes]]) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 4401})
            return
        body = ('{"error": "%s"}' % message).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), *extra, *self.headers]})
        await send({"type": "http.response.body", "body": body})


def basic_user(header: str, users: dict[str, str]) -> str | None:
    """The user name when the Basic credentials match one of `users`, else None."""
    if not header.lower().startswith("basic "):
        return None
    try:
        user, _, password = base64.b64decode(header[6:].strip()).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    expected = users.get(user)
    # Compare even for unknown users, so timing does not tell which names exist.
    ok = hmac.compare_digest(password.encode(), (expected or "\0").encode())
    return user if ok and expected is not None else None


def request_user(settings: Settings, headers: Mapping[str, str]) -> str:
    """Who is asking, for feedback records and rate limits: the proxy's user, the basic-auth user, or ''.
    `headers` is looked up by lower-case name (Starlette's Headers, or Guard's lower-cased dict)."""
    if settings.trusted_user_header:
        return headers.get(settings.trusted_user_header.lower(), "").strip()
    if settings.users():
        return basic_user(headers.get("authorization", ""), settings.users()) or ""
    return ""


def _same_origin(origin: str, headers: dict[str, str]) -> bool:
    host = headers.get("x-forwarded-host") or headers.get("host", "")
    return origin.split("://", 1)[-1] == host
