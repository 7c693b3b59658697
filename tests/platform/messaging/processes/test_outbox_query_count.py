"""The outbox costs the business transaction one INSERT per commit, however many messages it carries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.platform.messaging import sample

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("flaky_handler")]


def statements_of_a_commit_publishing(count: int) -> list[str]:
    with CaptureQueriesContext(connection) as captured, sample.SampleUnitOfWork() as uow:
        for number in range(count):
            uow.publish(sample.ping(f"p-{number}"), aggregate_id=f"p-{number}")
        uow.commit()
    return [query["sql"] for query in captured.captured_queries]


def outbox_statements(statements: list[str]) -> list[str]:
    return [sql for sql in statements if "notifications_outbox" in sql]


def test_a_commit_without_messages_never_touches_the_outbox():
    assert outbox_statements(statements_of_a_commit_publishing(0)) == []


@pytest.mark.parametrize("count", [1, 10, 500])
def test_a_commit_writes_all_its_messages_with_a_single_insert(count):
    written = outbox_statements(statements_of_a_commit_publishing(count))

    assert len(written) == 1
    assert written[0].startswith('INSERT INTO "notifications_outbox"')


def test_more_messages_add_no_statements_to_the_business_transaction():
    assert len(statements_of_a_commit_publishing(500)) == len(statements_of_a_commit_publishing(1))
