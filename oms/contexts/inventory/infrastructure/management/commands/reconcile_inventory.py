"""``manage.py reconcile_inventory [--fix]``: compare the stock counters with the ledger and the holds."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.reconcile import reconcile


class Command(BaseCommand):
    help = (
        "Report every SKU whose on-hand or reserved counter disagrees with the ledger and the holds, "
        "and holds no active reservation owns; with --fix, recompute them from that truth."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fix", action="store_true", help="rewrite drifting counters, drop orphan holds")

    def handle(self, *args: Any, **options: Any) -> None:
        report = reconcile(now=SystemClock().now(), fix=options["fix"])
        for problem in [*report.drifts, *report.orphans]:
            self.stdout.write(f"drift  {problem}")
        for sku in report.mended:
            self.stdout.write(self.style.SUCCESS(f"mended {sku}"))
        for problem in report.unmendable:
            self.stderr.write(self.style.ERROR(f"cannot mend {problem}"))
        if report.clean:
            self.stdout.write(
                self.style.SUCCESS("no drift: the counters agree with the ledger and the holds")
            )
        elif not options["fix"]:
            self.stdout.write(
                f"{len(report.drifts) + len(report.orphans)} problem(s); run with --fix to mend"
            )
        if report.unmendable:
            raise SystemExit(1)
