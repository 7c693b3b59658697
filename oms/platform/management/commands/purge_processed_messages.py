from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from oms.platform.messaging.retention import parse_retention, purge_processed_messages


class Command(BaseCommand):
    help = "Delete published outbox rows and processed inbox rows older than --older-than (dead ones stay)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than", default="7d", help="a duration like 7d, 36h or 2880m (at least 1d)"
        )
        parser.add_argument("--batch", type=int, default=1000, help="rows deleted per transaction")

    def handle(self, *args: Any, older_than: str, batch: int, **options: Any) -> None:
        try:
            retention = parse_retention(older_than)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        if batch < 1:
            raise CommandError("--batch must be at least 1")
        report = purge_processed_messages(before=timezone.now() - retention, batch_size=batch)
        self.stdout.write(f"purged {report.outbox} outbox and {report.inbox} inbox message(s)")
