"""One piece of order news becomes its notifications: one per enabled channel and destination.

Rendering happens here, once, when the event is handled: a retry or a resend sends exactly what was
rendered then, even if a template or the customer's address changed since.
"""

import json
from collections.abc import Mapping
from datetime import datetime

from oms.contexts.notifications.application.ports import Contact, OrderDetails, Sources
from oms.contexts.notifications.application.topics import Fact, OrderNews
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import (
    Cause,
    Content,
    Destination,
    Notification,
    NotificationId,
)
from oms.shared_kernel.money import Money

CUSTOMER_CHANNELS = frozenset({Channel.EMAIL, Channel.IN_APP})


def compose(
    news: OrderNews, *, sources: Sources, channels: frozenset[Channel], now: datetime
) -> list[Notification]:
    order = sources.orders.details(news.order_id, customer_id=news.customer_id)
    made = _for_customer(news, order, sources, channels, now) if channels & CUSTOMER_CHANNELS else []
    if Channel.WEBHOOK in channels:
        made += _for_integrators(news, order, sources, now)
    return made


def _for_customer(
    news: OrderNews, order: OrderDetails | None, sources: Sources, channels: frozenset[Channel], now: datetime
) -> list[Notification]:
    contact = sources.directory.contact(news.customer_id)
    context = template_context(news, order, contact)
    destinations = []
    if Channel.EMAIL in channels and contact is not None and contact.email:
        destinations.append(_customer(news, Channel.EMAIL, address=contact.email))
    if Channel.IN_APP in channels:
        destinations.append(_customer(news, Channel.IN_APP))
    return [_notification(news, d, _rendered(news, d.channel, context, sources), now) for d in destinations]


def _for_integrators(
    news: OrderNews, order: OrderDetails | None, sources: Sources, now: datetime
) -> list[Notification]:
    content = Content(subject=news.topic.value, body=webhook_body(news, order))
    return [
        _notification(
            news,
            Destination(channel=Channel.WEBHOOK, target=str(e.subscription_id), address=e.url),
            content,
            now,
        )
        for e in sources.subscriptions.listening_to(news.topic)
    ]


def _customer(news: OrderNews, channel: Channel, *, address: str = "") -> Destination:
    return Destination(
        channel=channel, target=str(news.customer_id), address=address, recipient_id=news.customer_id
    )


def template_context(
    news: OrderNews, order: OrderDetails | None, contact: Contact | None
) -> dict[str, object]:
    """What every template may use: the order's number, lines and total, the event's facts, a name."""
    facts = {name: _display(value) for name, value in news.facts.items()}
    customer_name = contact.name if contact is not None else ""
    return {
        **facts,
        "topic": news.topic.value,
        "number": news.number,
        "order": order,
        "customer_name": customer_name,
    }


def webhook_body(news: OrderNews, order: OrderDetails | None) -> str:
    """Standard Webhooks' payload shape: ``type``, ``timestamp``, and the event's ``data``."""
    data: dict[str, object] = {
        "order_id": str(news.order_id),
        "customer_id": str(news.customer_id),
        "number": news.number,
        **news.facts,
    }
    if order is not None:
        data["lines"] = [
            {
                "sku": line.sku,
                "quantity": line.quantity,
                "unit_price": _money(line.unit_price),
                "line_total": _money(line.line_total),
            }
            for line in order.lines
        ]
        data["total"] = _money(order.total)
    payload = {"type": news.topic.value, "timestamp": news.occurred_at.isoformat(), "data": data}
    return json.dumps(payload, sort_keys=True, separators=(",", ":"))


def _rendered(news: OrderNews, channel: Channel, context: Mapping[str, object], sources: Sources) -> Content:
    rendered = sources.templates.render(news.topic, channel, context)
    return Content(subject=rendered.subject, body=rendered.text, html=rendered.html)


def _notification(news: OrderNews, destination: Destination, content: Content, now: datetime) -> Notification:
    return Notification(
        NotificationId.new(),
        cause=_cause(news),
        destination=destination,
        content=content,
        created_at=now,
    )


def _cause(news: OrderNews) -> Cause:
    return Cause(
        message_id=news.message_id, topic=news.topic.value, order_id=news.order_id, order_number=news.number
    )


def _display(value: Fact) -> object:
    if isinstance(value, dict) and set(value) == {"amount", "currency"}:
        return Money(value["amount"], value["currency"])
    return value


def _money(money: Money) -> dict[str, str]:
    return {"amount": str(money.amount), "currency": money.currency}
