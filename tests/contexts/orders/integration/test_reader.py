"""The read side on PostgreSQL: filters, ordering, and a cost that does not grow with the page."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from oms.contexts.orders.contracts.dtos import OrderListQuery
from oms.contexts.orders.infrastructure.clock import saga_policy
from oms.contexts.orders.infrastructure.models import OrderRecord
from oms.contexts.orders.infrastructure.reader import DjangoOrderReader
from tests.contexts.orders.integration.conftest import place

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader() -> DjangoOrderReader:
    return DjangoOrderReader(saga_policy())


@pytest.mark.parametrize("size", [5, 30])
def test_a_page_costs_three_queries_whatever_its_size(shelves, reader, django_assert_num_queries, size):
    for _ in range(size):
        place(MUG=1, CUP=1)

    with django_assert_num_queries(3):
        page = reader.page(OrderListQuery(limit=size))

    assert (page.count, len(page.results)) == (size, size)
    assert all(len(summary.lines) == 2 for summary in page.results)


def test_filters_narrow_by_customer_status_and_time(shelves, reader):
    mine = uuid.uuid4()
    first, second, _ = place(mine), place(mine), place()
    OrderRecord.objects.filter(pk=first.id).update(
        status="rejected", created_at=timezone.now() - timedelta(days=2)
    )

    def ids(**filters):
        return [summary.id for summary in reader.page(OrderListQuery(**filters)).results]

    assert ids(customer_id=mine) == [second.id, first.id]
    assert ids(customer_id=mine, statuses=("rejected",)) == [first.id]
    assert ids(customer_id=mine, created_after=timezone.now() - timedelta(days=1)) == [second.id]
    assert ids(customer_id=mine, created_before=timezone.now() - timedelta(days=1)) == [first.id]
    assert ids(customer_id=mine, ordering="number") == [first.id, second.id]


def test_offset_and_limit_slice_the_list(shelves, reader):
    placed = [place().id for _ in range(5)]

    page = reader.page(OrderListQuery(ordering="created_at", offset=2, limit=2))

    assert (page.count, [s.id for s in page.results]) == (5, placed[2:4])
