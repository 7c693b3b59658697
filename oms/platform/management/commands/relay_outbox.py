from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from oms.platform.messaging.relay import relay_pending
from oms.platform.messaging.tasks import send_delivery


class Command(BaseCommand):
    help = "Publish what is still unpublished in every context's outbox (safe to run beside the beat relay)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="one batch per outbox, then stop")
        parser.add_argument(
            "--batch", type=int, default=settings.MESSAGING_RELAY_BATCH, help="rows per batch"
        )

    def handle(self, *args: Any, once: bool, batch: int, **options: Any) -> None:
        if batch < 1:
            self.stderr.write("--batch must be at least 1")
            raise SystemExit(2)
        published = relay_pending(send=send_delivery, batch_size=batch, max_batches=1 if once else None)
        self.stdout.write(f"published {published} message(s)")
