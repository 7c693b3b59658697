"""Domain events: facts an aggregate records while it changes, published after its unit commits."""

from dataclasses import dataclass, field
from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, kw_only=True)
class DomainEvent:
    """Something that happened inside one aggregate, in the past tense (``StockReserved``)."""

    occurred_at: datetime = field(default_factory=utc_now)
