"""Resending by hand (the back office): a new notification with the same content, sent like any other.

The original stays as it was, evidence of what happened; it is never sent a second time. A webhook
resend keeps the original's message id, so a receiver that got it after all can tell it is the same.
"""

from oms.contexts.notifications.application.ports import Clock, Dispatcher, NotificationsUnitOfWork
from oms.contexts.notifications.domain.notification import NotificationId
from oms.shared_kernel.errors import NotFound


def resend_notification(
    notification_id: NotificationId, *, uow: NotificationsUnitOfWork, dispatcher: Dispatcher, clock: Clock
) -> NotificationId:
    with uow:
        original = uow.notifications.get(notification_id)
        if original is None:
            raise NotFound(f"No notification {notification_id} was found.")
        copy = original.resend(NotificationId.new(), now=clock.now())
        uow.notifications.add(copy)
        uow.commit()
    dispatcher.send_after_commit(copy.id)
    return copy.id
