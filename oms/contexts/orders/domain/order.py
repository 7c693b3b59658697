"""The Order aggregate: what was bought, where it goes, and where it is in its life.

Transitions made on another context's reply (stock reserved, payment authorized) default their actor
to the system; people's commands (cancel, ship, deliver, refund) name who asked. Every accepted
change leaves a timeline entry (in ``lifecycle``) and a domain event; a refused one changes nothing.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TypedDict

from oms.contexts.orders.domain import events, rules
from oms.contexts.orders.domain.actions import (
    CANCELLABLE,
    REFUNDABLE_PAYMENT,
    SHIPPED_OR_DELIVERED,
    available_actions,
)
from oms.contexts.orders.domain.address import Address
from oms.contexts.orders.domain.identifiers import OrderId
from oms.contexts.orders.domain.lifecycle import Lifecycle
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.status import OrderStatus as _O
from oms.contexts.orders.domain.status import PaymentStatus as _P
from oms.contexts.orders.domain.timeline import SYSTEM_ACTOR, TimelineEntry
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.ids import CustomerId
from oms.shared_kernel.money import Money


class _EventHeader(TypedDict):
    order_id: OrderId
    customer_id: CustomerId
    occurred_at: datetime


class Order(AggregateRoot[OrderId]):
    """Built by ``place`` for a new order; the plain constructor only rehydrates a stored one."""

    def __init__(
        self,
        *,
        id: OrderId,
        customer_id: CustomerId,
        lines: Iterable[OrderLine],
        currency: str,
        shipping_address: Address,
        lifecycle: Lifecycle,
        refunded: Money | None = None,
        shipment: tuple[str, str] | None = None,
        external_reference: str | None = None,
        metadata: Mapping[str, str] | None = None,
        number: str = "",
        version: int = 0,
    ) -> None:
        super().__init__(id, version=version)
        self.number = number  # human-readable, from a sequence the application draws from
        self.customer_id = customer_id
        self.lines = tuple(lines)
        self.currency = currency
        self.shipping_address = shipping_address
        self.lifecycle = lifecycle
        self.refunded = refunded if refunded is not None else Money.zero(currency)
        self.shipment = shipment  # (carrier, tracking number) once shipped
        self.external_reference = external_reference
        self.metadata = dict(metadata or {})

    @classmethod
    def place(
        cls,
        *,
        order_id: OrderId,
        customer_id: CustomerId,
        lines: Iterable[OrderLine],
        currency: str,
        shipping_address: Address,
        at: datetime,
        actor: str,
        external_reference: str | None = None,
        metadata: Mapping[str, str] | None = None,
        number: str = "",
    ) -> "Order":
        basket = tuple(lines)
        Money.zero(currency)  # an unknown currency is refused before any line is compared to it
        rules.basket_size_within_limits(len(basket))
        rules.one_currency_per_order(basket, currency)
        rules.one_line_per_sku(basket)
        order = cls(
            id=order_id,
            customer_id=customer_id,
            lines=basket,
            currency=currency,
            shipping_address=shipping_address,
            lifecycle=Lifecycle.begin(actor=actor, at=at),
            external_reference=external_reference,
            metadata=metadata,
            number=number,
        )
        order.record(events.OrderPlaced(**order._about(at), lines=basket, total=order.total))
        return order

    @property
    def status(self) -> _O:
        return self.lifecycle.status

    @property
    def payment_status(self) -> _P:
        return self.lifecycle.payment_status

    @property
    def timeline(self) -> tuple[TimelineEntry, ...]:
        return self.lifecycle.timeline

    @property
    def status_reason(self) -> str:
        return self.lifecycle.status_reason

    @property
    def total(self) -> Money:
        return Money.total((line.line_total for line in self.lines), currency=self.currency)

    @property
    def refundable(self) -> Money:
        """What was captured and not yet refunded; nothing before the capture."""
        if self.payment_status not in REFUNDABLE_PAYMENT:
            return Money.zero(self.currency)
        return self.total - self.refunded

    def available_actions(self, roles: frozenset[str], is_owner: bool) -> list[str]:
        return available_actions(self.status, self.payment_status, roles=roles, is_owner=is_owner)

    def _about(self, at: datetime) -> _EventHeader:
        return {"order_id": self.id, "customer_id": self.customer_id, "occurred_at": at}

    # --- moves the placement saga makes on another context's reply ---

    def mark_awaiting_payment(self, *, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        self.lifecycle.change(
            _O.AWAITING_PAYMENT,
            action="moved to awaiting payment",
            reason="Stock reserved",
            actor=actor,
            at=at,
        )
        self.record(events.OrderAwaitingPayment(**self._about(at)))

    def confirm(self, *, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        reason = "Payment authorized"
        self.lifecycle.change(
            _O.CONFIRMED, _P.AUTHORIZED, action="confirmed", reason=reason, actor=actor, at=at
        )
        self.record(events.OrderConfirmed(**self._about(at), total=self.total))

    def reject_for_stock_shortage(self, *, reason: str, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        self.lifecycle.require(frozenset({_O.PENDING}), action="rejected for a stock shortage")
        self._reject(None, reason=reason, actor=actor, at=at)

    def reject_for_failed_payment(self, *, reason: str, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        self.lifecycle.require(frozenset({_O.AWAITING_PAYMENT}), action="rejected for a failed payment")
        self._reject(_P.FAILED, reason=reason, actor=actor, at=at)

    def reject_for_expired_reservation(self, *, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        reason = "The stock reservation expired before the payment was authorized"
        self._reject(None, reason=reason, actor=actor, at=at)

    def _reject(self, payment: _P | None, *, reason: str, actor: str, at: datetime) -> None:
        self.lifecycle.change(_O.REJECTED, payment, action="rejected", reason=reason, actor=actor, at=at)
        self.record(events.OrderRejected(**self._about(at), reason=reason))

    def mark_payment_captured(self, *, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        self.lifecycle.require(SHIPPED_OR_DELIVERED, action="charged")
        reason = "Payment captured"
        self.lifecycle.change(payment=_P.CAPTURED, action="charged", reason=reason, actor=actor, at=at)
        self.record(events.OrderPaymentCaptured(**self._about(at), amount=self.total))

    def void_late_authorization(self, *, at: datetime, actor: str = SYSTEM_ACTOR) -> None:
        self.lifecycle.require(
            frozenset({_O.REJECTED, _O.CANCELLED}), action="left with a late authorization"
        )
        reason = "A payment authorized after the order was closed was voided"
        self.lifecycle.change(payment=_P.VOIDED, action="voided", reason=reason, actor=actor, at=at)
        self.record(events.OrderPaymentVoided(**self._about(at)))

    # --- people's commands ---

    def cancel(self, *, reason: str, at: datetime, actor: str) -> None:
        self.lifecycle.require(CANCELLABLE, action="cancelled")
        voided = _P.VOIDED if self.payment_status is _P.AUTHORIZED else None
        self.lifecycle.change(_O.CANCELLED, voided, action="cancelled", reason=reason, actor=actor, at=at)
        self.record(events.OrderCancelled(**self._about(at), reason=reason))

    def ship(self, *, carrier: str, tracking_number: str, at: datetime, actor: str) -> None:
        self.lifecycle.require(frozenset({_O.CONFIRMED}), action="shipped")
        carrier, tracking_number = carrier.strip(), tracking_number.strip()
        rules.shipment_is_traceable(carrier, tracking_number)
        reason = f"Shipped with {carrier}, tracking number {tracking_number}"
        self.lifecycle.change(_O.SHIPPED, action="shipped", reason=reason, actor=actor, at=at)
        self.shipment = (carrier, tracking_number)
        self.record(events.OrderShipped(**self._about(at), carrier=carrier, tracking_number=tracking_number))

    def deliver(self, *, at: datetime, actor: str) -> None:
        self.lifecycle.change(_O.DELIVERED, action="delivered", reason="Delivered", actor=actor, at=at)
        self.record(events.OrderDelivered(**self._about(at)))

    def refund(self, *, amount: Money, reason: str, at: datetime, actor: str) -> None:
        """Partial refunds keep the status; the one that reaches the total refunds the order."""
        self.lifecycle.require(SHIPPED_OR_DELIVERED, action="refunded")
        rules.refund_is_positive(amount, self.currency)
        rules.refund_never_above_captured(amount, self.refundable)
        refunded = self.refunded + amount
        fully = refunded == self.total
        to, payment = (_O.REFUNDED, _P.REFUNDED) if fully else (None, _P.PARTIALLY_REFUNDED)
        why = f"Refunded {amount}: {reason}"
        self.lifecycle.change(to, payment, action="refunded", reason=why, actor=actor, at=at)
        self.refunded = refunded
        self.record(
            events.OrderRefunded(**self._about(at), amount=amount, refunded_total=refunded, fully=fully)
        )
