"""The Django unit of work: the business change and its outbox rows commit in one transaction.

Messages are buffered while the use case runs and written with one multi-row INSERT at commit, so the
outbox adds a single statement to the business transaction however many messages it carries. After
the commit, ``on_commit`` only nudges the relay; the relay's periodic sweep is the real guarantee.
"""

from types import TracebackType
from typing import Self

from django.db import transaction
from django.utils import timezone

from oms.platform.correlation import accept_or_generate, current_causation_id, current_correlation_id
from oms.platform.messaging.models import OutboxMessage
from oms.platform.messaging.nudge import nudge_relay
from oms.platform.messaging.registry import registry
from oms.shared_kernel.messages import IntegrationMessage


class DjangoUnitOfWork:
    """Subclass per context with ``outbox_model`` set; add the context's repositories in ``__enter__``."""

    outbox_model: type[OutboxMessage]

    def __init__(self) -> None:
        self._pending: list[OutboxMessage] = []
        self._committed = False

    def __enter__(self) -> Self:
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self._pending = []
        self._committed = False
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None and not self._committed:
            transaction.set_rollback(True)
        self._atomic.__exit__(exc_type, exc, tb)

    def publish(self, message: IntegrationMessage, *, aggregate_id: str) -> None:
        self._pending.append(outbox_row(self.outbox_model, message, aggregate_id=aggregate_id))

    def commit(self) -> None:
        if self._pending:
            self.outbox_model._default_manager.bulk_create(self._pending)
            transaction.on_commit(nudge_relay)
        self._pending = []
        self._committed = True

    def rollback(self) -> None:
        self._pending = []
        transaction.set_rollback(True)


def outbox_row(
    model: type[OutboxMessage], message: IntegrationMessage, *, aggregate_id: str
) -> OutboxMessage:
    """An unsaved outbox row for ``message``; its payload is checked against the contract here."""
    now = timezone.now()
    return model(
        type=message.message_type,
        aggregate_id=aggregate_id,
        correlation_id=current_correlation_id() or accept_or_generate(None),
        causation_id=current_causation_id(),
        payload=registry.serialize(message),
        occurred_at=now,
        created_at=now,
    )
