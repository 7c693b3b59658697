"""The sales report as a picture: revenue per day, the best sellers, and what became of the orders.

Drawn with matplotlib's object API on the Agg canvas: no display, no pyplot state, safe in threads.
matplotlib is an extra (``oms[charts]``, about 140 MB) and heavy to import, so it is loaded only to
draw, and its absence is said plainly.
"""

import importlib.util
import io
from decimal import Decimal
from typing import TYPE_CHECKING

from oms.contexts.orders.application.reporting import Period, SalesReport, amount

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Colour-blind safe (Okabe and Ito); each status keeps its colour from one report to the next.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
STATUS_COLORS = {
    "pending": "#BBBBBB",
    "awaiting_payment": "#56B4E9",
    "confirmed": "#0072B2",
    "shipped": "#009E73",
    "delivered": "#006D4F",
    "rejected": "#D55E00",
    "cancelled": "#E69F00",
    "refunded": "#CC79A7",
}


class ChartsNotInstalled(RuntimeError):
    def __init__(self) -> None:
        super().__init__("PNG charts need matplotlib: install the OMS with its charts extra (oms[charts]).")


def charts_installed() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


class PngRenderer:
    """Revenue per day across the top; below, the best sellers and what became of the orders."""

    extension = "png"

    def render(self, report: SalesReport) -> bytes:
        if not charts_installed():
            raise ChartsNotInstalled
        from matplotlib.figure import Figure  # noqa: PLC0415  (heavy, and an extra: loaded only to draw)

        figure = Figure(figsize=(13, 8.5), dpi=100, layout="constrained")
        grid = figure.add_gridspec(2, 5)
        revenue = ", ".join(f"{_grouped(v, c)} {c}" for c, v in report.revenue.items()) or "nothing captured"
        figure.suptitle(
            f"Sales {_span(report.period)}: {report.orders} orders placed, revenue {revenue}",
            fontsize=15,
            fontweight="bold",
        )
        _daily_revenue(figure.add_subplot(grid[0, :]), report)
        _top_products(figure.add_subplot(grid[1, :3]), report)
        _statuses(figure.add_subplot(grid[1, 3:]), report)
        output = io.BytesIO()
        figure.savefig(output, format="png")
        return output.getvalue()


def _grouped(value: Decimal, currency: str) -> str:
    """12,345.60: thousands grouped for reading; the CSV keeps plain numbers for machines."""
    return f"{Decimal(amount(value, currency)):,}"


def _span(period: Period) -> str:
    if period.first == period.last:
        return period.first.strftime("%-d %B %Y")
    return f"{period.first.strftime('%-d %b %Y')} to {period.last.strftime('%-d %b %Y')}"


def _daily_revenue(axes: "Axes", report: SalesReport) -> None:
    axes.set_title("Revenue per day of placing (captured less refunded)", loc="left")
    if not report.revenue:
        _nothing(axes, "No payment captured")
        return
    days = list(report.daily_revenue)
    currencies = list(report.revenue)
    width = 0.8 / len(currencies)
    for n, currency in enumerate(currencies):
        values = [float(report.daily_revenue[day].get(currency, 0)) for day in days]
        positions = [i + (n - (len(currencies) - 1) / 2) * width for i in range(len(days))]
        axes.bar(positions, values, width=width, label=currency, color=PALETTE[n % len(PALETTE)])
    step = -(-len(days) // 12)  # at most 12 dates under the axis, so they never overlap
    axes.set_xticks(range(0, len(days), step), [day.strftime("%-d %b") for day in days[::step]])
    axes.yaxis.set_major_formatter("{x:,.0f}")
    axes.set_ylabel(" / ".join(currencies))
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    if len(currencies) > 1:
        axes.legend(frameon=False)


def _top_products(axes: "Axes", report: SalesReport) -> None:
    best = list(reversed(report.top_by_revenue))  # the best seller on top
    axes.set_title(f"Top {len(best)} products by revenue" if len(best) > 1 else "Top product", loc="left")
    if not best:
        _nothing(axes, "Nothing sold")
        return
    labels = [f"{p.sku} ({p.currency})" for p in best]
    bars = axes.barh(labels, [float(p.revenue) for p in best], color=PALETTE[0])
    notes = [f" {p.quantity} sold, {_grouped(p.revenue, p.currency)}" for p in best]
    axes.bar_label(bars, labels=notes, fontsize=9)
    axes.xaxis.set_major_formatter("{x:,.0f}")
    axes.set_ylim(len(best) - 0.5 - max(len(best), 8), len(best) - 0.5)  # a few bars stay slim, on top
    axes.spines[["top", "right"]].set_visible(False)
    axes.margins(x=0.25)


def _nothing(axes: "Axes", text: str) -> None:
    axes.set_axis_off()
    axes.text(
        0.5, 0.5, text, ha="center", va="center", fontsize=13, color="#666666", transform=axes.transAxes
    )


def _statuses(axes: "Axes", report: SalesReport) -> None:
    axes.set_title("Orders by status", loc="left")
    shown = {status: n for status, n in report.by_status.items() if n}
    if not shown:
        _nothing(axes, "No orders placed")
        return
    colors = [STATUS_COLORS.get(status, "#999999") for status in shown]
    axes.pie(list(shown.values()), colors=colors, startangle=90, counterclock=False,
             wedgeprops={"width": 0.38, "edgecolor": "white"})  # fmt: skip
    axes.text(0, 0, f"{report.orders}\norders", ha="center", va="center", fontsize=16, fontweight="bold")
    labels = [f"{status.replace('_', ' ')}: {n} ({n / report.orders:.0%})" for status, n in shown.items()]
    axes.legend(labels, loc="center left", bbox_to_anchor=(0.92, 0.5), frameon=False)
