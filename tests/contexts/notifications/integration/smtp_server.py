"""A real SMTP server on loopback (aiosmtpd) that keeps every message it accepts, for the e-mail tests."""

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage


@dataclass(frozen=True)
class Received:
    peer: tuple[str, int]  # the client's end of the connection: one per SMTP connection
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """An aiosmtpd handler. ``refusals``: replies given, in turn, to the next recipients offered;
    ``data_refusals``: to the next messages' contents."""

    received: list[Received] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    data_refusals: list[str] = field(default_factory=list)
    port: int = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusals:
            return self.refusals.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_refusals:
            return self.data_refusals.pop(0)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(session.peer, envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"

    def connections(self) -> int:
        return len({mail.peer for mail in self.received})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(mailbox: Mailbox) -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller

    mailbox.port = mailbox.port or free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()
