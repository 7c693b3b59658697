"""Handlers of the commands the order-placement saga sends: reserve, confirm, release, commit.

Each ends by publishing the fact that states where the order's reservation now stands: the event
its change recorded or, when it changed nothing (the saga asked again, or asked late), the same fact
once more. An exact redelivery never gets this far: the inbox stops it. The saga's handlers are
guarded by its state, so hearing a fact twice is harmless, and a saga that asks always hears back.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from oms.contexts.inventory.application.messages import current_state, publish_events
from oms.contexts.inventory.application.ports import Clock, InventoryUnitOfWork
from oms.contexts.inventory.contracts import commands
from oms.contexts.inventory.domain import reserving
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.lines import ReservationLine
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import NotFound

Stock = dict[Sku, StockItem]
Step = Callable[[Reservation, Stock, datetime], None]
# Stock leaves the shelf on a command of the orders context, which names no person.
SHIPPING_ACTOR = "system:orders"


def reserve_stock(
    command: commands.ReserveStock, *, uow: InventoryUnitOfWork, clock: Clock, ttl: timedelta
) -> None:
    """All lines or none; an unknown or withdrawn SKU is short of everything asked for."""
    order_id = OrderId(command.order_id)
    lines = [ReservationLine(Sku(line.sku), line.quantity) for line in command.lines]
    with uow:
        now = clock.now()
        stock = uow.stock.get_many_for_update({line.sku for line in lines}, now=now, order_id=order_id)
        previous = uow.reservations.get(order_id)
        on_sale = _on_sale(uow, stock)
        reservation = reserving.reserve_stock(
            order_id=order_id, lines=lines, stock=on_sale, now=now, ttl=ttl, previous=previous
        )
        if previous is None:
            uow.reservations.add(reservation)
        if previous is None and reservation.status is ReservationStatus.ACTIVE:
            _save_stock(uow, reservation, stock)
        _answer(uow, reservation, stock, now)
        uow.commit()


def confirm_reservation(
    command: commands.ConfirmReservation, *, uow: InventoryUnitOfWork, clock: Clock
) -> None:
    def confirm(reservation: Reservation, stock: Stock, now: datetime) -> None:
        reservation.confirm(stock, now=now)

    _transition(OrderId(command.order_id), _unless_lapsed(confirm), uow=uow, clock=clock)


def release_reservation(
    command: commands.ReleaseReservation, *, uow: InventoryUnitOfWork, clock: Clock
) -> None:
    def release(reservation: Reservation, stock: Stock, now: datetime) -> None:
        reservation.release(stock, now=now)

    _transition(OrderId(command.order_id), release, uow=uow, clock=clock)


def commit_reservation(
    command: commands.CommitReservation, *, uow: InventoryUnitOfWork, clock: Clock, correlation_id: str
) -> None:
    """The order shipped: on-hand and reserved stock drop together, with a ledger entry per SKU."""

    def commit(reservation: Reservation, stock: Stock, now: datetime) -> None:
        reservation.commit(stock, actor=SHIPPING_ACTOR, correlation_id=correlation_id, now=now)

    _transition(OrderId(command.order_id), _unless_lapsed(commit), uow=uow, clock=clock)


def _transition(order_id: OrderId, step: Step, *, uow: InventoryUnitOfWork, clock: Clock) -> None:
    with uow:
        now = clock.now()
        reservation = uow.reservations.get_for_update(order_id)
        if reservation is None:
            # Raised, so the bus retries: a command overtaking the reservation finds it on a later try.
            raise NotFound(f"Inventory holds no reservation for order {order_id}.")
        stock: Stock = {}
        if reservation.status is ReservationStatus.ACTIVE:
            stock = uow.stock.get_many_for_update(_skus(reservation), now=now, order_id=order_id)
            step(reservation, stock, now)
        if reservation.pending_events:
            uow.reservations.save(reservation)
            _save_stock(uow, reservation, stock)
        _answer(uow, reservation, stock, now)
        uow.commit()


def _unless_lapsed(step: Step) -> Step:
    """A reservation past its deadline is expired on the spot, so the saga hears it now."""

    def guarded(reservation: Reservation, stock: Stock, now: datetime) -> None:
        if reservation.status_at(now) is ReservationStatus.EXPIRED:
            reservation.expire(stock, now=now)
        else:
            step(reservation, stock, now)

    return guarded


def _on_sale(uow: InventoryUnitOfWork, stock: Stock) -> Stock:
    """Stock of withdrawn products is left out, so reserving sees none available."""
    products = uow.products.get_many(stock)
    return {sku: item for sku, item in stock.items() if sku in products and products[sku].active}


def _skus(reservation: Reservation) -> set[Sku]:
    return {line.sku for line in reservation.lines}


def _save_stock(uow: InventoryUnitOfWork, reservation: Reservation, stock: Stock) -> None:
    for sku in sorted(_skus(reservation) & stock.keys()):
        uow.stock.save(stock[sku])


def _answer(uow: InventoryUnitOfWork, reservation: Reservation, stock: Stock, now: datetime) -> None:
    if not publish_events(uow, [reservation, *stock.values()]):
        message, aggregate_id = current_state(reservation, now)
        uow.publish(message, aggregate_id=aggregate_id)
