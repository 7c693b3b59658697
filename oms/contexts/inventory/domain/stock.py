"""Stock of one SKU: what is on the shelf, what is held for orders, and the ledger of its movements."""

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from oms.contexts.inventory.domain import rules
from oms.contexts.inventory.domain.events import StockAdjusted, StockShipped
from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.ledger import SHIPMENT_REASON, StockMovement
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.validation import require_delta, require_quantity
from oms.shared_kernel.entity import AggregateRoot
from oms.shared_kernel.errors import InvalidValue


class StockItem(AggregateRoot[Sku]):
    """``reserved`` and ``available`` are computed at a moment, from the holds still live then.

    A repository may load only the holds of the orders a use case touches, and hand over what the
    other orders' live holds set aside as one sum, ``reserved_by_others``: a popular SKU can be held
    by thousands of orders, and reserving one more must not read them all. That sum is true for the
    moment it was loaded at, which is the one moment a use case works with.
    """

    def __init__(
        self,
        sku: Sku,
        *,
        on_hand: int = 0,
        holds: Iterable[Hold] = (),
        reserved_by_others: int = 0,
        version: int = 0,
    ) -> None:
        super().__init__(sku, version=version)
        if isinstance(on_hand, bool) or not isinstance(on_hand, int) or on_hand < 0:
            raise InvalidValue(f"Stock on hand of {sku} must be a whole number, at least zero.")
        if isinstance(reserved_by_others, bool) or not isinstance(reserved_by_others, int):
            raise InvalidValue(f"Stock of {sku} reserved by other orders must be a whole number.")
        if reserved_by_others < 0:
            raise InvalidValue(f"Stock of {sku} reserved by other orders cannot be negative.")
        self.on_hand = on_hand
        self.reserved_by_others = reserved_by_others
        self._holds = {hold.order_id: hold for hold in holds}
        self._new_movements: list[StockMovement] = []

    @property
    def sku(self) -> Sku:
        return self.id

    @property
    def holds(self) -> tuple[Hold, ...]:
        """Every loaded hold not yet released, shipped or expired, lapsed ones awaiting the sweeper too."""
        return tuple(self._holds.values())

    def held_for(self, order_id: OrderId) -> Hold | None:
        return self._holds.get(order_id)

    def reserved(self, now: datetime) -> int:
        return self.reserved_by_others + sum(h.quantity for h in self._holds.values() if h.is_live(now))

    def available(self, now: datetime) -> int:
        return self.on_hand - self.reserved(now)

    def adjust(
        self, *, delta: int, reason: str, actor: str, correlation_id: str, now: datetime
    ) -> StockMovement:
        """Restock, count correction, damage: any change of on-hand stock not caused by an order."""
        reserved = self.reserved(now)
        rules.stock_never_below_reserved(
            self.sku, on_hand_after=self.on_hand + require_delta(delta), reserved=reserved
        )
        movement = self._move(delta, reason=reason, actor=actor, correlation_id=correlation_id, now=now)
        self.record(
            StockAdjusted(
                sku=self.sku,
                delta=delta,
                on_hand=self.on_hand,
                available=self.on_hand - reserved,
                reason=movement.reason,
                actor=movement.actor,
                correlation_id=movement.correlation_id,
                occurred_at=now,
            )
        )
        return movement

    def hold(self, *, order_id: OrderId, quantity: int, expires_at: datetime, now: datetime) -> None:
        rules.order_holds_a_sku_once(self.sku, already_held=order_id in self._holds)
        rules.reserved_never_above_on_hand(
            self.sku, requested=require_quantity(quantity), available=self.available(now)
        )
        self._holds[order_id] = Hold(order_id, quantity, expires_at)

    def keep_hold(self, order_id: OrderId) -> None:
        """The order was paid for: hold its units until shipped or released, however long that takes."""
        hold = self._holds.get(order_id)
        if hold is not None:
            self._holds[order_id] = replace(hold, expires_at=None)

    def release_hold(self, order_id: OrderId) -> int:
        """Harmless when nothing is held: releasing twice must not free another order's units."""
        hold = self._holds.pop(order_id, None)
        return 0 if hold is None else hold.quantity

    def ship_hold(
        self, *, order_id: OrderId, actor: str, correlation_id: str, now: datetime
    ) -> StockMovement:
        """The held units leave the shelf: on-hand and reserved drop together, so available is unchanged."""
        hold = self._holds.get(order_id)
        rules.ships_only_live_holds(self.sku, held=hold is not None and hold.is_live(now))
        assert hold is not None  # narrowed by the rule above
        movement = self._move(
            -hold.quantity,
            reason=SHIPMENT_REASON,
            actor=actor,
            correlation_id=correlation_id,
            now=now,
            order_id=order_id,
        )
        del self._holds[order_id]
        self.record(
            StockShipped(
                sku=self.sku, order_id=order_id, quantity=hold.quantity, on_hand=self.on_hand, occurred_at=now
            )
        )
        return movement

    @property
    def pending_movements(self) -> tuple[StockMovement, ...]:
        return tuple(self._new_movements)

    def pull_movements(self) -> list[StockMovement]:
        """Hand over the new ledger entries once; the repository appends them with the stock level."""
        movements, self._new_movements = self._new_movements, []
        return movements

    def _move(
        self,
        delta: int,
        *,
        reason: str,
        actor: str,
        correlation_id: str,
        now: datetime,
        order_id: OrderId | None = None,
    ) -> StockMovement:
        # The entry is built (and validated) before on_hand changes, so a bad reason changes nothing.
        movement = StockMovement(
            sku=self.sku,
            delta=delta,
            on_hand_after=self.on_hand + delta,
            reason=reason,
            actor=actor,
            correlation_id=correlation_id,
            occurred_at=now,
            order_id=order_id,
        )
        self.on_hand = movement.on_hand_after
        self._new_movements.append(movement)
        return movement
