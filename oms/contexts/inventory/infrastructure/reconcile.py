"""Reconciliation: the stock-level counters are a cache of the ledger and the holds; check, and mend.

``on_hand`` must be the sum of the ledger's deltas, and ``reserved`` what the SKU's holds live at
``reserved_as_of`` (its last write) set aside. A hold whose order has no active reservation is an
orphan: it sets stock aside that nothing will ever ship or release. Mending takes each row's lock, in
SKU order as every writer does, recomputes from the truth, and writes the counters as of now.
"""

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from oms.contexts.inventory.domain.reservation_status import ReservationStatus
from oms.contexts.inventory.infrastructure.models import (
    ReservationRecord,
    StockHold,
    StockLevel,
    StockMovementRecord,
)
from oms.contexts.inventory.infrastructure.repositories.holds import exact_reserved


@dataclass(frozen=True)
class Drift:
    sku: str
    on_hand: int
    ledger: int
    reserved: int
    held: int

    def __str__(self) -> str:
        parts = (
            [f"on_hand {self.on_hand} but the ledger sums to {self.ledger}"]
            if self.on_hand != self.ledger
            else []
        )
        if self.reserved != self.held:
            parts.append(f"reserved {self.reserved} but its holds set aside {self.held}")
        return f"{self.sku}: {'; '.join(parts)}"


@dataclass(frozen=True)
class OrphanHold:
    sku: str
    order_id: uuid.UUID
    quantity: int

    def __str__(self) -> str:
        return f"{self.sku}: {self.quantity} held for order {self.order_id}, which has no active reservation"


@dataclass
class Report:
    drifts: list[Drift]
    orphans: list[OrphanHold]
    mended: list[str] = field(default_factory=list)
    unmendable: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.drifts or self.orphans)


def reconcile(*, now: datetime, fix: bool = False) -> Report:
    report = Report(find_drift(), find_orphan_holds())
    if fix:
        for sku in sorted({d.sku for d in report.drifts} | {o.sku for o in report.orphans}):
            problem = mend(sku, now=now)
            (report.unmendable if problem else report.mended).append(problem or sku)
    return report


def find_drift() -> list[Drift]:
    rows = StockLevel.objects.annotate(
        ledger=_ledger_sum(), held=exact_reserved(OuterRef("reserved_as_of"))
    ).order_by("sku")
    return [
        Drift(row.sku, row.on_hand, row.ledger, row.reserved, row.held)
        for row in rows
        if (row.on_hand, row.reserved) != (row.ledger, row.held)
    ]


def find_orphan_holds(*, sku: str | None = None) -> list[OrphanHold]:
    active = ReservationRecord.objects.filter(order_id=OuterRef("order_id"), status=ReservationStatus.ACTIVE)
    holds = StockHold.objects.filter(~Exists(active)).order_by("stock_id", "order_id")
    if sku is not None:
        holds = holds.filter(stock_id=sku)
    return [OrphanHold(hold.stock_id, hold.order_id, hold.quantity) for hold in holds]


def mend(sku: str, *, now: datetime) -> str | None:
    """Rewrite one SKU's counters from the truth; returns why not, when the truth itself is broken."""
    with transaction.atomic():
        level = StockLevel.objects.select_for_update().get(sku=sku)
        orphans = [orphan.order_id for orphan in find_orphan_holds(sku=sku)]
        StockHold.objects.filter(stock_id=sku, order_id__in=orphans).delete()
        truth = (
            StockLevel.objects.filter(sku=sku).annotate(ledger=_ledger_sum(), held=exact_reserved(now)).get()
        )
        if not 0 <= truth.held <= truth.ledger:
            transaction.set_rollback(True)
            return f"{sku}: the ledger sums to {truth.ledger} but live holds set aside {truth.held}"
        level.on_hand, level.reserved, level.reserved_as_of = truth.ledger, truth.held, now
        level.version += 1
        level.save(update_fields=["on_hand", "reserved", "reserved_as_of", "version"])
    return None


def _ledger_sum() -> Coalesce:
    movements = StockMovementRecord.objects.filter(sku=OuterRef("sku")).values("sku")
    return Coalesce(Subquery(movements.annotate(total=Sum("delta")).values("total")), 0)
