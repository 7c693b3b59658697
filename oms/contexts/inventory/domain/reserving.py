"""Reserving stock for an order: every line or none, across the several StockItems it touches.

A domain service rather than a method, because no single aggregate holds all the lines' stock. The
caller loads (and locks, in SKU order) the StockItems of the order's SKUs in one transaction.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from oms.contexts.inventory.domain import rules
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine, Shortage, sum_lines
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.contexts.inventory.domain.validation import require_aware
from oms.shared_kernel.errors import InvalidValue


def find_shortages(
    lines: Iterable[ReservationLine], stock: Mapping[Sku, StockItem], *, now: datetime
) -> tuple[Shortage, ...]:
    """Every SKU the lines want more of than is available now; a SKU with no stock record has none."""
    shortages = []
    for line in sum_lines(lines):
        available = stock[line.sku].available(now) if line.sku in stock else 0
        if line.quantity > available:
            shortages.append(Shortage(line.sku, line.quantity, available))
    return tuple(shortages)


def reserve_stock(
    *,
    order_id: OrderId,
    lines: Iterable[ReservationLine],
    stock: Mapping[Sku, StockItem],
    now: datetime,
    ttl: timedelta,
    previous: Reservation | None = None,
) -> Reservation:
    """Hold every line until ``now + ttl``, or hold nothing and name each short SKU.

    ``previous`` is the order's reservation if it has one: a retried command gets the same answer
    back and holds nothing twice. The result is ACTIVE (StockReserved recorded) or REJECTED
    (StockReservationFailed recorded, ``shortages`` filled, no StockItem touched).
    """
    if previous is not None:
        return _same_answer(previous, order_id)
    summed = sum_lines(lines)
    rules.reservation_needs_lines(len(summed))
    expires_at = require_aware(now) + _positive(ttl)
    shortages = find_shortages(summed, stock, now=now)
    if shortages:
        return Reservation.refuse(order_id, summed, shortages, now)
    for line in summed:
        stock[line.sku].hold(order_id=order_id, quantity=line.quantity, expires_at=expires_at, now=now)
    return Reservation.open(order_id, summed, expires_at, now)


def _same_answer(previous: Reservation, order_id: OrderId) -> Reservation:
    if previous.order_id != order_id:
        raise InvalidValue(f"The reservation of order {previous.order_id} was given for order {order_id}.")
    return previous


def _positive(ttl: timedelta) -> timedelta:
    if ttl <= timedelta(0):
        raise InvalidValue(f"A reservation must be held for some time, not {ttl}.")
    return ttl
