"""``manage.py resend_stalled_notifications``: what the beat task does, for an operator, once, now."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from oms.contexts.notifications.infrastructure.tasks import resend_stalled


class Command(BaseCommand):
    help = "Queue again the notifications whose try is overdue (their task was lost or their worker died)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=200, help="notifications to queue at most")

    def handle(self, *args: Any, **options: Any) -> None:
        queued = resend_stalled(limit=options["limit"])
        self.stdout.write(f"{queued} notification(s) queued again")
