"""Notifications at /metrics: every try of every channel counted as sent or failed."""

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.contexts.notifications.integration.conftest import deliver, shipped
from tests.contexts.notifications.integration.smtp_server import free_port

pytestmark = pytest.mark.django_db


def notifications_total(client) -> dict[tuple[str, str], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.labels["channel"], sample.labels["status"]): sample.value
        for family in text_string_to_metric_families(response.content.decode())
        for sample in family.samples
        if sample.name == "oms_notifications_total"
    }


def moved(before: dict, after: dict) -> dict[tuple[str, str], float]:
    return {key: after[key] - before[key] for key in after if after[key] != before[key]}


def test_every_channel_and_outcome_is_exported_before_anything_is_sent(client):
    counted = notifications_total(client)

    assert set(counted) == {
        (channel, status) for channel in ("email", "in_app", "webhook") for status in ("sent", "failed")
    }


def test_a_shipped_order_counts_its_email_and_in_app_message_as_sent(
    client, smtp, order, django_capture_on_commit_callbacks
):
    before = notifications_total(client)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    assert moved(before, notifications_total(client)) == {("email", "sent"): 1, ("in_app", "sent"): 1}


def test_an_smtp_server_that_is_down_counts_each_failed_try(
    client, settings, order, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    before = notifications_total(client)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(shipped(order))

    assert moved(before, notifications_total(client)) == {("email", "failed"): 3, ("in_app", "sent"): 1}
