"""The sales report: its figures from rows alone, then from the database by the command and the task."""

import csv
import io
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from PIL import Image

from oms.contexts.orders.application.reporting import (
    CsvRenderer,
    OrderFacts,
    Period,
    SoldLine,
    sales_report,
    summarize,
)
from oms.contexts.orders.infrastructure import report_chart
from oms.contexts.orders.infrastructure.models import OrderRecord
from oms.contexts.orders.infrastructure.reports import DjangoSalesFacts
from oms.contexts.orders.infrastructure.tasks import sales_report_task
from tests.contexts.orders.integration.conftest import place

JANUARY = Period(date(2025, 1, 1), date(2025, 1, 31))


def facts(
    day: int, status: str, payment: str, total: str, refunded: str = "0", currency: str = "EUR", **lines
):
    sold = tuple(SoldLine(sku, q, Decimal(total) / len(lines)) for sku, q in lines.items())
    return OrderFacts(date(2025, 1, day), status, payment, currency, Decimal(total), Decimal(refunded), sold)


def rows(data: bytes, section: str) -> list[dict[str, str]]:
    return [row for row in csv.DictReader(io.StringIO(data.decode())) if row["section"] == section]


# --- the pure report: rows in, bytes out ---


def test_revenue_is_what_was_captured_less_what_was_refunded_per_currency():
    orders = [
        facts(2, "delivered", "captured", "50.00", MUG=2),
        facts(2, "delivered", "partially_refunded", "30.00", refunded="10.00", CUP=1),
        facts(3, "refunded", "refunded", "20.00", refunded="20.00", MUG=1),
        facts(3, "confirmed", "authorized", "99.00", MUG=3),  # authorized, not yet captured
        facts(4, "shipped", "captured", "1500", currency="JPY", MUG=1),
    ]

    data = sales_report(JANUARY, orders, CsvRenderer())

    assert [(r["currency"], r["amount"]) for r in rows(data, "revenue")] == [
        ("EUR", "70.00"),
        ("JPY", "1500"),
    ]
    by_day = {(r["key"], r["currency"]): r["amount"] for r in rows(data, "revenue_by_day")}
    assert (by_day["2025-01-02", "EUR"], by_day["2025-01-03", "EUR"]) == ("70.00", "0.00")
    assert len(by_day) == 31 * 2  # every day of the period, for every currency seen


def test_every_status_is_counted_zeros_included():
    report = summarize(
        JANUARY, [facts(5, "rejected", "failed", "10", MUG=1), facts(6, "rejected", "none", "5", MUG=1)]
    )

    assert report.orders == 2
    assert report.by_status["rejected"] == 2
    assert report.by_status["delivered"] == 0
    assert list(report.by_status)[:3] == ["pending", "awaiting_payment", "confirmed"]


def test_top_products_count_orders_whose_payment_is_held_or_taken_and_not_refunded_in_full():
    report = summarize(
        JANUARY,
        [
            facts(1, "confirmed", "authorized", "10.00", MUG=4),
            facts(1, "delivered", "captured", "90.00", POT=1),
            facts(1, "rejected", "failed", "500.00", LAMP=9),
            facts(1, "refunded", "refunded", "400.00", LAMP=8),
        ],
    )

    assert [(p.sku, p.quantity) for p in report.top_by_quantity] == [("MUG", 4), ("POT", 1)]
    assert [(p.sku, p.revenue) for p in report.top_by_revenue] == [
        ("POT", Decimal("90.00")),
        ("MUG", Decimal("10.00")),
    ]


def test_orders_placed_outside_the_period_are_left_out():
    outside = OrderFacts(date(2025, 2, 1), "delivered", "captured", "EUR", Decimal(5), Decimal(0), ())

    assert summarize(JANUARY, [outside]).orders == 0


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends"):
        Period(date(2025, 2, 1), date(2025, 1, 1))


# --- from the database: the command, its arguments, its progress bar, and the nightly task ---


def placed_on(day: date, status: str, payment: str, refunded: str = "0", **items: int) -> None:
    order = place(**items)
    at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
    changes = {"status": status, "payment_status": payment, "refunded_amount": Decimal(refunded)}
    OrderRecord.objects.filter(pk=order.id).update(created_at=at, **changes)


