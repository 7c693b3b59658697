"""The wall clock the inventory's use cases read once each (aware, in UTC), and the reservation TTL."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone


class SystemClock:
    def now(self) -> datetime:
        return timezone.now()


def reservation_ttl() -> timedelta:
    """How long an unpaid order holds its stock (RESERVATION_TTL_SECONDS)."""
    return timedelta(seconds=settings.RESERVATION_TTL_SECONDS)
