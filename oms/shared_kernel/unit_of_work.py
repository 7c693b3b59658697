"""The unit-of-work port every context's application layer extends with its own repositories."""

from types import TracebackType
from typing import Protocol, Self

from oms.shared_kernel.messages import IntegrationMessage


class UnitOfWork(Protocol):
    """One business transaction: changes and the messages they cause commit together or not at all.

    ``with uow: ...; uow.commit()`` — leaving the block without ``commit()`` rolls everything back.
    """

    def __enter__(self) -> Self: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        """Queue an integration message; it reaches the outbox in the same transaction as the change."""
        ...

    def commit(self) -> None: ...
