import pytest
from django.apps import apps

from oms.contexts.identity import facade
from oms.contexts.identity.infrastructure.models import IdentityInbox, IdentityOutbox
from oms.platform.messaging.bus import bus


def test_the_identity_context_is_a_django_app_labelled_with_its_name():
    config = apps.get_app_config("identity")

    assert config.name == "oms.contexts.identity.infrastructure"
    assert facade.__doc__


@pytest.mark.django_db
def test_the_identity_context_owns_an_outbox_and_an_inbox_the_relay_knows():
    assert IdentityOutbox in bus.outboxes()
    assert IdentityOutbox._meta.db_table == "identity_outbox"
    assert IdentityInbox.objects.count() == 0
