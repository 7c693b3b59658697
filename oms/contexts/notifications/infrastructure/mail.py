"""E-mail through Django's backends (SMTP in production, console embedded), one connection reused.

Most of an SMTP message's cost is the connection: TCP, greeting, EHLO, STARTTLS, AUTH. A worker keeps
its connection (one per thread) for the next message while it is fresh and the settings are the
same, and opens a new one when the server dropped it while idle. A dropped connection fails at the
first command of the next message, before the server accepted anything, so sending that message
again on a new connection cannot deliver it twice. Backends without connections take the same path.
"""

import logging
import smtplib
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from oms.contexts.notifications.infrastructure.config import email_keepalive, email_timeout

logger = logging.getLogger(__name__)
IDENTITY = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_USE_TLS", "EMAIL_USE_SSL")


@dataclass
class _Held:
    key: tuple[object, ...]
    connection: BaseEmailBackend
    used_at: float


class MailSender:
    def __init__(self, *, reuse: bool = True) -> None:
        self.reuse = reuse
        self._local = threading.local()

    def send(self, message: EmailMessage) -> None:
        if not self.reuse:
            with get_connection(fail_silently=False, timeout=email_timeout()) as connection:
                connection.send_messages([message])
            return
        held, fresh = self._held()
        try:
            held.connection.send_messages([message])
        except smtplib.SMTPServerDisconnected:
            self.close()
            if fresh:
                raise
            logger.info("the SMTP server dropped the idle connection; sending on a new one")
            held, _ = self._held()
            held.connection.send_messages([message])
        except BaseException:
            self.close()  # the connection's state is unknown after an error: never reuse it
            raise
        held.used_at = time.monotonic()

    def close(self) -> None:
        held: _Held | None = getattr(self._local, "held", None)
        self._local.held = None
        if held is not None:
            with suppress(Exception):  # closing a dead connection may fail; it is gone either way
                held.connection.close()

    def _held(self) -> tuple[_Held, bool]:
        key = tuple(getattr(settings, name, None) for name in IDENTITY)
        held: _Held | None = getattr(self._local, "held", None)
        if held is not None and held.key == key and time.monotonic() - held.used_at < email_keepalive():
            return held, False
        self.close()
        connection = get_connection(fail_silently=False, timeout=email_timeout())
        connection.open()
        self._local.held = _Held(key, connection, time.monotonic())
        return self._local.held, True
