"""Notifications by channel and outcome: each try of a transport counted as ``sent`` or ``failed``.

Counted where the channel is known and the try has just ended: around each transport. A failed try
is retried or parked; the dead letters and the admin tell which, this counter only how often.
"""

from collections.abc import Mapping

from prometheus_client import Counter

from oms.contexts.notifications.application.ports import Transport
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.notification import Notification

NOTIFICATIONS = Counter(
    "oms_notifications_total", "Tries to send a notification, by channel and outcome", ["channel", "status"]
)
OUTCOMES = ("sent", "failed")
for _channel in Channel:
    for _outcome in OUTCOMES:
        NOTIFICATIONS.labels(_channel.value, _outcome)  # every series exists from the start, at zero


class CountedTransport:
    """A transport that counts each of its tries; what it sends and raises is unchanged."""

    def __init__(self, channel: Channel, transport: Transport) -> None:
        self.channel, self.transport = channel, transport

    def send(self, notification: Notification) -> None:
        try:
            self.transport.send(notification)
        except Exception:
            NOTIFICATIONS.labels(self.channel.value, "failed").inc()
            raise
        NOTIFICATIONS.labels(self.channel.value, "sent").inc()


def counted(transports: Mapping[Channel, Transport]) -> dict[Channel, Transport]:
    return {channel: CountedTransport(channel, transport) for channel, transport in transports.items()}
