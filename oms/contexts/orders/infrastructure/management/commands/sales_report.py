"""``manage.py sales_report --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|png] [--output FILE]``.

The orders placed in the period (UTC days, both included): revenue per currency, orders by status,
top products. CSV goes to standard output unless ``--output`` names a file; a chart needs a file.
A progress bar shows on a terminal, never in a pipe or a log; one summary line closes the run.
"""

import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from oms.contexts.orders.application.reporting import OrderFacts, Period, SalesReport, amount, summarize
from oms.contexts.orders.infrastructure import report_chart
from oms.contexts.orders.infrastructure.reports import RENDERERS, DjangoSalesFacts


def _day(value: str, flag: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"{flag} must be a date as YYYY-MM-DD, not {value!r}.") from None


def _period(first: str, last: str) -> Period:
    start, end = _day(first, "--from"), _day(last, "--to")
    if start > end:
        raise CommandError(f"--from ({start}) is after --to ({end}): the period holds no day.")
    return Period(start, end)


def _arguments(options: dict[str, Any]) -> tuple[Period, str, str | None]:
    """The period, format and output asked for, or a CommandError saying what is wrong with them."""
    period, fmt, output = _period(options["first"], options["last"]), options["format"], options["output"]
    if fmt not in RENDERERS:
        raise CommandError(f"--format must be one of {', '.join(sorted(RENDERERS))}, not {fmt!r}.")
    if fmt == "png" and not output:
        raise CommandError("A PNG chart is written to a file: add --output FILE.")
    if fmt == "png" and not report_chart.charts_installed():
        raise CommandError(str(report_chart.ChartsNotInstalled()))  # before reading the orders, not after
    return period, fmt, output


def _reading(facts: DjangoSalesFacts, period: Period) -> Iterator[OrderFacts]:
    """The orders of the period, with a progress bar when a person watches a terminal."""
    return iter(
        tqdm(
            facts.orders(period),
            total=facts.count(period),
            unit=" orders",
            desc="Reading orders",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),  # not in a pipe, a log or a cron mail
        )
    )


class Command(BaseCommand):
    help = "Write the sales report of a period: revenue, orders by status and top products, as CSV or PNG."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--from", dest="first", required=True, metavar="YYYY-MM-DD", help="first day (UTC)"
        )
        parser.add_argument(
            "--to", dest="last", required=True, metavar="YYYY-MM-DD", help="last day, included"
        )
        parser.add_argument("--format", choices=sorted(RENDERERS), default="csv", help="csv (default) or png")
        parser.add_argument(
            "--output", metavar="FILE", help="the file to write (without it, a CSV goes to standard output)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        period, fmt, output = _arguments(options)
        report = summarize(period, _reading(DjangoSalesFacts(), period))
        data = RENDERERS[fmt].render(report)
        if output:
            self._write(Path(output), data)
            self.stdout.write(_summary(report, f"{fmt.upper()} written to {output}", started))
        else:
            self.stdout.write(data.decode(), ending="")
            self.stderr.write(_summary(report, "CSV written to standard output", started), style_func=str)

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from None


def _summary(report: SalesReport, where: str, started: float) -> str:
    revenue = ", ".join(f"{amount(v, c)} {c}" for c, v in report.revenue.items()) or "nothing captured"
    best = report.top_by_revenue[0].sku if report.top_by_revenue else "none"
    seconds = time.monotonic() - started
    return (
        f"Sales {report.period}: {report.orders} orders, revenue {revenue}, best seller {best}. "
        f"{where} in {seconds:.1f} s."
    )
