from dataclasses import FrozenInstanceError, dataclass
from datetime import UTC, datetime, timedelta

import pytest

from oms.shared_kernel.events import DomainEvent, utc_now


@dataclass(frozen=True)
class StockReserved(DomainEvent):
    sku: str


def test_utc_now_is_timezone_aware_and_in_utc() -> None:
    now = utc_now()
    assert now.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - now) < timedelta(seconds=5)


def test_an_event_is_stamped_with_when_it_occurred() -> None:
    before = utc_now()
    event = StockReserved("SKU-1")
    assert before <= event.occurred_at <= utc_now()


def test_the_occurrence_time_can_be_given_when_an_event_is_rebuilt() -> None:
    when = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert StockReserved("SKU-1", occurred_at=when).occurred_at == when


def test_an_event_cannot_change_after_it_happened() -> None:
    with pytest.raises(FrozenInstanceError):
        StockReserved("SKU-1").sku = "SKU-2"  # type: ignore[misc]
