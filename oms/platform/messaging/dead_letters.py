"""Replaying parked messages: the one way an operator, the admin or a command revives a dead letter."""

import uuid
from dataclasses import dataclass, field

from oms.platform.messaging.bus import bus
from oms.platform.messaging.consumer import Outcome, consume
from oms.platform.messaging.models import InboxMessage, InboxStatus


@dataclass
class ReplayReport:
    handled: int = 0
    still_dead: int = 0
    errors: list[str] = field(default_factory=list)


def dead_letters(
    *, message_type: str | None = None, message_id: uuid.UUID | None = None
) -> list[InboxMessage]:
    rows: list[InboxMessage] = []
    for inbox in bus.inboxes():
        query = inbox._default_manager.filter(status=InboxStatus.DEAD)
        if message_type:
            query = query.filter(type=message_type)
        if message_id:
            query = query.filter(message_id=message_id)
        rows.extend(query.order_by("received_at"))
    return rows


def replay(rows: list[InboxMessage]) -> ReplayReport:
    """Hand each dead message to its handler once more; it stays dead, with the new error, if it fails."""
    report = ReplayReport()
    for row in rows:
        outcome = consume(row.envelope, row.handler, attempt=row.attempts + 1, final=True)
        if outcome is Outcome.DEAD:
            report.still_dead += 1
            row.refresh_from_db()
            report.errors.append(f"{row.message_id} → {row.handler}: {row.last_error}")
        else:
            report.handled += 1
    return report


def replay_dead_letters(
    *, message_type: str | None = None, message_id: uuid.UUID | None = None
) -> ReplayReport:
    return replay(dead_letters(message_type=message_type, message_id=message_id))
