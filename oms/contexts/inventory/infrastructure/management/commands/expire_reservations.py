"""``manage.py expire_reservations``: what the beat task does, on an operator's demand."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from oms.contexts.inventory.application import expiry
from oms.contexts.inventory.infrastructure.clock import SystemClock
from oms.contexts.inventory.infrastructure.tasks import EXPIRY_BATCH
from oms.contexts.inventory.infrastructure.unit_of_work import DjangoInventoryUnitOfWork


class Command(BaseCommand):
    help = "Expire reservations past their deadline: their stock is freed and ReservationExpired published."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=EXPIRY_BATCH, help="at most this many per batch")

    def handle(self, *args: Any, **options: Any) -> None:
        total, limit = 0, options["limit"]
        while True:  # batch after batch, until a batch comes back short
            expired = expiry.expire_reservations(
                uow=DjangoInventoryUnitOfWork(), now=SystemClock().now(), limit=limit
            )
            total += expired
            if expired < limit:
                break
        self.stdout.write(f"expired {total} reservation(s)")
