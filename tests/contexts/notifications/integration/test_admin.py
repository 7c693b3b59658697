"""The back office: notifications and attempts read only, subscriptions edited, templates previewed,
and a resend that goes through the application layer."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from oms.contexts.identity.infrastructure.models import User
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.infrastructure.models import NotificationRecord, WebhookSubscriptionRecord
from oms.contexts.notifications.infrastructure.signatures import new_secret, secret_key
from tests.contexts.notifications.integration.conftest import deliver, notifications, shipped

pytestmark = pytest.mark.django_db
NOTIFICATIONS = "/admin/notifications/notificationrecord/"
SUBSCRIPTIONS = "/admin/notifications/webhooksubscriptionrecord/"


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("sub-backoffice", "bo@example.test", "pw"))
    return client


@pytest.fixture
def sent(order, django_capture_on_commit_callbacks) -> list[NotificationRecord]:
    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))
    return notifications()


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_notification_shows_its_attempts_and_cannot_be_added_changed_or_deleted(staff_client, sent):
    email = sent[0]

    page = staff_client.get(f"{NOTIFICATIONS}{email.pk}/change/").content.decode()

    assert "Delivery attempts" in page
    assert re.search(r'class="field-outcome">\s*<p>sent</p>', page)
    assert email.subject in page
    assert 'name="_save"' not in page
    assert staff_client.get(f"{NOTIFICATIONS}add/").status_code == 403
    assert staff_client.post(f"{NOTIFICATIONS}{email.pk}/delete/", {"post": "yes"}).status_code == 403
    assert (
        staff_client.get(NOTIFICATIONS, {"q": email.order_number, "status__exact": "sent"}).status_code == 200
    )


def test_attempts_are_listed_read_only(staff_client, sent):
    listing = staff_client.get("/admin/notifications/deliveryattemptrecord/")

    assert listing.status_code == 200
    assert staff_client.get("/admin/notifications/deliveryattemptrecord/add/").status_code == 403


def test_resending_a_sent_email_sends_a_new_one_and_keeps_the_original(
    staff_client, sent, django_capture_on_commit_callbacks
):
    email = sent[0]

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            NOTIFICATIONS, {"action": "resend", "_selected_action": [email.pk]}, follow=True
        )

    assert messages_of(response) == ["1 notification(s) resent."]
    copy = NotificationRecord.objects.get(resend_of=email.pk)
    assert (copy.status, copy.subject, copy.address) == ("sent", email.subject, email.address)
    assert len(mail.outbox) == 2
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 1)


def test_staff_who_may_only_view_notifications_cannot_resend_them(client, sent):
    viewer = User.objects.create_user(subject="sub-viewer", email="viewer@example.test", is_staff=True)
    viewer.user_permissions.set([Permission.objects.get(codename="view_notificationrecord")])
    client.force_login(viewer)

    listing = client.get(NOTIFICATIONS)
    refused = client.post(NOTIFICATIONS, {"action": "resend", "_selected_action": [sent[0].pk]})

    assert listing.status_code == 200
    assert "resend" not in listing.content.decode()
    assert refused.status_code in (200, 302)
    assert not NotificationRecord.objects.filter(resend_of__isnull=False).exists()


def test_a_notification_still_being_delivered_is_not_resent(
    staff_client, order, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        deliver(shipped(order))
    pending = notifications("email")[0]

    response = staff_client.post(
        NOTIFICATIONS, {"action": "resend", "_selected_action": [pending.pk]}, follow=True
    )

    assert "is still being delivered (pending)" in messages_of(response)[0]
    assert NotificationRecord.objects.filter(resend_of=pending.pk).count() == 0


def test_every_template_can_be_previewed_with_sample_data(staff_client):
    index = staff_client.get(f"{NOTIFICATIONS}previews/").content.decode()

    for topic in Topic:
        for channel in Channel:
            url = f"{NOTIFICATIONS}previews/{topic.value}/{channel.value}/"
            assert url in index
            page = staff_client.get(url)
            assert page.status_code == 200, url
            assert "SO-000042" in page.content.decode()
    assert staff_client.get(f"{NOTIFICATIONS}previews/order.lost/email/").status_code == 404


def test_the_email_preview_shows_the_html_in_a_sandboxed_frame(staff_client):
    page = staff_client.get(f"{NOTIFICATIONS}previews/order.shipped/email/").content.decode()

    assert "<iframe" in page
    assert "sandbox" in page
    assert "&lt;td&gt;MUG-BLUE&lt;/td&gt;" in page  # escaped into srcdoc, rendered only inside the frame
    assert "Tracking number: JD014600006281230000" in page


def test_the_changelist_links_to_the_previews(staff_client):
    assert f"{NOTIFICATIONS}previews/" in staff_client.get(NOTIFICATIONS).content.decode()


def test_staff_create_a_subscription_with_its_topics_and_a_generated_secret(staff_client):
    form = staff_client.get(f"{SUBSCRIPTIONS}add/").content.decode()
    assert "order.refunded" in form

    response = staff_client.post(
        f"{SUBSCRIPTIONS}add/",
        {
            "name": "ERP",
            "url": "https://erp.example/hooks",
            "event_types": ["order.shipped", "order.refunded"],
            "active": "on",
            "secret": new_secret(),
        },
    )

    assert response.status_code == 302, response.content.decode()
    created = WebhookSubscriptionRecord.objects.get()
    assert (created.event_types, created.active) == (["order.shipped", "order.refunded"], True)
    assert len(secret_key(created.secret)) == 24


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("secret", "hunter2", "A webhook secret starts with whsec_."),
        ("url", "ftp://erp.example/hooks", "A webhook URL is http or https."),
        ("event_types", ["order.lost"], "Select a valid choice."),
    ],
)
def test_a_subscription_with_a_bad_secret_url_or_topic_is_refused(staff_client, field, value, error):
    data = {
        "name": "ERP",
        "url": "https://erp.example/hooks",
        "event_types": ["order.shipped"],
        "secret": new_secret(),
        field: value,
    }

    response = staff_client.post(f"{SUBSCRIPTIONS}add/", data)

    assert response.status_code == 200
    assert error in response.content.decode()
    assert not WebhookSubscriptionRecord.objects.exists()


def test_a_new_subscription_gets_a_fresh_secret(staff_client):
    WebhookSubscriptionRecord.objects.create(name="A", url="https://a.example")
    WebhookSubscriptionRecord.objects.create(name="B", url="https://b.example")

    first, second = WebhookSubscriptionRecord.objects.order_by("name")

    assert first.secret != second.secret
