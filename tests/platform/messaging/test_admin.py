import pytest
from django.urls import reverse

from oms.contexts.notifications.infrastructure.models import NotificationsInbox
from tests.platform.messaging import sample
from tests.platform.messaging.test_dead_letters import _park

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin-1", "admin@example.com", "pw")
    client.force_login(admin)
    return client


def test_staff_replay_a_dead_message_from_the_admin(staff_client, flaky_handler):
    _park(flaky_handler, sample.ping())
    dead = NotificationsInbox.objects.get()

    response = staff_client.post(
        reverse("admin:notifications_notificationsinbox_changelist"),
        {"action": "replay_dead_letters", "_selected_action": [dead.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert "1 handled, 0 still dead" in response.content.decode()
    dead.refresh_from_db()
    assert dead.status == "processed"


def test_the_admin_shows_messages_but_offers_no_way_to_edit_them(staff_client, flaky_handler):
    _park(flaky_handler, sample.ping())
    dead = NotificationsInbox.objects.get()

    listing = staff_client.get(reverse("admin:notifications_notificationsoutbox_changelist"))
    detail = staff_client.get(reverse("admin:notifications_notificationsinbox_change", args=[dead.pk]))
    add = staff_client.get(reverse("admin:notifications_notificationsinbox_add"))

    assert listing.status_code == 200
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert add.status_code == 403


def test_a_failing_replay_from_the_admin_shows_the_error(staff_client, flaky_handler):
    _park(flaky_handler, sample.ping())
    flaky_handler.failures = 1
    dead = NotificationsInbox.objects.get()

    response = staff_client.post(
        reverse("admin:notifications_notificationsinbox_changelist"),
        {"action": "replay_dead_letters", "_selected_action": [dead.pk]},
        follow=True,
    )

    assert "still dead" in response.content.decode()
    assert "failing on purpose" in response.content.decode()
