"""A notification's delivery: tries claimed under a lease, backed off, parked, never sent twice."""

from datetime import timedelta

import pytest

from oms.contexts.notifications.domain.channels import AttemptOutcome, DeliveryStatus
from oms.contexts.notifications.domain.notification import LOST_TRY, NotificationId
from oms.contexts.notifications.domain.retry import RetryPolicy
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue
from tests.contexts.notifications.unit.builders import LEASE, POLICY, a_notification
from tests.contexts.notifications.unit.fakes import START

LATER = START + timedelta(seconds=5)


def claimed(at=START):
    notification = a_notification()
    assert notification.claim(at, lease=LEASE, policy=POLICY)
    return notification


def test_a_new_notification_is_pending_and_due_at_once():
    notification = a_notification()

    assert (notification.status, notification.attempts, notification.next_attempt_at) == (
        DeliveryStatus.PENDING,
        0,
        START,
    )


def test_claiming_takes_a_try_under_a_lease():
    notification = claimed()

    assert (notification.status, notification.attempts) == (DeliveryStatus.SENDING, 1)
    assert notification.lease_until == START + LEASE


def test_a_try_held_by_another_worker_cannot_be_claimed_while_its_lease_runs():
    notification = claimed()

    assert not notification.claim(START + LEASE - timedelta(seconds=1), lease=LEASE, policy=POLICY)
    assert notification.attempts == 1


def test_a_lapsed_lease_counts_as_a_failed_try_and_the_next_one_is_claimed():
    notification = claimed()

    assert notification.claim(START + LEASE, lease=LEASE, policy=POLICY)

    assert notification.attempts == 2
    assert [(a.number, a.outcome, a.error) for a in notification.history] == [
        (1, AttemptOutcome.FAILED, LOST_TRY)
    ]


def test_a_lost_last_try_parks_the_notification_as_dead():
    notification = claimed()
    for _ in range(POLICY.max_attempts - 1):
        notification.record_failure("HTTP 500", started_at=START, now=START, policy=POLICY)
        notification.claim(START, lease=LEASE, policy=POLICY)

    assert not notification.claim(START + LEASE * 2, lease=LEASE, policy=POLICY)
    assert (notification.status, notification.last_error) == (DeliveryStatus.DEAD, LOST_TRY)


def test_a_sent_notification_is_never_claimed_again():
    notification = claimed()
    notification.record_sent(started_at=START, now=LATER)

    assert not notification.claim(LATER + LEASE * 10, lease=LEASE, policy=POLICY)
    assert (notification.status, notification.sent_at, notification.attempts) == (
        DeliveryStatus.SENT,
        LATER,
        1,
    )


def test_failed_tries_back_off_exponentially_up_to_the_cap():
    policy = RetryPolicy(max_attempts=6, base_delay_seconds=10, max_delay_seconds=45)
    notification = a_notification()
    delays = []
    for _ in range(5):
        notification.claim(START, lease=LEASE, policy=policy)
        delays.append(notification.record_failure("timeout", started_at=START, now=START, policy=policy))

    assert delays == [10, 20, 40, 45, 45]
    assert notification.next_attempt_at == START + timedelta(seconds=45)
    assert notification.status is DeliveryStatus.FAILED


def test_the_last_failed_try_parks_the_notification_as_dead_with_its_error():
    notification = a_notification()
    for attempt in range(POLICY.max_attempts):
        notification.claim(START, lease=LEASE, policy=POLICY)
        retry_in = notification.record_failure(
            f"HTTP 50{attempt}", started_at=START, now=LATER, policy=POLICY
        )

    assert retry_in is None
    assert (notification.status, notification.last_error, notification.next_attempt_at) == (
        DeliveryStatus.DEAD,
        "HTTP 502",
        None,
    )
    assert not notification.claim(LATER, lease=LEASE, policy=POLICY)


def test_a_permanent_failure_parks_the_notification_at_once():
    notification = claimed()

    retry_in = notification.record_failure(
        "subscription gone", started_at=START, now=LATER, policy=POLICY, permanent=True
    )

    assert (retry_in, notification.status, notification.attempts) == (None, DeliveryStatus.DEAD, 1)


def test_a_failure_reported_after_another_worker_sent_it_leaves_it_sent():
    notification = claimed()
    notification.record_sent(started_at=START, now=LATER)

    assert notification.record_failure("late timeout", started_at=START, now=LATER, policy=POLICY) is None
    assert notification.status is DeliveryStatus.SENT


def test_every_try_is_recorded_with_its_number_outcome_error_and_times():
    notification = claimed()
    notification.record_failure("HTTP 500", started_at=START, now=LATER, policy=POLICY)
    notification.claim(LATER, lease=LEASE, policy=POLICY)
    notification.record_sent(started_at=LATER, now=LATER + timedelta(seconds=1))

    assert [(a.number, a.outcome, a.error, a.started_at) for a in notification.history] == [
        (1, AttemptOutcome.FAILED, "HTTP 500", START),
        (2, AttemptOutcome.SENT, "", LATER),
    ]


def sent(notification):
    notification.claim(START, lease=LEASE, policy=POLICY)
    notification.record_sent(started_at=START, now=LATER)
    return notification


def test_a_resend_is_a_new_pending_notification_with_the_same_content():
    original = sent(a_notification())

    copy = original.resend(NotificationId.new(), now=LATER)

    assert (copy.status, copy.attempts, copy.created_at) == (DeliveryStatus.PENDING, 0, LATER)
    assert (copy.content, copy.destination, copy.cause) == (
        original.content,
        original.destination,
        original.cause,
    )
    assert copy.id != original.id
    assert original.status is DeliveryStatus.SENT


def test_resends_of_resends_all_name_the_first_notification_as_their_origin():
    original = sent(a_notification())

    copy = sent(original.resend(NotificationId.new(), now=LATER))
    copy_of_copy = copy.resend(NotificationId.new(), now=LATER)

    assert copy.origin_id == copy_of_copy.origin_id == original.id
    assert original.origin_id == original.id


def failed_once():
    notification = claimed()
    notification.record_failure("HTTP 500", started_at=START, now=START, policy=POLICY)
    return notification


@pytest.mark.parametrize(
    "in_flight", [a_notification, claimed, failed_once], ids=["pending", "sending", "failed"]
)
def test_a_notification_still_being_delivered_cannot_be_resent(in_flight):
    with pytest.raises(BusinessRuleViolation, match="still being delivered"):
        in_flight().resend(NotificationId.new(), now=LATER)


@pytest.mark.parametrize("policy", [{"max_attempts": 0}, {"base_delay_seconds": -1}])
def test_a_retry_policy_needs_a_try_and_no_negative_delay(policy):
    with pytest.raises(InvalidValue):
        RetryPolicy(**policy)
