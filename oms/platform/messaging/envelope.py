"""The envelope every integration message travels in, between outbox, broker and inbox."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from oms.shared_kernel.messages import parse_type_name


@dataclass(frozen=True, kw_only=True)
class Envelope:
    id: uuid.UUID
    type: str
    occurred_at: datetime
    aggregate_id: str
    correlation_id: str
    causation_id: str | None
    payload: dict[str, Any]

    @property
    def version(self) -> int:
        return parse_type_name(self.type)[2]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, as Celery carries it."""
        return {
            "id": str(self.id),
            "type": self.type,
            "version": self.version,
            "occurred_at": self.occurred_at.isoformat(),
            "aggregate_id": self.aggregate_id,
            "correlation_id": self.correlation_id,
            "causation_id": self.causation_id,
            "payload": self.payload,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Envelope":
        try:
            return cls(
                id=uuid.UUID(str(data["id"])),
                type=str(data["type"]),
                occurred_at=datetime.fromisoformat(str(data["occurred_at"])),
                aggregate_id=str(data["aggregate_id"]),
                correlation_id=str(data["correlation_id"]),
                causation_id=None if data.get("causation_id") is None else str(data["causation_id"]),
                payload=dict(data["payload"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise MalformedEnvelope(f"not a message envelope: {exc}") from exc


class MalformedEnvelope(ValueError):
    """What arrived is not an envelope at all; it can only be parked, never handled."""
