import pytest
from django.apps import apps

from oms.contexts.notifications import facade
from oms.contexts.notifications.infrastructure.models import NotificationsInbox, NotificationsOutbox
from oms.platform.messaging.bus import bus


def test_the_notifications_context_is_a_django_app_labelled_with_its_name():
    config = apps.get_app_config("notifications")

    assert config.name == "oms.contexts.notifications.infrastructure"
    assert facade.__doc__


@pytest.mark.django_db
def test_the_notifications_context_owns_an_outbox_and_an_inbox_the_relay_knows():
    assert NotificationsOutbox in bus.outboxes()
    assert NotificationsOutbox._meta.db_table == "notifications_outbox"
    assert NotificationsInbox.objects.count() == 0
