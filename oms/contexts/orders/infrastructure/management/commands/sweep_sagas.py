"""``manage.py sweep_sagas``: what the beat task does, for an operator, once, now."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from oms.contexts.orders.application.sweeper import DEFAULT_BATCH, sweep_sagas
from oms.contexts.orders.infrastructure.clock import SystemClock
from oms.contexts.orders.infrastructure.unit_of_work import DjangoOrdersUnitOfWork


class Command(BaseCommand):
    help = "Resend the commands of order sagas past a step's deadline, or flag them for attention."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=DEFAULT_BATCH, help="sagas to sweep at most")

    def handle(self, *args: Any, **options: Any) -> None:
        report = sweep_sagas(uow=DjangoOrdersUnitOfWork(), clock=SystemClock(), limit=options["limit"])
        self.stdout.write(f"{report.resent} resent, {report.flagged} flagged, {report.skipped} skipped")
