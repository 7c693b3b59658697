"""Celery tasks of the notifications context, on its own queue: ids in, one use case, out.

``send_notification`` makes one try and schedules the next with exponential backoff; the database,
not the task, counts the tries, so a lost or duplicated task changes nothing. ``resend_stalled``
(beat) is the guarantee behind the hand-over after commit, as the relay sweep is behind the outbox:
a notification whose task was lost (broker down at commit, worker killed) is enqueued again.
"""

import logging
from functools import partial
from typing import Any

from celery import shared_task
from celery.app.task import Task
from django.db import transaction

from oms.contexts.notifications.application import sending
from oms.contexts.notifications.application.ports import Transport
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import NotificationId
from oms.contexts.notifications.infrastructure import config
from oms.contexts.notifications.infrastructure.clock import SystemClock
from oms.contexts.notifications.infrastructure.mail import MailSender
from oms.contexts.notifications.infrastructure.metrics import counted
from oms.contexts.notifications.infrastructure.stalled import stalled_notifications
from oms.contexts.notifications.infrastructure.transports import EmailTransport, InAppTransport
from oms.contexts.notifications.infrastructure.unit_of_work import DjangoNotificationsUnitOfWork
from oms.contexts.notifications.infrastructure.webhooks import WebhookTransport

logger = logging.getLogger(__name__)
QUEUE = "notifications"
CLOCK = SystemClock()
MAIL = MailSender()
TRANSPORTS: dict[Channel, Transport] = counted(  # each try counted in oms_notifications_total
    {
        Channel.EMAIL: EmailTransport(MAIL),
        Channel.IN_APP: InAppTransport(),
        Channel.WEBHOOK: WebhookTransport(),
    }
)


class CeleryDispatcher:
    def send_after_commit(self, notification_id: NotificationId) -> None:
        transaction.on_commit(partial(enqueue, str(notification_id)))


def enqueue(notification_id: str) -> None:
    try:
        send_notification.apply_async(args=(notification_id,), queue=QUEUE)
    except Exception:  # the broker is away: the notification waits and the sweeper enqueues it
        logger.warning("could not enqueue notification %s; the sweeper will", notification_id, exc_info=True)


def delivery() -> sending.Delivery:
    return sending.Delivery(transports=TRANSPORTS, policy=config.retry_policy(), lease=config.send_lease())


@shared_task(name="notifications.send", bind=True, acks_late=True, max_retries=None)
def send_notification(self: Task[Any, Any], notification_id: str) -> str:
    result = sending.send_notification(
        NotificationId.parse(notification_id),
        uow=DjangoNotificationsUnitOfWork(),
        delivery=delivery(),
        clock=CLOCK,
    )
    logger.info("notification %s: %s", notification_id, result.outcome.value)
    if result.retry_in is not None:
        raise self.retry(countdown=result.retry_in)
    return result.outcome.value


@shared_task(name="notifications.resend_stalled", acks_late=True)
def resend_stalled(limit: int = 200) -> int:
    found = stalled_notifications(now=CLOCK.now(), grace=config.sweep_grace(), limit=limit)
    for notification_id in found:
        enqueue(str(notification_id))
    return len(found)
