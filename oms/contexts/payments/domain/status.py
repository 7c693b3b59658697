"""A payment's status, derived from its ledger and never stored on its own.

``none → authorized → captured → partially_refunded → refunded``, ``authorized → voided``, and
``→ failed`` when the authorization fails. A failed capture, void or refund leaves the status as
it was: the authorization (or the captured money) is still there, and the step may be retried.
"""

from enum import StrEnum

from oms.contexts.payments.domain.entries import EntryType, Operation
from oms.contexts.payments.domain.ledger import Ledger
from oms.shared_kernel.money import Money


class PaymentStatus(StrEnum):
    NONE = "none"
    AUTHORIZED = "authorized"
    CAPTURED = "captured"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"
    VOIDED = "voided"
    FAILED = "failed"

    @property
    def described(self) -> str:
        """How a support agent would say it: "a payment that is not authorized yet"."""
        return "not authorized yet" if self is PaymentStatus.NONE else self.value.replace("_", " ")


def derive_status(ledger: Ledger) -> PaymentStatus:
    if ledger.answers(Operation.AUTHORIZE, EntryType.FAILURE):
        return PaymentStatus.FAILED
    if not ledger.answers(Operation.AUTHORIZE, EntryType.SUCCESS):
        return PaymentStatus.NONE
    if ledger.answers(Operation.VOID, EntryType.SUCCESS):
        return PaymentStatus.VOIDED
    return _status_of_money(
        ledger.succeeded_total(Operation.CAPTURE), ledger.succeeded_total(Operation.REFUND)
    )


def _status_of_money(captured: Money, refunded: Money) -> PaymentStatus:
    if captured.is_zero:
        return PaymentStatus.AUTHORIZED
    if refunded.is_zero:
        return PaymentStatus.CAPTURED
    return PaymentStatus.PARTIALLY_REFUNDED if refunded < captured else PaymentStatus.REFUNDED
