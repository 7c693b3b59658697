"""Where a reservation stands: active, then committed, released or expired; or rejected at once."""

from enum import StrEnum


class ReservationStatus(StrEnum):
    ACTIVE = "active"
    COMMITTED = "committed"
    RELEASED = "released"
    EXPIRED = "expired"
    # Kept, not discarded, so a retried ReserveStock for the order gets the same answer.
    REJECTED = "rejected"
