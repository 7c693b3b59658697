from collections.abc import Iterator

import pytest

from oms.platform.messaging.registry import registry
from tests.platform.messaging import sample


@pytest.fixture
def flaky_handler() -> Iterator[sample.FlakyHandler]:
    handler = sample.FlakyHandler()
    registry.register(sample.PongSent)
    sample.subscribe(handler)
    yield handler
    sample.unsubscribe()
