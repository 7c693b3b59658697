"""Entities are equal by identity; aggregate roots also record the events their changes cause."""

from typing import Generic, TypeVar

from oms.shared_kernel.events import DomainEvent

IdT = TypeVar("IdT")


class Entity(Generic[IdT]):
    def __init__(self, id: IdT) -> None:
        self.id = id

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and getattr(other, "id", None) == self.id

    def __hash__(self) -> int:
        return hash((type(self), self.id))


class AggregateRoot(Entity[IdT]):
    """The consistency boundary: one is changed per transaction, and it remembers what happened.

    ``version`` counts the changes persisted so far; repositories use it for optimistic locking.
    """

    def __init__(self, id: IdT, *, version: int = 0) -> None:
        super().__init__(id)
        self.version = version
        self._pending_events: list[DomainEvent] = []

    def record(self, event: DomainEvent) -> None:
        self._pending_events.append(event)

    @property
    def pending_events(self) -> tuple[DomainEvent, ...]:
        return tuple(self._pending_events)

    def pull_events(self) -> list[DomainEvent]:
        """Hand over the recorded events once; the unit of work turns them into outbox rows."""
        events, self._pending_events = self._pending_events, []
        return events
