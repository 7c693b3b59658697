"""The notifications unit of work: notifications, their attempts and the outbox in one transaction."""

from typing import Self

from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from oms.contexts.notifications.infrastructure.repository import DjangoNotificationRepository
from oms.platform.messaging.unit_of_work import DjangoUnitOfWork


class DjangoNotificationsUnitOfWork(DjangoUnitOfWork):
    outbox_model = NotificationsOutbox
    notifications: DjangoNotificationRepository

    def __enter__(self) -> Self:
        entered = super().__enter__()
        self.notifications = DjangoNotificationRepository()
        return entered
