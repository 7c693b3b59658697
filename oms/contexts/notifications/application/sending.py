"""Sending one notification: claim a try, deliver with no transaction open, record the outcome.

The claim and the record are two short transactions around the call, so a slow SMTP server or
webhook receiver holds no row lock and no database connection. The claim's lease keeps a second
worker (a duplicated task, the sweeper) from sending at the same time; a sent notification is never
claimed again.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from oms.contexts.notifications.application.ports import (
    Clock,
    DeliveryFailed,
    NotificationsUnitOfWork,
    Transport,
)
from oms.contexts.notifications.domain.channels import Channel, DeliveryStatus
from oms.contexts.notifications.domain.notification import Notification, NotificationId
from oms.contexts.notifications.domain.retry import RetryPolicy

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    SENT = "sent"
    RETRY = "retry"
    DEAD = "dead"
    NOTHING_TO_DO = "nothing to do"  # already sent, dead, unknown, or another worker holds it


OUTCOMES = {
    DeliveryStatus.SENT: Outcome.SENT,
    DeliveryStatus.FAILED: Outcome.RETRY,
    DeliveryStatus.DEAD: Outcome.DEAD,
}


@dataclass(frozen=True, kw_only=True)
class SendResult:
    outcome: Outcome
    retry_in: float | None = None


@dataclass(frozen=True, kw_only=True)
class Delivery:
    """How deliveries are made: a transport per channel, the retry policy, and the length of a lease."""

    transports: Mapping[Channel, Transport]
    policy: RetryPolicy
    lease: timedelta


def send_notification(
    notification_id: NotificationId, *, uow: NotificationsUnitOfWork, delivery: Delivery, clock: Clock
) -> SendResult:
    claimed = _claim(notification_id, uow, delivery, clock)
    if claimed is None:
        return SendResult(outcome=Outcome.NOTHING_TO_DO)
    started_at, failure = clock.now(), None
    try:
        delivery.transports[claimed.channel].send(claimed)
    except DeliveryFailed as failed:
        failure = failed
    return _record(
        notification_id, uow, policy=delivery.policy, started_at=started_at, clock=clock, failure=failure
    )


def _claim(
    notification_id: NotificationId, uow: NotificationsUnitOfWork, delivery: Delivery, clock: Clock
) -> Notification | None:
    with uow:
        notification = uow.notifications.get(notification_id)
        if notification is None:
            return None
        claimed = notification.claim(clock.now(), lease=delivery.lease, policy=delivery.policy)
        uow.notifications.save(notification)  # a lapsed lease may have parked it: saved either way
        uow.commit()
    return notification if claimed else None


def _record(
    notification_id: NotificationId,
    uow: NotificationsUnitOfWork,
    *,
    policy: RetryPolicy,
    started_at: datetime,
    clock: Clock,
    failure: DeliveryFailed | None,
) -> SendResult:
    with uow:
        notification = uow.notifications.get(notification_id)
        assert notification is not None, "a claimed notification is never deleted"
        now = clock.now()
        retry_in = None
        if failure is None:
            notification.record_sent(started_at=started_at, now=now)
        else:
            retry_in = notification.record_failure(
                failure.reason, started_at=started_at, now=now, policy=policy, permanent=failure.permanent
            )
        uow.notifications.save(notification)
        uow.commit()
    if failure is not None:
        _log_failure(notification, failure, retry_in)
    return SendResult(outcome=OUTCOMES[notification.status], retry_in=retry_in)


def _log_failure(notification: Notification, failure: DeliveryFailed, retry_in: float | None) -> None:
    then = "parked as dead" if retry_in is None else f"next try in {retry_in:g} s"
    logger.warning(
        "notification %s by %s: try %d failed (%s); %s",
        notification.id,
        notification.channel,
        notification.attempts,
        failure.reason,
        then,
    )
