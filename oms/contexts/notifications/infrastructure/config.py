"""The notifications context's settings, each read with its default, so settings.py only overrides."""

from datetime import timedelta
from typing import Any

from django.conf import settings

from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.domain.retry import RetryPolicy


def setting(name: str, default: Any) -> Any:
    return getattr(settings, name, default)


def enabled_channels() -> frozenset[Channel]:
    """NOTIFICATIONS_CHANNELS: the channels in use; webhooks also need an active subscription."""
    return frozenset(Channel(name) for name in setting("NOTIFICATIONS_CHANNELS", [c.value for c in Channel]))


def retry_policy() -> RetryPolicy:
    # The longest delay must stay under the broker's visibility timeout (CELERY_VISIBILITY_TIMEOUT),
    # or a retry waiting in Redis is handed to a second worker before it is due.
    return RetryPolicy(
        max_attempts=int(setting("NOTIFICATIONS_MAX_ATTEMPTS", 5)),
        base_delay_seconds=float(setting("NOTIFICATIONS_RETRY_BASE_DELAY", 30.0)),
        max_delay_seconds=float(setting("NOTIFICATIONS_RETRY_MAX_DELAY", 600.0)),
    )


def send_lease() -> timedelta:
    """How long a try may take before another worker may assume it was lost (beyond any timeout)."""
    return timedelta(seconds=float(setting("NOTIFICATIONS_SEND_LEASE_SECONDS", 120.0)))


def webhook_timeout() -> float:
    return float(setting("NOTIFICATIONS_WEBHOOK_TIMEOUT", 5.0))


def email_timeout() -> float:
    """Django's SMTP backend waits forever without EMAIL_TIMEOUT; a send must not outlive its lease."""
    return float(setting("EMAIL_TIMEOUT", None) or setting("NOTIFICATIONS_EMAIL_TIMEOUT", 10.0))


def email_keepalive() -> float:
    """Seconds an idle SMTP connection is kept for the next message (servers drop idle ones)."""
    return float(setting("NOTIFICATIONS_EMAIL_KEEPALIVE_SECONDS", 30.0))


def sweep_grace() -> timedelta:
    """How late a scheduled try may be before the sweeper assumes its task was lost."""
    return timedelta(seconds=float(setting("NOTIFICATIONS_SWEEP_GRACE_SECONDS", 60.0)))
