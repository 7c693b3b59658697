import os

import pytest
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient

settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture(autouse=True)
def _no_relay_run_pending():
    """A relay run an earlier test queued (to a broker nobody consumes) must not mute these nudges."""
    from oms.platform.messaging.nudge import clear_nudge_flag

    clear_nudge_flag()
