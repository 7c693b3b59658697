"""DRF throttles whose rates follow the settings as they are now.

DRF's own throttles copy the rates once, at import; these read them on each request, so an
operator's setting (and a test's override) is what applies. Counters live in the default cache:
Redis in production, shared by every web process.
"""

from rest_framework import throttling
from rest_framework.settings import api_settings


class _CurrentRates(throttling.SimpleRateThrottle):
    def get_rate(self) -> str | None:
        self.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES  # type: ignore[assignment]  # rate strings, whatever the stubs say
        return super().get_rate()


class AnonRateThrottle(_CurrentRates, throttling.AnonRateThrottle):
    """Per client address, for callers who are not signed in."""


class UserRateThrottle(_CurrentRates, throttling.UserRateThrottle):
    """Per user, for signed-in callers."""


class ScopedRateThrottle(_CurrentRates, throttling.ScopedRateThrottle):
    """Per user (or address) and scope, for views naming a ``throttle_scope`` such as ``orders.place``."""
