"""The correlation and causation ids of the work in hand, visible to logs and to the messages it causes.

The correlation id names the request that started it all and travels unchanged through every message;
the causation id names the message being handled, so each new message points at its direct cause.
"""

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

_correlation: ContextVar[str | None] = ContextVar("correlation_id", default=None)
_causation: ContextVar[str | None] = ContextVar("causation_id", default=None)
_ACCEPTABLE = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def current_correlation_id() -> str | None:
    return _correlation.get()


def current_causation_id() -> str | None:
    return _causation.get()


def set_correlation_id(value: str | None) -> Token[str | None]:
    """Bind ``value`` for the current context; returns a token for :func:`reset_correlation_id`."""
    return _correlation.set(value)


def reset_correlation_id(token: Token[str | None]) -> None:
    _correlation.reset(token)


@contextmanager
def handling(*, correlation_id: str, causation_id: str) -> Iterator[None]:
    """While a message is handled, what it causes carries its correlation and points back at it."""
    correlation_token = _correlation.set(correlation_id)
    causation_token = _causation.set(causation_id)
    try:
        yield
    finally:
        _causation.reset(causation_token)
        _correlation.reset(correlation_token)


def accept_or_generate(candidate: str | None) -> str:
    """Keep a caller's id if it is safe to log and echo back; otherwise make a fresh one."""
    if candidate and _ACCEPTABLE.match(candidate):
        return candidate
    return str(uuid.uuid4())
