"""The wall clock the orders' use cases read once each, and the saga's deadlines from the settings."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from oms.contexts.orders.domain.saga_state import SagaPolicy


class SystemClock:
    def now(self) -> datetime:
        return timezone.now()


def saga_policy() -> SagaPolicy:
    """Each step's wait and the sends it gets; settings may shorten them (tests, a busy provider)."""
    default = SagaPolicy()

    def seconds(name: str, fallback: timedelta) -> timedelta:
        return timedelta(seconds=getattr(settings, name, fallback.total_seconds()))

    return SagaPolicy(
        reserve_stock_timeout=seconds("ORDERS_RESERVE_STOCK_TIMEOUT_SECONDS", default.reserve_stock_timeout),
        authorize_payment_timeout=seconds(
            "ORDERS_AUTHORIZE_PAYMENT_TIMEOUT_SECONDS", default.authorize_payment_timeout
        ),
        capture_payment_timeout=seconds(
            "ORDERS_CAPTURE_PAYMENT_TIMEOUT_SECONDS", default.capture_payment_timeout
        ),
        max_attempts=getattr(settings, "ORDERS_SAGA_MAX_ATTEMPTS", default.max_attempts),
    )
