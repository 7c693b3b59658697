import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from oms.contexts.notifications.infrastructure.models import NotificationsOutbox
from oms.platform.correlation import handling
from oms.platform.messaging.registry import InvalidMessage
from tests.platform.messaging import sample

pytestmark = pytest.mark.django_db


def test_a_committed_unit_of_work_leaves_its_messages_in_the_outbox():
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping("p-1"), aggregate_id="p-1")
        uow.commit()

    row = NotificationsOutbox.objects.get()
    assert row.type == "sample.PingSent.v1"
    assert row.payload == {"ping_id": "p-1", "count": 1, "price": {"amount": "12.50", "currency": "EUR"}}
    assert row.published_at is None


def test_leaving_a_unit_of_work_without_commit_leaves_no_message():
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping(), aggregate_id="p-1")

    assert not NotificationsOutbox.objects.exists()


def test_an_exception_in_the_business_change_leaves_no_message():
    def place_and_fail() -> None:
        with sample.SampleUnitOfWork() as uow:
            uow.publish(sample.ping(), aggregate_id="p-1")
            uow.commit()
            raise ZeroDivisionError

    with pytest.raises(ZeroDivisionError):
        place_and_fail()

    assert not NotificationsOutbox.objects.exists()


def test_an_explicit_rollback_discards_what_was_published():
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping(), aggregate_id="p-1")
        uow.rollback()

    assert not NotificationsOutbox.objects.exists()


def test_many_messages_cost_one_insert_in_the_business_transaction():
    with sample.SampleUnitOfWork() as uow, CaptureQueriesContext(connection) as queries:
        for number in range(25):
            uow.publish(sample.ping(f"p-{number}"), aggregate_id=f"p-{number}")
        uow.commit()

    inserts = [query for query in queries.captured_queries if query["sql"].startswith("INSERT")]
    assert len(inserts) == 1
    assert NotificationsOutbox.objects.count() == 25


def test_a_payload_that_breaks_its_contract_is_refused_when_published():
    broken = sample.PingSent(ping_id="p-1", count="one", price=sample.ping().price)  # type: ignore[arg-type]

    with pytest.raises(InvalidMessage, match="count"), sample.SampleUnitOfWork() as uow:
        uow.publish(broken, aggregate_id="p-1")


def test_messages_carry_the_correlation_and_causation_of_the_work_in_hand():
    with handling(correlation_id="req-42", causation_id="msg-7"), sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping(), aggregate_id="p-1")
        uow.commit()

    row = NotificationsOutbox.objects.get()
    assert (row.correlation_id, row.causation_id) == ("req-42", "msg-7")


def test_a_message_outside_any_request_gets_a_fresh_correlation_id():
    with sample.SampleUnitOfWork() as uow:
        uow.publish(sample.ping(), aggregate_id="p-1")
        uow.commit()

    row = NotificationsOutbox.objects.get()
    assert len(row.correlation_id) == 36
    assert row.causation_id is None
