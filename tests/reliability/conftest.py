"""One production-shaped stack per module of drills; killed when the module ends, whatever happened."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.platform.messaging.processes.support import child_env
from tests.reliability.stack import Stack


@pytest.fixture(scope="module")
def stack(
    django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    with django_db_blocker.unblock():
        env = child_env()  # this test database, and the suite's environment
    running = Stack(env, tmp_path_factory.mktemp("drills"))
    try:
        running.start()
        yield running
    finally:
        running.stop()
