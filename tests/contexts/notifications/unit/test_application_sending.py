"""Sending a notification: one try per call, outside any transaction, recorded, never repeated once sent."""

from datetime import timedelta

from oms.contexts.notifications.application.ports import DeliveryFailed
from oms.contexts.notifications.application.sending import Delivery, Outcome, send_notification
from oms.contexts.notifications.domain.channels import AttemptOutcome, Channel, DeliveryStatus
from oms.contexts.notifications.domain.notification import NotificationId
from tests.contexts.notifications.unit.builders import LEASE, POLICY, a_notification
from tests.contexts.notifications.unit.fakes import FakeClock, FakeUnitOfWork, ScriptedTransport


class Setup:
    def __init__(self, *failures, channel=Channel.EMAIL):
        self.uow, self.clock = FakeUnitOfWork(), FakeClock()
        self.transports = {c: ScriptedTransport() for c in Channel}
        self.transports[channel] = ScriptedTransport(*failures)
        self.notification = a_notification(channel)
        self.uow.notifications.add(self.notification)

    def send(self, notification_id=None):
        delivery = Delivery(transports=self.transports, policy=POLICY, lease=LEASE)
        return send_notification(
            notification_id or self.notification.id, uow=self.uow, delivery=delivery, clock=self.clock
        )

    def stored(self):
        return self.uow.notifications.get(self.notification.id)


def test_a_pending_notification_is_delivered_by_its_channel_and_marked_sent():
    setup = Setup()

    result = setup.send()

    assert result.outcome is Outcome.SENT
    assert setup.transports[Channel.EMAIL].delivered == [setup.notification.id]
    stored = setup.stored()
    assert (stored.status, stored.attempts, stored.sent_at) == (DeliveryStatus.SENT, 1, setup.clock.now())
    assert [a.outcome for a in stored.history] == [AttemptOutcome.SENT]


def test_a_sent_notification_is_never_sent_again():
    setup = Setup()
    setup.send()

    again = setup.send()

    assert again.outcome is Outcome.NOTHING_TO_DO
    assert setup.transports[Channel.EMAIL].tries == 1


def test_the_transport_is_called_with_no_transaction_open():
    setup = Setup()
    seen = []
    setup.transports[Channel.EMAIL].send = lambda notification: seen.append(setup.uow.is_open)

    setup.send()

    assert seen == [False]


def test_a_failed_try_is_recorded_and_the_next_one_scheduled_after_the_backoff():
    setup = Setup(DeliveryFailed("The receiver answered HTTP 500."))

    result = setup.send()

    assert (result.outcome, result.retry_in) == (Outcome.RETRY, POLICY.base_delay_seconds)
    stored = setup.stored()
    assert (stored.status, stored.last_error) == (DeliveryStatus.FAILED, "The receiver answered HTTP 500.")
    assert stored.next_attempt_at == setup.clock.now() + timedelta(seconds=POLICY.base_delay_seconds)


def test_the_last_failed_try_parks_the_notification_as_dead():
    setup = Setup(*[DeliveryFailed(f"timeout {n}") for n in range(POLICY.max_attempts)])

    outcomes = [setup.send().outcome for _ in range(POLICY.max_attempts + 1)]

    assert outcomes == [Outcome.RETRY, Outcome.RETRY, Outcome.DEAD, Outcome.NOTHING_TO_DO]
    stored = setup.stored()
    assert (stored.status, stored.attempts, len(stored.history)) == (DeliveryStatus.DEAD, 3, 3)
    assert setup.transports[Channel.EMAIL].tries == POLICY.max_attempts


def test_a_permanent_failure_parks_the_notification_without_retrying():
    setup = Setup(
        DeliveryFailed("The webhook subscription was deleted.", permanent=True), channel=Channel.WEBHOOK
    )

    assert setup.send().outcome is Outcome.DEAD
    assert setup.stored().attempts == 1


def test_a_notification_another_worker_holds_is_left_to_it():
    setup = Setup()
    held = setup.uow.notifications.get(setup.notification.id)
    held.claim(setup.clock.now(), lease=LEASE, policy=POLICY)
    setup.uow.notifications.save(held)

    assert setup.send().outcome is Outcome.NOTHING_TO_DO
    assert setup.transports[Channel.EMAIL].tries == 0


def test_an_unknown_notification_is_nothing_to_do():
    setup = Setup()

    assert setup.send(NotificationId.new()).outcome is Outcome.NOTHING_TO_DO


def test_a_failing_channel_does_not_hold_back_the_others():
    setup = Setup(DeliveryFailed("SMTP 451: try later"))
    in_app = a_notification(Channel.IN_APP)
    setup.uow.notifications.add(in_app)

    outcomes = [setup.send().outcome, setup.send(in_app.id).outcome]

    assert outcomes == [Outcome.RETRY, Outcome.SENT]
    assert setup.transports[Channel.IN_APP].delivered == [in_app.id]
