"""The sales report's adapters: the orders of a period from the database, and the nightly files.

The report itself is the application's pure function (``application.reporting``): rows in, bytes out.
Here the rows are read in keyset-paged batches (two queries per thousand orders, memory flat), and
the nightly task stores yesterday's CSV and chart (``report_chart``) through Django's storage API.
"""

import logging
from collections import defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages
from django.db.models import Q, QuerySet
from django.utils import timezone

from oms.contexts.orders.application.reporting import (
    CsvRenderer,
    OrderFacts,
    Period,
    ReportRenderer,
    SoldLine,
    summarize,
)
from oms.contexts.orders.infrastructure import report_chart
from oms.contexts.orders.infrastructure.models import OrderLineRecord, OrderRecord

logger = logging.getLogger(__name__)
FOLDER = "reports/sales"
_COLUMNS = ("id", "created_at", "status", "payment_status", "currency", "total_amount", "refunded_amount")


def _placed_in(period: Period) -> "QuerySet[OrderRecord]":
    start = datetime.combine(period.first, time.min, tzinfo=UTC)
    end = datetime.combine(period.last + timedelta(days=1), time.min, tzinfo=UTC)
    return OrderRecord.objects.filter(created_at__gte=start, created_at__lt=end)


class DjangoSalesFacts:
    def __init__(self, batch: int = 1000) -> None:
        self.batch = batch

    def count(self, period: Period) -> int:
        return _placed_in(period).count()

    def orders(self, period: Period) -> Iterator[OrderFacts]:
        """Oldest first, a batch at a time, each batch's lines in one more query."""
        records = _placed_in(period).order_by("created_at", "id").values_list(*_COLUMNS)
        page = list(records[: self.batch])
        while page:
            lines = defaultdict(list)
            rows = OrderLineRecord.objects.filter(order_id__in=[row[0] for row in page])
            for order_id, sku, quantity, total in rows.values_list(
                "order_id", "sku", "quantity", "line_total"
            ):
                lines[order_id].append(SoldLine(sku, quantity, total))
            for order_id, placed, status, payment, currency, total, refunded in page:
                day = placed.astimezone(UTC).date()
                yield OrderFacts(day, status, payment, currency, total, refunded, tuple(lines[order_id]))
            last_at, last_id = page[-1][1], page[-1][0]
            after = Q(created_at__gt=last_at) | Q(created_at=last_at, id__gt=last_id)
            page = list(records.filter(after)[: self.batch])


RENDERERS: dict[str, ReportRenderer] = {"csv": CsvRenderer(), "png": report_chart.PngRenderer()}


def report_storage() -> Storage:
    """``STORAGES["reports"]`` when configured, else the default storage.

    The default storage holds the product images, which are public: sales figures belong elsewhere.
    """
    return storages["reports"] if "reports" in settings.STORAGES else default_storage


def store(name: str, data: bytes) -> str:
    """A second run of the same day replaces its files."""
    storage = report_storage()
    if storage.exists(name):
        storage.delete(name)
    return storage.save(name, ContentFile(data))


def store_daily_report(day: date | None = None) -> list[str]:
    """The CSV and the chart of ``day`` (default: yesterday, UTC), as reports/sales/<day>.csv and .png.

    Without the charts extra, the CSV alone.
    """
    day = day or timezone.now().date() - timedelta(days=1)
    period = Period(day, day)
    report = summarize(period, DjangoSalesFacts().orders(period))
    renderers = [r for f, r in RENDERERS.items() if f != "png" or report_chart.charts_installed()]
    names = [store(f"{FOLDER}/{day}.{r.extension}", r.render(report)) for r in renderers]
    logger.info("sales report of %s: %d orders, stored as %s", day, report.orders, ", ".join(names))
    return names
