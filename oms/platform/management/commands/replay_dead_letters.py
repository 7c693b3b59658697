import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from oms.platform.messaging.dead_letters import replay_dead_letters


class Command(BaseCommand):
    help = "Hand messages parked as dead to their handlers once more."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--type", dest="message_type", help="only this message type, e.g. orders.OrderPlaced.v1"
        )
        parser.add_argument("--id", dest="message_id", help="only this message id")

    def handle(self, *args: Any, message_type: str | None, message_id: str | None, **options: Any) -> None:
        try:
            parsed_id = uuid.UUID(message_id) if message_id else None
        except ValueError:
            raise CommandError(f"--id {message_id!r} is not a UUID") from None
        report = replay_dead_letters(message_type=message_type, message_id=parsed_id)
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(f"replayed: {report.handled} handled, {report.still_dead} still dead")
        if report.still_dead:
            raise SystemExit(1)
