"""The use case behind every order-event handler: store the notifications, send them after commit.

It runs inside the inbox's transaction, so a redelivered event never gets here twice; and a
notification already stored for the event and destination is not stored again, so even a replay by
hand (the same message id) sends nothing twice. Each notification is then sent on its own: a
failing channel never holds the others back.
"""

from oms.contexts.notifications.application.composing import compose
from oms.contexts.notifications.application.ports import Clock, Dispatcher, NotificationsUnitOfWork, Sources
from oms.contexts.notifications.application.topics import OrderNews
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import NotificationId


def notify_customer(
    news: OrderNews,
    *,
    uow: NotificationsUnitOfWork,
    sources: Sources,
    dispatcher: Dispatcher,
    clock: Clock,
    channels: frozenset[Channel],
) -> list[NotificationId]:
    drafts = compose(news, sources=sources, channels=channels, now=clock.now())
    stored = []
    with uow:
        for draft in drafts:
            destination = draft.destination
            if not uow.notifications.exists(news.message_id, destination.channel, destination.target):
                uow.notifications.add(draft)
                stored.append(draft.id)
        uow.commit()
    for notification_id in stored:
        dispatcher.send_after_commit(notification_id)
    return stored