@pytest.fixture
def january(shelves) -> None:
    placed_on(date(2025, 1, 10), "delivered", "captured", MUG=2)  # 2 x 12.50
    placed_on(date(2025, 1, 11), "shipped", "partially_refunded", refunded="5.00", CUP=1, MUG=1)
    placed_on(date(2025, 1, 12), "rejected", "failed", CUP=3)
    placed_on(date(2025, 2, 1), "delivered", "captured", MUG=1)  # the day after the period


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("sales_report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_command_writes_the_csv_to_standard_output_and_its_summary_to_standard_error(january):
    out, err = run("--from", "2025-01-01", "--to", "2025-01-31")

    data = out.encode()
    assert rows(data, "period")[0]["orders"] == "3"
    assert rows(data, "revenue") == [
        {
            "section": "revenue",
            "key": "total",
            "currency": "EUR",
            "orders": "",
            "quantity": "",
            "amount": "45.00",
        }
    ]
    assert [(r["key"], r["quantity"]) for r in rows(data, "top_by_quantity")] == [("MUG", "3"), ("CUP", "1")]
    assert err.startswith("Sales 2025-01-01/2025-01-31: 3 orders, revenue 45.00 EUR, best seller MUG.")
    assert "CSV written to standard output" in err


@pytest.mark.django_db
def test_a_chart_is_written_to_the_file_named_and_the_summary_says_where(january, tmp_path):
    chart = tmp_path / "january.png"

    out, _ = run("--from", "2025-01-01", "--to", "2025-01-31", "--format", "png", "--output", str(chart))

    with Image.open(chart) as image:
        assert (image.format, image.size) == ("PNG", (1300, 850))
    assert f"PNG written to {chart}" in out


@pytest.mark.django_db
def test_a_csv_can_go_to_a_file_too(january, tmp_path):
    target = tmp_path / "january.csv"

    run("--from", "2025-01-10", "--to", "2025-01-10", "--output", str(target))

    assert rows(target.read_bytes(), "period")[0] == {
        "section": "period", "key": "2025-01-10/2025-01-10", "currency": "", "orders": "1", "quantity": "",
        "amount": "",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ("--from", "2025-02-30", "--to", "2025-03-01"),
            "--from must be a date as YYYY-MM-DD, not '2025-02-30'.",
        ),
        (
            ("--from", "2025-01-01", "--to", "31/01/2025"),
            "--to must be a date as YYYY-MM-DD, not '31/01/2025'.",
        ),
        (("--from", "2025-02-01", "--to", "2025-01-01"), "--from (2025-02-01) is after --to (2025-01-01)"),
        (("--from", "2025-01-01", "--to", "2025-01-02", "--format", "pdf"), "invalid choice: 'pdf'"),
        (("--from", "2025-01-01", "--to", "2025-01-02", "--format", "png"), "add --output FILE"),
        (
            (
                "--to",
                "2025-01-02",
            ),
            "the following arguments are required: --from",
        ),
    ],
)
def test_arguments_that_make_no_report_are_refused_with_the_reason(args, error):
    with pytest.raises(CommandError) as refused:
        run(*args)

    assert error in str(refused.value)


@pytest.mark.django_db
def test_an_output_that_cannot_be_written_is_refused_with_the_reason(january, tmp_path):
    with pytest.raises(CommandError, match=r"Cannot write .*: No such file or directory"):
        run("--from", "2025-01-01", "--to", "2025-01-31", "--output", str(tmp_path / "missing" / "r.csv"))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
@pytest.mark.parametrize(("stream", "shown"), [(Terminal, True), (io.StringIO, False)])
def test_a_progress_bar_shows_on_a_terminal_only(january, monkeypatch, stream, shown):
    terminal = stream()
    monkeypatch.setattr(sys, "stderr", terminal)

    run("--from", "2025-01-01", "--to", "2025-01-31")

    assert ("Reading orders" in terminal.getvalue()) is shown


@pytest.mark.django_db
def test_orders_are_read_in_batches_each_once_even_when_placed_in_the_same_instant(shelves):
    for _ in range(5):
        placed_on(date(2025, 1, 10), "delivered", "captured", MUG=1)

    read = list(DjangoSalesFacts(batch=2).orders(JANUARY))

    assert len(read) == 5
    assert DjangoSalesFacts().count(JANUARY) == 5
    assert all(order.lines == (SoldLine("MUG", 1, Decimal("12.5000")),) for order in read)


def folder(path) -> dict:
    return {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(path)}}


@pytest.mark.django_db
def test_the_nightly_task_stores_a_days_csv_and_chart_and_replaces_them_when_run_again(
    january, settings, tmp_path
):
    without_reports_storage = {name: value for name, value in settings.STORAGES.items() if name != "reports"}
    settings.STORAGES = {**without_reports_storage, "default": folder(tmp_path)}

    first = sales_report_task(day="2025-01-10")
    again = sales_report_task(day="2025-01-10")

    assert first == again == ["reports/sales/2025-01-10.csv", "reports/sales/2025-01-10.png"]
    with default_storage.open("reports/sales/2025-01-10.csv") as stored:
        assert rows(stored.read(), "revenue")[0]["amount"] == "25.00"
    assert sorted(p.name for p in (tmp_path / "reports" / "sales").iterdir()) == [
        "2025-01-10.csv",
        "2025-01-10.png",
    ]


@pytest.mark.django_db
def test_a_storage_named_reports_keeps_them_away_from_the_public_media(january, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": folder(tmp_path / "media"),
        "reports": folder(tmp_path),
    }

    sales_report_task(day="2025-01-10")

    assert (tmp_path / "reports" / "sales" / "2025-01-10.csv").exists()
    assert not (tmp_path / "media").exists()


@pytest.fixture
def without_charts(monkeypatch) -> None:
    """As in an image built without the charts extra: matplotlib cannot be found."""
    monkeypatch.setattr(report_chart, "charts_installed", lambda: False)


@pytest.mark.django_db
def test_without_the_charts_extra_the_nightly_report_is_a_csv_alone(
    january, settings, tmp_path, without_charts
):
    settings.STORAGES = {**settings.STORAGES, "default": folder(tmp_path)}

    assert sales_report_task(day="2025-01-10") == ["reports/sales/2025-01-10.csv"]


def test_without_the_charts_extra_a_chart_is_refused_with_what_to_install(tmp_path, without_charts):
    with pytest.raises(CommandError, match=r"install the OMS with its charts extra \(oms\[charts\]\)"):
        run(
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-31",
            "--format",
            "png",
            "--output",
            str(tmp_path / "r.png"),
        )
