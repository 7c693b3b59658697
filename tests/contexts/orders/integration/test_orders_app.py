import pytest
from django.apps import apps

from oms.contexts.orders import facade
from oms.contexts.orders.infrastructure.models import OrdersInbox, OrdersOutbox
from oms.platform.messaging.bus import bus


def test_the_orders_context_is_a_django_app_labelled_with_its_name():
    config = apps.get_app_config("orders")

    assert config.name == "oms.contexts.orders.infrastructure"
    assert facade.__doc__


@pytest.mark.django_db
def test_the_orders_context_owns_an_outbox_and_an_inbox_the_relay_knows():
    assert OrdersOutbox in bus.outboxes()
    assert OrdersOutbox._meta.db_table == "orders_outbox"
    assert OrdersInbox.objects.count() == 0
