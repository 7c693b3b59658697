"""A notification: one message about one order event, for one destination on one channel.

It is rendered once, when the event is handled, and then only delivered: each try is claimed under
a lease (so two workers never send it at the same time), recorded with its outcome, and a sent
notification is never sent again. A resend is a new notification with the same content.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from oms.contexts.notifications.domain.channels import AttemptOutcome, Channel, DeliveryStatus
from oms.contexts.notifications.domain.retry import RetryPolicy
from oms.shared_kernel.entity import Entity
from oms.shared_kernel.errors import BusinessRuleViolation
from oms.shared_kernel.ids import Identifier

LOST_TRY = "The try was never reported back (its worker stopped or timed out)."


class NotificationId(Identifier):
    pass


@dataclass(frozen=True, kw_only=True)
class Cause:
    """The event it tells about: its message id keys the notification, so an event notifies once."""

    message_id: uuid.UUID
    topic: str
    order_id: uuid.UUID
    order_number: str


@dataclass(frozen=True, kw_only=True)
class Destination:
    channel: Channel
    target: str  # who, unique per channel: the customer's id, or the webhook subscription's id
    address: str = ""  # where: the e-mail address or the webhook URL; in-app needs none
    recipient_id: uuid.UUID | None = None  # the customer who may read it; none for an integrator


@dataclass(frozen=True, kw_only=True)
class Content:
    subject: str
    body: str  # plain text, or the webhook's JSON exactly as it is signed and sent
    html: str = ""


@dataclass(frozen=True, kw_only=True)
class Attempt:
    number: int
    outcome: AttemptOutcome
    error: str
    started_at: datetime
    finished_at: datetime


class Notification(Entity[NotificationId]):
    def __init__(
        self,
        id: NotificationId,
        *,
        cause: Cause,
        destination: Destination,
        content: Content,
        created_at: datetime,
        resend_of: NotificationId | None = None,
    ) -> None:
        super().__init__(id)
        self.cause, self.destination, self.content = cause, destination, content
        self.created_at, self.resend_of = created_at, resend_of
        self.status = DeliveryStatus.PENDING
        self.attempts = 0
        self.history: list[Attempt] = []
        self.last_error = ""
        self.sent_at: datetime | None = None
        self.next_attempt_at: datetime | None = created_at
        self.lease_until: datetime | None = None

    @property
    def channel(self) -> Channel:
        return self.destination.channel

    @property
    def origin_id(self) -> NotificationId:
        """The first of its resends: receivers that deduplicate see one message, however often resent."""
        return self.resend_of or self.id

    def claim(self, now: datetime, *, lease: timedelta, policy: RetryPolicy) -> bool:
        """Take the next try; False when there is none to take (sent, dead, or held by another worker)."""
        if self.status in (DeliveryStatus.SENT, DeliveryStatus.DEAD):
            return False
        if self.status is DeliveryStatus.SENDING:
            if self.lease_until is not None and now < self.lease_until:
                return False
            if self._fail(LOST_TRY, started_at=now, now=now, policy=policy, permanent=False) is None:
                return False  # that lost try was the last one: parked as dead
        self.status, self.attempts, self.lease_until = DeliveryStatus.SENDING, self.attempts + 1, now + lease
        return True

    def record_sent(self, *, started_at: datetime, now: datetime) -> None:
        self._log(AttemptOutcome.SENT, "", started_at, now)
        self.status, self.sent_at, self.last_error = DeliveryStatus.SENT, now, ""
        self.next_attempt_at = self.lease_until = None

    def record_failure(
        self, error: str, *, started_at: datetime, now: datetime, policy: RetryPolicy, permanent: bool = False
    ) -> float | None:
        """Seconds until the next try, or None when no try is left and it is parked as dead."""
        if self.status is DeliveryStatus.SENT:  # a try whose lease had lapsed lost the race: keep "sent"
            self._log(AttemptOutcome.FAILED, error, started_at, now)
            return None
        return self._fail(error, started_at=started_at, now=now, policy=policy, permanent=permanent)

    def resend(self, new_id: NotificationId, *, now: datetime) -> "Notification":
        if self.status not in (DeliveryStatus.SENT, DeliveryStatus.DEAD):
            raise BusinessRuleViolation(
                f"Notification {self.id} is still being delivered ({self.status}); resend it once it is "
                "sent or dead.",
                rule="notification_in_flight",
            )
        return Notification(
            new_id,
            cause=self.cause,
            destination=self.destination,
            content=self.content,
            created_at=now,
            resend_of=self.origin_id,
        )

    def _fail(
        self, error: str, *, started_at: datetime, now: datetime, policy: RetryPolicy, permanent: bool
    ) -> float | None:
        self._log(AttemptOutcome.FAILED, error, started_at, now)
        self.last_error, self.lease_until = error, None
        if permanent or policy.exhausted(self.attempts):
            self.status, self.next_attempt_at = DeliveryStatus.DEAD, None
            return None
        delay = policy.delay_after(self.attempts)
        self.status, self.next_attempt_at = DeliveryStatus.FAILED, now + timedelta(seconds=delay)
        return delay

    def _log(self, outcome: AttemptOutcome, error: str, started_at: datetime, now: datetime) -> None:
        self.history.append(
            Attempt(
                number=self.attempts, outcome=outcome, error=error, started_at=started_at, finished_at=now
            )
        )
