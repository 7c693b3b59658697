"""The sweeper: reservations past their deadline give their stock back and say so.

Availability already ignored a lapsed hold from its deadline on; the sweep tidies the holds away
and publishes ReservationExpired, which is how the saga learns that an unpaid order lost its stock.
"""

import logging
from datetime import datetime

from oms.contexts.inventory.application.messages import publish_events
from oms.contexts.inventory.application.ports import InventoryUnitOfWork
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.shared_kernel.errors import DomainError

logger = logging.getLogger(__name__)


def expire_reservations(*, uow: InventoryUnitOfWork, now: datetime, limit: int) -> int:
    """Expire up to ``limit`` lapsed reservations, oldest first, one transaction each; returns how many."""
    with uow:
        lapsed = list(uow.reservations.lapsed(now, limit=limit))
    expired = 0
    for order_id in lapsed:
        try:
            expired += expire_reservation(order_id, uow=uow, now=now)
        except DomainError:
            # One broken reservation must not stop the sweep: it is logged and retried next time.
            logger.exception("could not expire the reservation of order %s", order_id)
    return expired


def expire_reservation(order_id: OrderId, *, uow: InventoryUnitOfWork, now: datetime) -> bool:
    """False when another sweep, or the saga, got there first: the reservation no longer lapses."""
    with uow:
        reservation = uow.reservations.get_for_update(order_id)
        if reservation is None or reservation.status is not ReservationStatus.ACTIVE:
            return False
        if reservation.status_at(now) is not ReservationStatus.EXPIRED:
            return False
        skus = {line.sku for line in reservation.lines}
        stock = uow.stock.get_many_for_update(skus, now=now, order_id=order_id)
        reservation.expire(stock, now=now)
        uow.reservations.save(reservation)
        for sku in sorted(skus & stock.keys()):
            uow.stock.save(stock[sku])
        publish_events(uow, [reservation, *stock.values()])
        uow.commit()
    return True
