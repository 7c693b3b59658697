"""Repositories: the inventory's aggregates to and from their ORM records."""

from oms.shared_kernel.errors import BusinessRuleViolation


class ConcurrentUpdate(BusinessRuleViolation):
    """Someone else changed the aggregate since it was read: try again (HTTP 409; the bus retries)."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} was changed by someone else meanwhile; try again.", rule="concurrent_update"
        )
