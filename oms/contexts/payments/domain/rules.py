"""The payment's business rules, each named after the invariant it protects.

Each raises BusinessRuleViolation (IllegalTransition for a move the status does not allow) with a
sentence a support agent could read; ``rule`` carries the function's name.
"""

from collections.abc import Sequence

from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.status import PaymentStatus
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition
from oms.shared_kernel.money import CurrencyMismatch, Money

_ALLOWED_FROM: dict[Operation, frozenset[PaymentStatus]] = {
    Operation.AUTHORIZE: frozenset({PaymentStatus.NONE}),
    Operation.CAPTURE: frozenset({PaymentStatus.AUTHORIZED}),
    Operation.VOID: frozenset({PaymentStatus.AUTHORIZED}),
    Operation.REFUND: frozenset({PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED}),
}
_DONE: dict[Operation, str] = {
    Operation.AUTHORIZE: "authorized",
    Operation.CAPTURE: "captured",
    Operation.VOID: "voided",
    Operation.REFUND: "refunded",
}


def status_allows(operation: Operation, status: PaymentStatus) -> None:
    if status not in _ALLOWED_FROM[operation]:
        raise IllegalTransition(f"A payment that is {status.described} cannot be {_DONE[operation]}.")


def authorized_once(earlier_requests: Sequence[LedgerEntry]) -> None:
    """A second authorization would put a second hold on the customer's card for the same order."""
    if earlier_requests:
        raise IllegalTransition("This payment's authorization was already requested; it is not asked twice.")


def one_capture_or_void_at_a_time(in_progress: Sequence[LedgerEntry]) -> None:
    """Capture and void settle the same authorization; both in flight could do both at the provider."""
    if in_progress:
        doing = "capture" if in_progress[0].operation is Operation.CAPTURE else "void"
        raise IllegalTransition(
            f"A {doing} of this payment is already in progress; wait for the provider's answer."
        )


def amount_is_positive_in_payment_currency(amount: Money, *, currency: str) -> None:
    if amount.currency != currency:
        raise CurrencyMismatch(f"This payment is in {currency}; an amount of {amount} cannot be used.")
    if not amount.is_positive:
        raise BusinessRuleViolation(
            f"An amount of {amount} cannot be paid or refunded: it must be more than nothing.",
            rule="amount_is_positive_in_payment_currency",
        )


def captures_never_exceed_authorization(amount: Money, *, authorized: Money) -> None:
    if amount > authorized:
        raise BusinessRuleViolation(
            f"Only {authorized} was authorized, so {amount} cannot be captured.",
            rule="captures_never_exceed_authorization",
        )


def refunds_never_exceed_captures(amount: Money, *, refundable: Money, in_progress: Money) -> None:
    """Refunds still awaiting the provider count too, so two at once cannot refund more than was paid."""
    available = refundable - in_progress
    if amount > available:
        pending = f", of which {in_progress} is already being refunded" if in_progress.is_positive else ""
        raise BusinessRuleViolation(
            f"Only {available} can still be refunded ({refundable} left to refund{pending}), "
            f"so a refund of {amount} is refused.",
            rule="refunds_never_exceed_captures",
        )
