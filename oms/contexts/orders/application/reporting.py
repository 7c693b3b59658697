"""The sales report of a period: the orders placed in it, summed and rendered. Rows in, bytes out.

Pure: no database, no clock, no files, so the same function can run in a worker, a command, or a
serverless job fed an export. An order counts on the day it was placed (UTC), with what became of it
since: revenue is what was captured less what was refunded, per currency (never converted); the top
products count the lines of orders whose payment is held or taken and not refunded in full, at their
booked line totals (a partial refund belongs to the order, not to a line).
"""

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol

from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.money import Money

_P = PaymentStatus
CAPTURED = frozenset({_P.CAPTURED, _P.PARTIALLY_REFUNDED, _P.REFUNDED})
SOLD = frozenset({_P.AUTHORIZED, _P.CAPTURED, _P.PARTIALLY_REFUNDED})
TOP = 10


class InvalidPeriod(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Period:
    """From ``first`` to ``last``, both days included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise InvalidPeriod(f"The period ends ({self.last}) before it starts ({self.first}).")

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last

    def __str__(self) -> str:
        return f"{self.first}/{self.last}"  # ISO 8601's notation of an interval


@dataclass(frozen=True, slots=True)
class SoldLine:
    sku: str
    quantity: int
    line_total: Decimal


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """One order as the report needs it: when it was placed, where it is, its money and its lines."""

    placed_on: date
    status: str
    payment_status: str
    currency: str
    total: Decimal
    refunded: Decimal
    lines: tuple[SoldLine, ...]

    @property
    def revenue(self) -> Decimal:
        return self.total - self.refunded if self.payment_status in CAPTURED else Decimal(0)


@dataclass(frozen=True, slots=True)
class ProductSales:
    sku: str
    currency: str
    quantity: int
    revenue: Decimal


@dataclass(frozen=True)
class SalesReport:
    period: Period
    orders: int
    by_status: dict[str, int]  # every status, zeros included, in the order of the life of an order
    revenue: dict[str, Decimal]  # by currency
    daily_revenue: dict[date, dict[str, Decimal]]  # every day of the period, by currency
    top_by_quantity: tuple[ProductSales, ...]
    top_by_revenue: tuple[ProductSales, ...]


class SalesFacts(Protocol):
    """Where the orders of a period come from: the database now, an export later."""

    def count(self, period: Period) -> int: ...

    def orders(self, period: Period) -> Iterator[OrderFacts]: ...


class ReportRenderer(Protocol):
    extension: str

    def render(self, report: SalesReport) -> bytes: ...


def sales_report(period: Period, orders: Iterable[OrderFacts], renderer: ReportRenderer) -> bytes:
    return renderer.render(summarize(period, orders))


def summarize(period: Period, orders: Iterable[OrderFacts], *, top: int = TOP) -> SalesReport:
    statuses: Counter[str] = Counter()
    revenue: defaultdict[str, Decimal] = defaultdict(Decimal)
    daily: dict[date, defaultdict[str, Decimal]] = {day: defaultdict(Decimal) for day in period.days}
    products: dict[tuple[str, str], tuple[int, Decimal]] = {}
    for order in (order for order in orders if order.placed_on in period):
        statuses[order.status] += 1
        if order.payment_status in CAPTURED:
            revenue[order.currency] += order.revenue
            daily[order.placed_on][order.currency] += order.revenue
        for line in order.lines if order.payment_status in SOLD else ():
            quantity, total = products.get((line.sku, order.currency), (0, Decimal(0)))
            products[line.sku, order.currency] = (quantity + line.quantity, total + line.line_total)
    sales = [ProductSales(sku, currency, q, r) for (sku, currency), (q, r) in products.items()]
    return SalesReport(
        period=period,
        orders=sum(statuses.values()),
        by_status={status.value: statuses[status.value] for status in OrderStatus},
        revenue=dict(sorted(revenue.items())),
        daily_revenue={day: {c: daily[day][c] for c in sorted(revenue)} for day in period.days},
        top_by_quantity=tuple(sorted(sales, key=lambda s: (-s.quantity, -s.revenue, s.sku))[:top]),
        top_by_revenue=tuple(sorted(sales, key=lambda s: (-s.revenue, -s.quantity, s.sku))[:top]),
    )


def amount(value: Decimal, currency: str) -> str:
    """To the currency's minor units: 2 places for EUR, none for JPY."""
    return str(Money(value, currency).amount)


class CsvRenderer:
    """One table, one row per figure, the ``section`` column saying which: easy to read, easy to filter."""

    extension = "csv"
    HEADER = ("section", "key", "currency", "orders", "quantity", "amount")

    def render(self, report: SalesReport) -> bytes:
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        writer.writerow(self.HEADER)
        writer.writerow(("period", str(report.period), "", report.orders, "", ""))
        for currency, value in report.revenue.items():
            writer.writerow(("revenue", "total", currency, "", "", amount(value, currency)))
        for day, by_currency in report.daily_revenue.items():
            for currency, value in by_currency.items():
                writer.writerow(
                    ("revenue_by_day", day.isoformat(), currency, "", "", amount(value, currency))
                )
        for status, count in report.by_status.items():
            writer.writerow(("orders_by_status", status, "", count, "", ""))
        for section, products in (
            ("top_by_quantity", report.top_by_quantity),
            ("top_by_revenue", report.top_by_revenue),
        ):
            for p in products:
                writer.writerow((section, p.sku, p.currency, "", p.quantity, amount(p.revenue, p.currency)))
        return text.getvalue().encode()
