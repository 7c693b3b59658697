"""Random runs of adjust / reserve / confirm / release / commit / expire, with time moving on.

After every step: 0 <= reserved <= on_hand for every SKU, reserved is exactly what live reservations
hold, the holds on the shelves are exactly the active reservations' lines, and on_hand is the sum
of the ledger. Each step checks its own promise (a refused change, or a failed reservation, changes
nothing; a retried reservation holds nothing twice).
"""

import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta

from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, precondition, rule

from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.ledger import StockMovement
from oms.contexts.inventory.domain.lines import ReservationLine
from oms.contexts.inventory.domain.reservation import Reservation
from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.domain.reserving import reserve_stock
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.shared_kernel.errors import BusinessRuleViolation, IllegalTransition

SKUS = [Sku("MUG"), Sku("CUP"), Sku("PEN")]
ORDERS = [OrderId(uuid.UUID(int=number)) for number in range(1, 7)]
TTL = timedelta(minutes=15)
lines_of_an_order = st.lists(
    st.builds(ReservationLine, st.sampled_from(SKUS), st.integers(1, 4)), min_size=1, max_size=3
)


class StockLifecycle(RuleBasedStateMachine):
    orders = Bundle("orders")

    def __init__(self) -> None:
        super().__init__()
        self.now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        self.stock = {sku: StockItem(sku) for sku in SKUS}
        self.reservations: dict[OrderId, Reservation] = {}
        self.ledger: list[StockMovement] = []

    def levels(self) -> dict[Sku, tuple[int, int, frozenset[object]]]:
        return {
            sku: (item.on_hand, item.reserved(self.now), frozenset(item.holds))
            for sku, item in self.stock.items()
        }

    def deadlines_ahead(self) -> list[datetime]:
        return [
            r.expires_at
            for r in self.reservations.values()
            if r.holds_stock(self.now) and r.expires_at is not None
        ]

    def keep_ledger(self) -> None:
        for item in self.stock.values():
            self.ledger.extend(item.pull_movements())

    @initialize(opening=st.lists(st.integers(1, 12), min_size=len(SKUS), max_size=len(SKUS)))
    def open_the_shelves(self, opening: list[int]) -> None:
        for sku, units in zip(SKUS, opening, strict=True):
            self.stock[sku].adjust(
                delta=units, reason="opening", actor="user:wh", correlation_id="req", now=self.now
            )
        self.keep_ledger()

    @rule(sku=st.sampled_from(SKUS), delta=st.integers(-10, 10).filter(bool))
    def adjust(self, sku: Sku, delta: int) -> None:
        item, before = self.stock[sku], self.levels()
        allowed = item.on_hand + delta >= item.reserved(self.now)
        try:
            item.adjust(delta=delta, reason="count", actor="user:wh", correlation_id="req", now=self.now)
        except BusinessRuleViolation:
            assert not allowed
            assert self.levels() == before
        else:
            assert allowed
        self.keep_ledger()

    @rule(target=orders, order=st.sampled_from(ORDERS), lines=lines_of_an_order)
    def reserve(self, order: OrderId, lines: list[ReservationLine]) -> OrderId:
        before, previous = self.levels(), self.reservations.get(order)
        available = {sku: item.available(self.now) for sku, item in self.stock.items()}
        reservation = reserve_stock(
            order_id=order, lines=lines, stock=self.stock, now=self.now, ttl=TTL, previous=previous
        )
        wanted = Counter[Sku]()
        for line in lines:
            wanted[line.sku] += line.quantity
        if previous is not None:
            assert reservation is previous
        else:
            fits = all(wanted[sku] <= available[sku] for sku in wanted)
            assert reservation.status is (ReservationStatus.ACTIVE if fits else ReservationStatus.REJECTED)
            assert {s.sku: (s.requested, s.available) for s in reservation.shortages} == {
                sku: (wanted[sku], available[sku]) for sku in wanted if wanted[sku] > available[sku]
            }
        if reservation.status is not ReservationStatus.ACTIVE or previous is not None:
            assert self.levels() == before
        self.reservations[order] = reservation
        return order

    @rule(order=orders)
    def confirm(self, order: OrderId) -> None:
        reservation = self.reservations[order]
        may_confirm = reservation.holds_stock(self.now)
        try:
            reservation.confirm(self.stock, now=self.now)
        except IllegalTransition:
            assert not may_confirm
        else:
            assert may_confirm
            assert reservation.confirmed

    @rule(order=orders)
    def release(self, order: OrderId) -> None:
        reservation = self.reservations[order]
        was = reservation.status
        reservation.release(self.stock, now=self.now)
        assert reservation.status is (ReservationStatus.RELEASED if was is ReservationStatus.ACTIVE else was)

    @rule(order=orders)
    def commit(self, order: OrderId) -> None:
        reservation, before = self.reservations[order], self.levels()
        may_ship = reservation.holds_stock(self.now) or reservation.status is ReservationStatus.COMMITTED
        try:
            reservation.commit(self.stock, actor="user:wh", correlation_id="req", now=self.now)
        except IllegalTransition:
            assert not may_ship
            assert self.levels() == before
        else:
            assert may_ship
            assert reservation.status is ReservationStatus.COMMITTED
        self.keep_ledger()

    @rule()
    def sweep(self) -> None:
        for reservation in self.reservations.values():
            lapsed = reservation.status_at(self.now) is ReservationStatus.EXPIRED
            reservation.expire(self.stock, now=self.now)
            assert (reservation.status is ReservationStatus.EXPIRED) is lapsed

    @rule(minutes=st.integers(0, 20))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @precondition(lambda self: self.deadlines_ahead())
    @rule()
    def a_deadline_arrives(self) -> None:
        # Exactly on the deadline is where "<" and "<=" part ways: visit it on purpose.
        self.now = min(self.deadlines_ahead())

    @invariant()
    def reserved_is_never_negative_nor_above_on_hand(self) -> None:
        for item in self.stock.values():
            assert 0 <= item.reserved(self.now) <= item.on_hand

    @invariant()
    def reserved_is_what_live_reservations_hold(self) -> None:
        live = [r for r in self.reservations.values() if r.holds_stock(self.now)]
        for sku, item in self.stock.items():
            assert item.reserved(self.now) == sum(r.quantity_of(sku) for r in live)

    @invariant()
    def the_shelves_hold_exactly_the_active_reservations_lines(self) -> None:
        active = [r for r in self.reservations.values() if r.status is ReservationStatus.ACTIVE]
        expected = {(line.sku, r.order_id, line.quantity) for r in active for line in r.lines}
        held = {
            (sku, hold.order_id, hold.quantity) for sku, item in self.stock.items() for hold in item.holds
        }
        assert held == expected

    @invariant()
    def on_hand_is_the_sum_of_the_ledger(self) -> None:
        for sku, item in self.stock.items():
            assert item.on_hand == sum(m.delta for m in self.ledger if m.sku == sku)
            assert item.pending_movements == ()


TestStockLifecycle = StockLifecycle.TestCase
