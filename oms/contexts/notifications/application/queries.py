"""What a signed-in user may ask: the notifications addressed to them, newest first."""

import uuid
from typing import TypeVar

from oms.contexts.notifications.application.ports import NotificationReader, NotificationSearch
from oms.contexts.notifications.contracts.dtos import NotificationPage
from oms.contexts.notifications.domain.channels import Channel, DeliveryStatus
from oms.shared_kernel.errors import InvalidValue

MAX_PAGE_SIZE = 100
E = TypeVar("E", Channel, DeliveryStatus)


def list_notifications(
    *,
    reader: NotificationReader,
    recipient_id: uuid.UUID,
    channel: str | None,
    status: str | None,
    offset: int,
    limit: int,
) -> NotificationPage:
    if offset < 0 or not 1 <= limit <= MAX_PAGE_SIZE:
        raise InvalidValue(f"A page starts at 0 or later and holds 1 to {MAX_PAGE_SIZE} notifications.")
    search = NotificationSearch(
        recipient_id=recipient_id,
        channel=_choice(Channel, channel, "channel"),
        status=_choice(DeliveryStatus, status, "status"),
        offset=offset,
        limit=limit,
    )
    return reader.page(search)


def _choice(kind: type[E], value: str | None, name: str) -> E | None:
    if value is None:
        return None
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise InvalidValue(f"{value!r} is not a notification {name}; use one of {known}.") from None
