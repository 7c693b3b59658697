"""What the provider's answers did to a payment, in the past tense.

Events are recorded only when an answer is recorded, never on a request: a request is an intent,
and the saga waits for facts. ``occurred_at`` is the answer's time, handed in: the domain reads no
clock. ``idempotency_key`` names the request answered, so a consumer can tell refunds apart.
"""

from dataclasses import dataclass

from oms.contexts.payments.domain.entries import LedgerEntry, Operation
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.ledger import Ledger
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.events import DomainEvent
from oms.shared_kernel.money import Money


@dataclass(frozen=True, kw_only=True)
class PaymentEvent(DomainEvent):
    payment_id: PaymentId
    order_id: OrderId
    idempotency_key: str
    amount: Money


@dataclass(frozen=True, kw_only=True)
class PaymentSucceeded(PaymentEvent):
    provider_reference: str


@dataclass(frozen=True, kw_only=True)
class PaymentAuthorized(PaymentSucceeded):
    """``amount`` is now held on the customer's card."""


@dataclass(frozen=True, kw_only=True)
class PaymentCaptured(PaymentSucceeded):
    """``amount`` was taken; with a partial capture the rest of the hold is released."""


@dataclass(frozen=True, kw_only=True)
class PaymentVoided(PaymentSucceeded):
    """The hold of ``amount`` was released; nothing was taken."""


@dataclass(frozen=True, kw_only=True)
class PaymentRefunded(PaymentSucceeded):
    """``amount`` went back to the customer; ``total_refunded`` counts every refund so far."""

    total_refunded: Money
    fully_refunded: bool


@dataclass(frozen=True, kw_only=True)
class PaymentOperationFailed(PaymentEvent):
    kind: FailureKind
    reason: str


@dataclass(frozen=True, kw_only=True)
class PaymentFailed(PaymentOperationFailed):
    """The authorization failed: the payment is over and the order cannot be paid with it."""


@dataclass(frozen=True, kw_only=True)
class PaymentCaptureFailed(PaymentOperationFailed):
    """The money was not taken; the authorization still stands and the capture may be retried."""


@dataclass(frozen=True, kw_only=True)
class PaymentVoidFailed(PaymentOperationFailed):
    """The hold is still on the card; the void may be retried."""


@dataclass(frozen=True, kw_only=True)
class PaymentRefundFailed(PaymentOperationFailed):
    """Nothing went back to the customer; the amount is refundable again."""


_SUCCEEDED: dict[Operation, type[PaymentSucceeded]] = {
    Operation.AUTHORIZE: PaymentAuthorized,
    Operation.CAPTURE: PaymentCaptured,
    Operation.VOID: PaymentVoided,
}
_FAILED: dict[Operation, type[PaymentOperationFailed]] = {
    Operation.AUTHORIZE: PaymentFailed,
    Operation.CAPTURE: PaymentCaptureFailed,
    Operation.VOID: PaymentVoidFailed,
    Operation.REFUND: PaymentRefundFailed,
}


def success_event(
    answer: LedgerEntry, ledger: Ledger, *, payment_id: PaymentId, order_id: OrderId
) -> PaymentSucceeded:
    """``ledger`` already holds ``answer``: a refund reports the totals after itself."""
    key, reference = answer.idempotency_key, answer.provider_reference or ""
    if answer.operation is Operation.REFUND:
        refunded = ledger.succeeded_total(Operation.REFUND)
        return PaymentRefunded(
            payment_id=payment_id,
            order_id=order_id,
            idempotency_key=key,
            amount=answer.amount,
            provider_reference=reference,
            total_refunded=refunded,
            fully_refunded=refunded == ledger.succeeded_total(Operation.CAPTURE),
            occurred_at=answer.at,
        )
    return _SUCCEEDED[answer.operation](
        payment_id=payment_id,
        order_id=order_id,
        idempotency_key=key,
        amount=answer.amount,
        provider_reference=reference,
        occurred_at=answer.at,
    )


def failure_event(
    answer: LedgerEntry, *, payment_id: PaymentId, order_id: OrderId, kind: FailureKind
) -> PaymentOperationFailed:
    return _FAILED[answer.operation](
        payment_id=payment_id,
        order_id=order_id,
        idempotency_key=answer.idempotency_key,
        amount=answer.amount,
        kind=kind,
        reason=answer.reason,
        occurred_at=answer.at,
    )
