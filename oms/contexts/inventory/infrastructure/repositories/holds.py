"""Queries and writes over a SKU's holds, shared by the stock repository and reconciliation.

A stock level's ``reserved`` counts the holds live at ``reserved_as_of``, the moment of its last
write, and every write keeps it so under the row lock. What is reserved at another moment is then
that counter less the holds whose deadline fell in between (or plus, should the clock have gone
back): a range of the (sku, expires_at) index, nearly always empty on a busy SKU, instead of a sum
over every hold of the SKU. The exact sum remains, for reconciliation and as a fall-back.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import F, Func, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest

from oms.contexts.inventory.domain.hold import Hold
from oms.contexts.inventory.domain.ids import OrderId
from oms.contexts.inventory.infrastructure.models import StockHold


def live_at(moment: datetime | F) -> Q:
    """Holds still setting stock aside at ``moment`` (Hold.is_live, in SQL)."""
    return Q(expires_at__isnull=True) | Q(expires_at__gt=moment)


def exact_reserved(moment: datetime | F) -> Func:
    """An annotation for StockLevel rows: the units all their holds live at ``moment`` set aside."""
    return _sum(StockHold.objects.filter(live_at(moment), stock_id=OuterRef("sku")))


def reserved_now(now: datetime) -> Func:
    """An annotation for StockLevel rows: their counter brought forward (or back) to ``now``."""
    holds = StockHold.objects.filter(stock_id=OuterRef("sku"))
    lapsed = _sum(holds.filter(expires_at__gt=OuterRef("reserved_as_of"), expires_at__lte=now))
    revived = _sum(holds.filter(expires_at__gt=now, expires_at__lte=OuterRef("reserved_as_of")))
    return Greatest(F("reserved") - lapsed + revived, 0)


def between(sku: str, since: datetime, now: datetime) -> Q:
    """The holds of ``sku`` whose deadline separates the two moments, whichever comes first."""
    low, high = sorted((since, now))
    return Q(stock_id=sku, expires_at__gt=low, expires_at__lte=high)


def correction(holds: Iterable[StockHold], *, since: datetime, now: datetime) -> int:
    """What to add to a counter kept as of ``since`` to have it as of ``now``."""
    low, high = sorted((since, now))
    moved = sum(
        hold.quantity for hold in holds if hold.expires_at is not None and low < hold.expires_at <= high
    )
    return -moved if now >= since else moved


def sync_holds(sku: str, *, before: dict[OrderId, Hold], after: dict[OrderId, Hold]) -> None:
    """Write only what changed between the holds as loaded and as the aggregate left them."""
    gone = [order.value for order in before if order not in after]
    if gone:
        StockHold.objects.filter(stock_id=sku, order_id__in=gone).delete()
    StockHold.objects.bulk_create(
        [_record(sku, hold) for order, hold in after.items() if order not in before]
    )
    for order, hold in after.items():
        if order in before and before[order] != hold:
            StockHold.objects.filter(stock_id=sku, order_id=order.value).update(
                quantity=hold.quantity, expires_at=hold.expires_at
            )


def _sum(holds: QuerySet[StockHold]) -> Func:
    total = holds.values("stock_id").annotate(total=Sum("quantity")).values("total")
    return Coalesce(Subquery(total), 0)


def _record(sku: str, hold: Hold) -> StockHold:
    return StockHold(
        stock_id=sku, order_id=hold.order_id.value, quantity=hold.quantity, expires_at=hold.expires_at
    )
