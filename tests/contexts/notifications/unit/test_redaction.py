"""Errors are described without the addresses they may carry: they are stored, shown and logged."""

import smtplib

from oms.contexts.notifications.infrastructure.redaction import describe, redact


def test_email_addresses_are_replaced_wherever_they_appear():
    assert redact("<ada.lovelace+shop@mail.example.co.uk>: no such user") == "<[email]>: no such user"


def test_an_error_is_described_by_its_kind_and_its_redacted_message_within_500_characters():
    refused = smtplib.SMTPSenderRefused(550, b"denied", "orders@mugs.example")

    assert describe(ConnectionRefusedError(111, "Connection refused")) == (
        "ConnectionRefusedError: [Errno 111] Connection refused"
    )
    assert "orders@mugs.example" not in describe(refused)
    assert describe(TimeoutError()) == "TimeoutError"
    assert len(describe(ValueError("x" * 2000))) == 500
