"""The placement saga's vocabulary: where it is, which step it waits on, and what it holds.

``Reservation`` and ``Authorization`` record what this saga actually obtained from the other
contexts, so a compensation undoes only that: no VoidPayment without an authorization received.
"""

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum


class SagaState(StrEnum):
    AWAITING_RESERVATION = "awaiting_reservation"
    AWAITING_PAYMENT = "awaiting_payment"
    CONFIRMED = "confirmed"
    SHIPPING = "shipping"  # shipped; waiting for the capture of the payment
    COMPLETED = "completed"  # shipped and paid; refunds may still follow
    REJECTED = "rejected"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        return self in (SagaState.REJECTED, SagaState.CANCELLED)


class SagaStep(StrEnum):
    """A request whose reply the saga waits for, with a deadline the sweeper watches."""

    RESERVE_STOCK = "reserve_stock"
    AUTHORIZE_PAYMENT = "authorize_payment"
    CAPTURE_PAYMENT = "capture_payment"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Reservation(StrEnum):
    NONE = "none"
    HELD = "held"
    RELEASED = "released"
    COMMITTED = "committed"
    EXPIRED = "expired"


class Authorization(StrEnum):
    NONE = "none"
    AUTHORIZED = "authorized"
    FAILED = "failed"
    VOIDED = "voided"
    CAPTURED = "captured"


@dataclass(frozen=True, slots=True)
class StepProgress:
    attempts: int = 0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class SagaPolicy:
    """How long each step may wait for its reply, and how many sends it gets before a person looks.

    Retries resend the same command: receivers key on the order id, so a resend never acts twice.
    """

    reserve_stock_timeout: timedelta = timedelta(minutes=2)
    authorize_payment_timeout: timedelta = timedelta(minutes=2)
    capture_payment_timeout: timedelta = timedelta(minutes=30)
    max_attempts: int = 3

    def timeout(self, step: SagaStep) -> timedelta:
        return {
            SagaStep.RESERVE_STOCK: self.reserve_stock_timeout,
            SagaStep.AUTHORIZE_PAYMENT: self.authorize_payment_timeout,
            SagaStep.CAPTURE_PAYMENT: self.capture_payment_timeout,
        }[step]
