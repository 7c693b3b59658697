"""Listing a user's notifications: their own, with filters checked before any query runs."""

import re
import uuid

import pytest

from oms.contexts.notifications.application.queries import list_notifications
from oms.contexts.notifications.contracts.dtos import NotificationPage
from oms.contexts.notifications.domain.channels import Channel, DeliveryStatus
from oms.shared_kernel.errors import InvalidValue

USER = uuid.uuid4()


class RecordingReader:
    def __init__(self):
        self.searches = []

    def page(self, search):
        self.searches.append(search)
        return NotificationPage(count=0, results=())


def listing(reader, *, channel=None, status=None, offset=0, limit=20):
    return list_notifications(
        reader=reader, recipient_id=USER, channel=channel, status=status, offset=offset, limit=limit
    )


def test_the_search_is_for_the_callers_own_notifications_with_the_filters_they_sent():
    reader = RecordingReader()

    listing(reader, channel="in_app", status="sent", offset=40, limit=20)

    [search] = reader.searches
    assert (search.recipient_id, search.channel, search.status) == (USER, Channel.IN_APP, DeliveryStatus.SENT)
    assert (search.offset, search.limit) == (40, 20)


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"channel": "pigeon"}, "'pigeon' is not a notification channel; use one of email, in_app, webhook."),
        ({"status": "lost"}, "'lost' is not a notification status; use one of pending, sending, failed"),
        ({"limit": 101}, "holds 1 to 100 notifications"),
        ({"offset": -1}, "A page starts at 0 or later"),
    ],
)
def test_a_bad_filter_is_refused_with_a_sentence_naming_what_is_allowed(filters, message):
    reader = RecordingReader()

    with pytest.raises(InvalidValue, match=re.escape(message)):
        listing(reader, **filters)

    assert reader.searches == []
