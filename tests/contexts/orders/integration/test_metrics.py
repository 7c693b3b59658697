"""The orders' business metrics at /metrics: orders placed and by status, stuck sagas, saga step times."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from oms.contexts.inventory.contracts.events import Shortage, StockReservationFailed, StockReserved
from oms.contexts.orders.infrastructure.clock import saga_policy
from oms.contexts.orders.infrastructure.models import SagaRecord
from tests.contexts.orders.integration.conftest import deliver, place

pytestmark = pytest.mark.django_db


def scrape(client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics, by name and labels."""
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
    }


def status(scraped, name: str) -> float:
    return scraped[("oms_orders_by_status", (("status", name),))]


def step(scraped, suffix: str, name: str = "reserve_stock") -> float:
    return scraped[(f"oms_saga_step_duration_seconds_{suffix}", (("step", name),))]


def reserved(order_id: uuid.UUID) -> StockReserved:
    return StockReserved(order_id=order_id, expires_at=timezone.now())


def sent_ago(order_id: uuid.UUID, seconds: float) -> None:
    """As if the saga had sent its reservation request ``seconds`` ago."""
    deadline = timezone.now() - timedelta(seconds=seconds) + saga_policy().reserve_stock_timeout
    SagaRecord.objects.filter(pk=order_id).update(deadline=deadline)


def test_placed_orders_count_and_move_between_statuses(client, shelves):
    before = scrape(client)
    kept, refused = place(MUG=1), place(MUG=1)
    shortage = (Shortage(sku="MUG", requested=1, available=0),)

    deliver(
        StockReservationFailed(order_id=refused.id, shortages=shortage), "orders.on_stock_reservation_failed"
    )

    after = scrape(client)
    assert after[("oms_orders_placed_total", ())] - before[("oms_orders_placed_total", ())] == 2
    assert status(after, "pending") - status(before, "pending") == 1
    assert status(after, "rejected") - status(before, "rejected") == 1
    assert status(after, "refunded") == status(before, "refunded")
    assert kept.status == "pending"


def test_a_saga_flagged_for_attention_shows_on_the_gauge(client, shelves):
    order = place()
    before = scrape(client)[("oms_sagas_needing_attention", ())]

    SagaRecord.objects.filter(pk=order.id).update(needs_attention=True, attention_reason="stuck")

    assert scrape(client)[("oms_sagas_needing_attention", ())] == before + 1


def test_a_reply_that_ends_a_step_observes_the_time_since_its_command(
    client, shelves, django_capture_on_commit_callbacks
):
    order = place()
    sent_ago(order.id, 5)
    before = scrape(client)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(reserved(order.id), "orders.on_stock_reserved")

    after = scrape(client)
    assert step(after, "count") - step(before, "count") == 1
    assert 5 <= step(after, "sum") - step(before, "sum") < 10


def test_a_repeated_reply_ends_no_step_and_observes_nothing(
    client, shelves, django_capture_on_commit_callbacks
):
    order = place()
    with django_capture_on_commit_callbacks(execute=True):
        deliver(reserved(order.id), "orders.on_stock_reserved")
    before = scrape(client)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(reserved(order.id), "orders.on_stock_reserved")

    assert step(scrape(client), "count") == step(before, "count")


def test_a_step_is_observed_only_once_its_handling_commits(
    client, shelves, django_capture_on_commit_callbacks
):
    order = place()
    before = scrape(client)

    with django_capture_on_commit_callbacks(execute=False) as pending:
        deliver(reserved(order.id), "orders.on_stock_reserved")

    assert step(scrape(client), "count") == step(before, "count")
    for callback in pending:
        callback()
    assert step(scrape(client), "count") == step(before, "count") + 1
