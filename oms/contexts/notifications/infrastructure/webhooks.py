"""Outbound webhooks: the stored JSON body POSTed to the subscription's URL, signed on every try.

The body is exactly what was rendered when the event was handled; the timestamp and signature are
made per try, so a receiver's replay window holds for retries too. Any answer but a 2xx (redirects
included: a signed payload never follows one to another host) and any timeout is a failed try.
"""

import time
from collections.abc import Callable

import httpx

from oms.contexts.notifications.application.ports import DeliveryFailed
from oms.contexts.notifications.domain.notification import Notification
from oms.contexts.notifications.infrastructure.config import webhook_timeout
from oms.contexts.notifications.infrastructure.models import WebhookSubscriptionRecord
from oms.contexts.notifications.infrastructure.redaction import describe
from oms.contexts.notifications.infrastructure.signatures import signed_headers

USER_AGENT = "OMS-Webhooks/1"


class WebhookTransport:
    def __init__(self, *, client: httpx.Client | None = None, now: Callable[[], float] = time.time) -> None:
        # One client per process: connections to a receiver are kept alive between deliveries.
        self.client = client or httpx.Client(follow_redirects=False, headers={"user-agent": USER_AGENT})
        self.now = now

    def send(self, notification: Notification) -> None:
        subscription = _subscription(notification)
        body = notification.content.body.encode()
        try:
            headers = signed_headers(
                secret=subscription.secret,
                message_id=str(notification.origin_id),
                timestamp=int(self.now()),
                body=body,
            )
        except ValueError as bad_secret:
            raise DeliveryFailed(
                f"The subscription's secret is unusable: {bad_secret}", permanent=True
            ) from None
        response = self._post(subscription.url, body, headers)
        if not response.is_success:
            raise DeliveryFailed(f"The receiver answered HTTP {response.status_code}.")

    def _post(self, url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        timeout = webhook_timeout()
        try:
            return self.client.post(
                url, content=body, headers={**headers, "content-type": "application/json"}, timeout=timeout
            )
        except httpx.TimeoutException:
            raise DeliveryFailed(f"The receiver did not answer within {timeout:g} s.") from None
        except httpx.HTTPError as error:
            raise DeliveryFailed(describe(error)) from None


def _subscription(notification: Notification) -> WebhookSubscriptionRecord:
    found = WebhookSubscriptionRecord.objects.filter(id=notification.destination.target, active=True).first()
    if found is None:
        raise DeliveryFailed("The webhook subscription was deleted or deactivated.", permanent=True)
    return found
