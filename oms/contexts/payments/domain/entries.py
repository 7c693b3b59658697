"""The lines of the payment ledger: a request sent to the provider, or the provider's answer."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from oms.contexts.payments.domain.ids import RefundId
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money


class Operation(StrEnum):
    AUTHORIZE = "authorize"
    CAPTURE = "capture"
    VOID = "void"
    REFUND = "refund"


class EntryType(StrEnum):
    REQUEST = "request"
    SUCCESS = "success"
    FAILURE = "failure"


@dataclass(frozen=True, slots=True, kw_only=True)
class LedgerEntry:
    """One line of the ledger. An answer repeats its request's operation and amount, so every line
    reads on its own in the back office. ``reason`` is a refund's reason on a request and the
    provider's explanation on a failure. ``refund_id`` is the caller's id of a refund, on its request
    and its answer, so a resent refund command finds the request it repeats.
    """

    sequence: int
    idempotency_key: str
    operation: Operation
    entry_type: EntryType
    amount: Money
    actor: str
    at: datetime
    provider_reference: str | None = None
    failure_kind: FailureKind | None = None
    reason: str = ""
    refund_id: RefundId | None = None

    def __post_init__(self) -> None:
        if self.at.utcoffset() is None:
            raise InvalidValue("A ledger time needs a time zone: a naive time means different moments.")
        if not self.actor.strip():
            raise InvalidValue("Every ledger entry names who acted.")
        if self.entry_type is EntryType.SUCCESS and not self.provider_reference:
            raise InvalidValue("A successful answer carries the provider's reference.")
        if self.entry_type is EntryType.FAILURE and self.failure_kind is None:
            raise InvalidValue("A failed answer says whether it was declined or the gateway was unavailable.")

    @property
    def is_request(self) -> bool:
        return self.entry_type is EntryType.REQUEST

    @property
    def succeeded(self) -> bool:
        return self.entry_type is EntryType.SUCCESS
