import pytest
from django.apps import apps

from oms.contexts.payments import facade
from oms.contexts.payments.infrastructure.models import PaymentsInbox, PaymentsOutbox
from oms.platform.messaging.bus import bus


def test_the_payments_context_is_a_django_app_labelled_with_its_name():
    config = apps.get_app_config("payments")

    assert config.name == "oms.contexts.payments.infrastructure"
    assert facade.__doc__


@pytest.mark.django_db
def test_the_payments_context_owns_an_outbox_and_an_inbox_the_relay_knows():
    assert PaymentsOutbox in bus.outboxes()
    assert PaymentsOutbox._meta.db_table == "payments_outbox"
    assert PaymentsInbox.objects.count() == 0
