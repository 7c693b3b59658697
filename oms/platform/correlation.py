"""The correlation id of the request (or message) being handled, visible to logs and messages."""

import re
import uuid
from contextvars import ContextVar

_current: ContextVar[str | None] = ContextVar("correlation_id", default=None)
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def current_correlation_id() -> str | None:
    return _current.get()


def set_correlation_id(value: str | None) -> object:
    """Bind ``value`` for the current context; returns a token for :func:`reset_correlation_id`."""
    return _current.set(value)


def reset_correlation_id(token: object) -> None:
    _current.reset(token)  # type: ignore[arg-type]


def accept_or_generate(candidate: str | None) -> str:
    """Keep a caller's id if it is safe to log and echo back; otherwise make a fresh one."""
    if candidate and _ACCEPTABLE.match(candidate):
        return candidate
    return str(uuid.uuid4())
