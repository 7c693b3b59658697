import pytest
from django.apps import apps

from oms.contexts.inventory import facade
from oms.contexts.inventory.infrastructure.models import InventoryInbox, InventoryOutbox
from oms.platform.messaging.bus import bus


def test_the_inventory_context_is_a_django_app_labelled_with_its_name():
    config = apps.get_app_config("inventory")

    assert config.name == "oms.contexts.inventory.infrastructure"
    assert facade.__doc__


@pytest.mark.django_db
def test_the_inventory_context_owns_an_outbox_and_an_inbox_the_relay_knows():
    assert InventoryOutbox in bus.outboxes()
    assert InventoryOutbox._meta.db_table == "inventory_outbox"
    assert InventoryInbox.objects.count() == 0
