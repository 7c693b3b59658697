"""Resending from the back office: a new notification, sent like any other; the original is kept."""

import pytest

from oms.contexts.notifications.application.resending import resend_notification
from oms.contexts.notifications.domain.channels import DeliveryStatus
from oms.contexts.notifications.domain.notification import NotificationId
from oms.shared_kernel.errors import BusinessRuleViolation, NotFound
from tests.contexts.notifications.unit.builders import LEASE, POLICY, a_notification
from tests.contexts.notifications.unit.fakes import FakeClock, FakeDispatcher, FakeUnitOfWork


def stored(*, sent: bool):
    uow, notification = FakeUnitOfWork(), a_notification()
    if sent:
        notification.claim(FakeClock().now(), lease=LEASE, policy=POLICY)
        notification.record_sent(started_at=FakeClock().now(), now=FakeClock().now())
    uow.notifications.add(notification)
    return uow, notification


def resend(uow, notification_id, dispatcher):
    return resend_notification(notification_id, uow=uow, dispatcher=dispatcher, clock=FakeClock())


def test_resending_a_sent_notification_stores_a_copy_and_sends_it_after_commit():
    uow, original = stored(sent=True)
    dispatcher = FakeDispatcher()

    copy_id = resend(uow, original.id, dispatcher)

    copy = uow.notifications.get(copy_id)
    assert dispatcher.queued == [copy_id]
    assert (copy.status, copy.resend_of, copy.content) == (
        DeliveryStatus.PENDING,
        original.id,
        original.content,
    )
    assert uow.notifications.get(original.id).status is DeliveryStatus.SENT


def test_a_notification_still_being_delivered_is_not_resent():
    uow, original = stored(sent=False)
    dispatcher = FakeDispatcher()

    with pytest.raises(BusinessRuleViolation):
        resend(uow, original.id, dispatcher)

    assert (len(uow.notifications.all()), dispatcher.queued) == (1, [])


def test_resending_an_unknown_notification_is_refused_as_not_found():
    with pytest.raises(NotFound):
        resend(FakeUnitOfWork(), NotificationId.new(), FakeDispatcher())
