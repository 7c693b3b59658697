"""The sweeper on PostgreSQL, by its Celery task and by its management command."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from oms.contexts.orders.infrastructure.models import SagaJournalRecord, SagaRecord
from oms.contexts.orders.infrastructure.tasks import sweep_sagas_task
from tests.contexts.orders.integration.conftest import outbox, place

pytestmark = pytest.mark.django_db


def overdue(order_id, *, attempts: int = 1) -> None:
    """As if the reservation had been asked for ``attempts`` times and the last deadline had passed."""
    steps = {"reserve_stock": {"attempts": attempts, "last_error": None}}
    SagaRecord.objects.filter(pk=order_id).update(deadline=timezone.now() - timedelta(seconds=1), steps=steps)


def test_the_task_resends_an_overdue_reservation_request_with_a_new_deadline(shelves):
    order, waiting = place(), place()
    overdue(order.id)

    assert sweep_sagas_task() == {"resent": 1, "flagged": 0, "skipped": 0}

    assert len(outbox("inventory.ReserveStock.v1", order_id=order.id)) == 2
    assert len(outbox("inventory.ReserveStock.v1", order_id=waiting.id)) == 1
    saga = SagaRecord.objects.get(pk=order.id)
    assert saga.steps["reserve_stock"]["attempts"] == 2
    assert saga.deadline > timezone.now()


def test_the_command_flags_a_saga_out_of_attempts_and_says_so(shelves):
    order = place()
    overdue(order.id, attempts=3)
    out = StringIO()

    call_command("sweep_sagas", stdout=out)

    assert out.getvalue().strip() == "0 resent, 1 flagged, 0 skipped"
    saga = SagaRecord.objects.get(pk=order.id)
    assert (saga.needs_attention, saga.deadline) == (True, None)
    assert saga.attention_reason == "No reply to reserve stock after 3 attempts."
    assert SagaJournalRecord.objects.filter(saga=saga, direction="noted").exists()
    assert len(outbox("inventory.ReserveStock.v1")) == 1
