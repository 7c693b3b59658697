"""Stock items to and from ``inventory_stock_level``, their holds and the ledger.

A write locks the SKUs' rows in SKU order (so two baskets sharing SKUs never deadlock), then reads
the holds in a second statement: under READ COMMITTED that statement sees every hold committed
before the locks were granted. Only the holds of the order at hand are loaded; what the other
orders' live holds set aside comes from the counter, brought to the moment of the use case.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q, Sum
from django.utils import timezone

from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.domain.ledger import StockMovement
from oms.contexts.inventory.domain.sku import Sku
from oms.contexts.inventory.domain.stock import StockItem
from oms.contexts.inventory.infrastructure.models import StockHold, StockLevel, StockMovementRecord
from oms.contexts.inventory.infrastructure.repositories import ConcurrentUpdate
from oms.contexts.inventory.infrastructure.repositories.holds import (
    between,
    correction,
    live_at,
    reserved_now,
    sync_holds,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Loaded:
    """What a locked item was read at, and with which holds, so that saving writes only the change."""

    now: datetime
    holds: dict[OrderId, Hold]


class DjangoStockRepository:
    def __init__(self) -> None:
        self._loaded: dict[Sku, _Loaded] = {}

    def get_many(self, skus: Iterable[Sku], *, now: datetime) -> dict[Sku, StockItem]:
        # One statement, one snapshot: the counter and the holds it is corrected by cannot disagree.
        rows = StockLevel.objects.filter(sku__in=_codes(skus)).annotate(live=reserved_now(now))
        return {Sku(row.sku): _item(row, reserved_by_others=row.live) for row in rows}

    def get_many_for_update(
        self, skus: Iterable[Sku], *, now: datetime, order_id: OrderId | None = None
    ) -> dict[Sku, StockItem]:
        codes = _codes(skus)
        rows = list(StockLevel.objects.select_for_update().filter(sku__in=codes).order_by("sku"))
        wanted = Q(stock_id__in=codes, order_id=order_id.value) if order_id else Q(pk__in=[])
        for row in rows:
            wanted |= between(row.sku, row.reserved_as_of, now)
        holds = list(StockHold.objects.filter(wanted)) if rows else []
        return {
            Sku(row.sku): self._locked(row, [h for h in holds if h.stock_id == row.sku], now, order_id)
            for row in rows
        }

    def add(self, item: StockItem) -> None:
        now = timezone.now()
        StockLevel.objects.create(
            sku=str(item.sku),
            on_hand=item.on_hand,
            reserved=item.reserved(now),
            reserved_as_of=now,
            version=item.version,
        )
        holds = {hold.order_id: hold for hold in item.holds}
        sync_holds(str(item.sku), before={}, after=holds)
        StockMovementRecord.objects.bulk_create([_movement(m) for m in item.pull_movements()])
        self._loaded[item.sku] = _Loaded(now, holds)

    def save(self, item: StockItem) -> None:
        loaded = self._loaded.get(item.sku)
        if loaded is None:
            raise RuntimeError(f"stock of {item.sku} is saved without having been read for update")
        changed = StockLevel.objects.filter(sku=str(item.sku), version=item.version).update(
            on_hand=item.on_hand,
            reserved=item.reserved(loaded.now),
            reserved_as_of=loaded.now,
            version=F("version") + 1,
            updated_at=timezone.now(),
        )
        if changed != 1:
            raise ConcurrentUpdate(f"Stock of {item.sku}")
        holds = {hold.order_id: hold for hold in item.holds}
        sync_holds(str(item.sku), before=loaded.holds, after=holds)
        StockMovementRecord.objects.bulk_create([_movement(m) for m in item.pull_movements()])
        item.version += 1
        self._loaded[item.sku] = _Loaded(loaded.now, holds)

    def _locked(
        self, row: StockLevel, holds: list[StockHold], now: datetime, order_id: OrderId | None
    ) -> StockItem:
        own = _own_holds(holds, order_id)
        live = row.reserved + correction(holds, since=row.reserved_as_of, now=now)
        others = live - sum(hold.quantity for hold in own.values() if hold.is_live(now))
        if others < 0:
            logger.warning(
                "the reserved counter of %s disagrees with its holds; run reconcile_inventory", row.sku
            )
            others = _others_exactly(row.sku, now, order_id)
        self._loaded[Sku(row.sku)] = _Loaded(now, own)
        return _item(row, holds=own.values(), reserved_by_others=others)


def _own_holds(holds: list[StockHold], order_id: OrderId | None) -> dict[OrderId, Hold]:
    """At most one per SKU: an order holds a SKU once."""
    if order_id is None:
        return {}
    mine = [
        Hold(order_id, hold.quantity, hold.expires_at) for hold in holds if hold.order_id == order_id.value
    ]
    return {hold.order_id: hold for hold in mine}


def _codes(skus: Iterable[Sku]) -> list[str]:
    return sorted({str(sku) for sku in skus})


def _others_exactly(sku: str, now: datetime, order_id: OrderId | None) -> int:
    holds = StockHold.objects.filter(live_at(now), stock_id=sku)
    if order_id is not None:
        holds = holds.exclude(order_id=order_id.value)
    return int(holds.aggregate(total=Sum("quantity"))["total"] or 0)


def _item(row: StockLevel, *, holds: Iterable[Hold] = (), reserved_by_others: int) -> StockItem:
    return StockItem(
        Sku(row.sku),
        on_hand=row.on_hand,
        holds=holds,
        reserved_by_others=reserved_by_others,
        version=row.version,
    )


def _movement(movement: StockMovement) -> StockMovementRecord:
    return StockMovementRecord(
        sku=str(movement.sku),
        delta=movement.delta,
        on_hand_after=movement.on_hand_after,
        reason=movement.reason,
        actor=movement.actor,
        correlation_id=movement.correlation_id,
        order_id=None if movement.order_id is None else movement.order_id.value,
        occurred_at=movement.occurred_at,
    )
