"""What the placement saga asks other contexts to do, as plain values.

Domain-side on purpose: the application maps each to the receiving context's published command
(``inventory.ReserveStock.v1``...), so the saga's rules never depend on another context's contract.
Every command names the order; receivers key their idempotency on it, so a resend is harmless.
"""

from dataclasses import dataclass

from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.order import Order
from oms.contexts.orders.domain.saga_state import SagaStep
from oms.shared_kernel.ids import CustomerId
from oms.shared_kernel.money import Money


@dataclass(frozen=True, slots=True)
class StockLine:
    sku: str
    quantity: int


@dataclass(frozen=True, slots=True)
class ReserveStock:
    order_id: OrderId
    lines: tuple[StockLine, ...]


@dataclass(frozen=True, slots=True)
class ConfirmReservation:
    """The order is paid for: hold its stock until shipped instead of letting the reservation expire."""

    order_id: OrderId


@dataclass(frozen=True, slots=True)
class ReleaseReservation:
    order_id: OrderId


@dataclass(frozen=True, slots=True)
class CommitReservation:
    order_id: OrderId


@dataclass(frozen=True, slots=True)
class AuthorizePayment:
    order_id: OrderId
    customer_id: CustomerId
    amount: Money
    payment_token: str


@dataclass(frozen=True, slots=True)
class VoidPayment:
    order_id: OrderId


@dataclass(frozen=True, slots=True)
class CapturePayment:
    order_id: OrderId
    amount: Money


@dataclass(frozen=True, slots=True)
class RefundPayment:
    order_id: OrderId
    amount: Money
    reason: str


SagaCommand = (
    ReserveStock
    | ConfirmReservation
    | ReleaseReservation
    | CommitReservation
    | AuthorizePayment
    | VoidPayment
    | CapturePayment
    | RefundPayment
)


def command_for(step: SagaStep, order: Order, *, payment_token: str) -> SagaCommand:
    """The command that starts ``step``; the sweeper sends the very same one again on a retry."""
    if step is SagaStep.RESERVE_STOCK:
        return ReserveStock(order.id, tuple(StockLine(line.sku, line.quantity) for line in order.lines))
    if step is SagaStep.AUTHORIZE_PAYMENT:
        return AuthorizePayment(order.id, order.customer_id, order.total, payment_token)
    return CapturePayment(order.id, order.total)
