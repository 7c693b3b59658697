"""Handling an order event: a notification per enabled channel and destination, stored, then sent."""

import json
import uuid

import pytest

from oms.contexts.notifications.application import samples
from oms.contexts.notifications.application.notify import notify_customer
from oms.contexts.notifications.application.ports import Contact, SourceUnavailable, WebhookEndpoint
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel, DeliveryStatus
from oms.shared_kernel.money import Money
from tests.contexts.notifications.unit.fakes import FakeClock, FakeDispatcher, FakeUnitOfWork, sources

ALL = frozenset(Channel)
ADA = Contact(name="Ada Lovelace", email="ada@example.com")
HOOK = WebhookEndpoint(subscription_id=uuid.uuid4(), url="https://erp.example/hooks")


def notify(
    news, *, channels=ALL, contact=ADA, order=samples.ORDER, endpoints=None, uow=None, dispatcher=None
):
    uow, dispatcher = uow or FakeUnitOfWork(), dispatcher or FakeDispatcher()
    made = sources(order=order, contact=contact, endpoints=endpoints)
    stored = notify_customer(
        news, uow=uow, sources=made, dispatcher=dispatcher, clock=FakeClock(), channels=channels
    )
    return stored, uow, dispatcher, made


def by_channel(uow):
    return {n.channel: n for n in uow.notifications.all()}


def test_a_customer_is_told_by_email_and_in_app_and_both_are_sent_after_commit():
    news = samples.sample_news(Topic.ORDER_SHIPPED)

    stored, uow, dispatcher, _ = notify(news)

    notifications = by_channel(uow)
    assert set(notifications) == {Channel.EMAIL, Channel.IN_APP}
    assert dispatcher.queued == stored == [n.id for n in uow.notifications.all()]
    assert uow.commits == 1
    assert all(n.status is DeliveryStatus.PENDING for n in notifications.values())


def test_the_email_goes_to_the_customers_address_and_both_are_theirs_to_read():
    news = samples.sample_news(Topic.ORDER_CONFIRMED)

    _, uow, _, _ = notify(news)

    email, in_app = by_channel(uow)[Channel.EMAIL], by_channel(uow)[Channel.IN_APP]
    assert (email.destination.address, in_app.destination.address) == ("ada@example.com", "")
    assert email.destination.recipient_id == in_app.destination.recipient_id == news.customer_id
    assert (email.content.subject, email.content.html) == (
        "order.confirmed SO-000042",
        "<p>order.confirmed</p>",
    )
    assert (email.cause.message_id, email.cause.order_number) == (news.message_id, "SO-000042")


def test_templates_are_given_the_orders_lines_and_total_the_events_facts_and_the_customers_name():
    news = samples.sample_news(Topic.ORDER_REFUNDED)

    _, _, _, made = notify(news)

    [(topic, channel, context), _] = made.templates.contexts
    assert (topic, channel) == (Topic.ORDER_REFUNDED, Channel.EMAIL)
    assert context["order"] == samples.ORDER
    assert (context["amount"], context["fully"]) == (Money("12.50", "EUR"), False)
    assert (context["number"], context["customer_name"]) == ("SO-000042", "Ada Lovelace")


@pytest.mark.parametrize("contact", [None, Contact(name="No Mail", email="")], ids=["unknown", "no address"])
def test_a_customer_without_an_email_address_is_told_in_app_only(contact):
    _, uow, _, _ = notify(samples.sample_news(Topic.ORDER_DELIVERED), contact=contact)

    assert set(by_channel(uow)) == {Channel.IN_APP}


def test_a_disabled_channel_is_not_used():
    _, uow, _, _ = notify(samples.sample_news(Topic.ORDER_DELIVERED), channels=frozenset({Channel.IN_APP}))

    assert set(by_channel(uow)) == {Channel.IN_APP}


def test_each_webhook_subscription_of_the_topic_gets_the_event_as_signed_json_to_be():
    other = WebhookEndpoint(subscription_id=uuid.uuid4(), url="https://crm.example/hooks")
    news = samples.sample_news(Topic.ORDER_SHIPPED)

    _, uow, _, _ = notify(news, endpoints={Topic.ORDER_SHIPPED: [HOOK], Topic.ORDER_REFUNDED: [other]})

    [hook] = [n for n in uow.notifications.all() if n.channel is Channel.WEBHOOK]
    assert (hook.destination.target, hook.destination.address) == (str(HOOK.subscription_id), HOOK.url)
    assert hook.destination.recipient_id is None
    payload = json.loads(hook.content.body)
    assert (payload["type"], payload["timestamp"]) == ("order.shipped", "2026-12-04T09:30:00+00:00")
    assert payload["data"] | {"lines": None} == {
        "order_id": str(news.order_id),
        "customer_id": str(news.customer_id),
        "number": "SO-000042",
        "carrier": "DHL",
        "tracking_number": "JD014600006281230000",
        "total": {"amount": "32.90", "currency": "EUR"},
        "lines": None,
    }
    assert payload["data"]["lines"][0] == {
        "sku": "MUG-BLUE",
        "quantity": 2,
        "unit_price": {"amount": "12.50", "currency": "EUR"},
        "line_total": {"amount": "25.00", "currency": "EUR"},
    }


def test_an_order_the_orders_context_does_not_find_is_still_told_without_its_lines():
    _, uow, _, made = notify(
        samples.sample_news(Topic.ORDER_REJECTED), order=None, endpoints={Topic.ORDER_REJECTED: [HOOK]}
    )

    [hook] = [n for n in uow.notifications.all() if n.channel is Channel.WEBHOOK]
    assert "lines" not in json.loads(hook.content.body)["data"]
    assert made.templates.contexts[0][2]["order"] is None


def test_the_same_event_handled_again_stores_and_sends_nothing_more():
    news = samples.sample_news(Topic.ORDER_CANCELLED)
    uow, dispatcher = FakeUnitOfWork(), FakeDispatcher()

    first, *_ = notify(news, endpoints={Topic.ORDER_CANCELLED: [HOOK]}, uow=uow, dispatcher=dispatcher)
    again, *_ = notify(news, endpoints={Topic.ORDER_CANCELLED: [HOOK]}, uow=uow, dispatcher=dispatcher)

    assert (len(first), again) == (3, [])
    assert len(uow.notifications.all()) == len(dispatcher.queued) == 3


def test_an_unreachable_orders_context_stores_nothing_so_the_event_is_handled_again_later():
    class Unreachable:
        def details(self, order_id, *, customer_id):
            raise SourceUnavailable("The orders context cannot be reached now.")

    uow, dispatcher = FakeUnitOfWork(), FakeDispatcher()
    made = sources(contact=ADA)
    made = type(made)(
        orders=Unreachable(),
        directory=made.directory,
        subscriptions=made.subscriptions,
        templates=made.templates,
    )

    with pytest.raises(SourceUnavailable):
        notify_customer(
            samples.sample_news(Topic.ORDER_CONFIRMED),
            uow=uow,
            sources=made,
            dispatcher=dispatcher,
            clock=FakeClock(),
            channels=ALL,
        )

    assert (uow.notifications.all(), dispatcher.queued) == ([], [])
