"""Where a notification goes, and how far its delivery has come."""

from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    IN_APP = "in_app"
    WEBHOOK = "webhook"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # stored, waiting for its first try
    SENDING = "sending"  # a worker holds it (a lease) and is trying now
    FAILED = "failed"  # the last try failed; another one is scheduled
    SENT = "sent"
    DEAD = "dead"  # no try is left: a person may resend it


class AttemptOutcome(StrEnum):
    SENT = "sent"
    FAILED = "failed"
