"""The payment ledger: every request sent to the provider and its answer, in the order they happened.

Amounts and the status are never stored beside the ledger but read from it, so a late or repeated
answer can at worst be ignored; it can never leave two figures disagreeing with each other.
"""

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.errors import UnknownPaymentRequest
from oms.contexts.payments.domain.ids import RefundId
from oms.contexts.payments.domain.values import FailureKind
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import CurrencyMismatch, Money


class Ledger:
    """Append-only, and it refuses a line that would make the history contradict itself: a second
    request under one key, an answer to no request, or a second answer to one request.
    """

    def __init__(self, currency: str, entries: Iterable[LedgerEntry] = ()) -> None:
        self.currency = currency
        self._entries: list[LedgerEntry] = []
        self._requests: dict[str, LedgerEntry] = {}
        self._answers: dict[str, LedgerEntry] = {}
        for entry in entries:
            self.append(entry)

    @property
    def entries(self) -> tuple[LedgerEntry, ...]:
        return tuple(self._entries)

    def request(self, key: str) -> LedgerEntry | None:
        return self._requests.get(key)

    def answer(self, key: str) -> LedgerEntry | None:
        return self._answers.get(key)

    def awaiting_answer(self, key: str) -> LedgerEntry | None:
        """The request ``key`` names if it still awaits its answer; None once it has one."""
        if key not in self._requests:
            raise UnknownPaymentRequest(key)
        return None if key in self._answers else self._requests[key]

    def refund_request(self, refund_id: RefundId) -> LedgerEntry | None:
        return next((entry for entry in self._requests.values() if entry.refund_id == refund_id), None)

    def requests(self, operation: Operation) -> tuple[LedgerEntry, ...]:
        return tuple(entry for entry in self._requests.values() if entry.operation is operation)

    def pending(self, operation: Operation) -> tuple[LedgerEntry, ...]:
        return tuple(
            entry for entry in self.requests(operation) if entry.idempotency_key not in self._answers
        )

    def answers(self, operation: Operation, entry_type: EntryType) -> tuple[LedgerEntry, ...]:
        return tuple(
            entry
            for entry in self._answers.values()
            if entry.operation is operation and entry.entry_type is entry_type
        )

    def succeeded_total(self, operation: Operation) -> Money:
        return self.total(self.answers(operation, EntryType.SUCCESS))

    def total(self, entries: Iterable[LedgerEntry]) -> Money:
        return Money.total((entry.amount for entry in entries), currency=self.currency)

    def add_request(
        self,
        operation: Operation,
        amount: Money,
        *,
        key_stem: str,
        actor: str,
        at: datetime,
        reason: str = "",
        refund_id: RefundId | None = None,
    ) -> LedgerEntry:
        # The ordinal makes the key deterministic per attempt: a retry after a failure is a new
        # attempt with a new key, a resend of a pending request reuses its key and the provider
        # deduplicates it.
        key = f"{key_stem}:{operation.value}:{len(self.requests(operation)) + 1}"
        entry = LedgerEntry(
            sequence=len(self._entries) + 1,
            idempotency_key=key,
            operation=operation,
            entry_type=EntryType.REQUEST,
            amount=amount,
            actor=actor,
            at=at,
            reason=reason,
            refund_id=refund_id,
        )
        self.append(entry)
        return entry

    def add_answer(
        self,
        request: LedgerEntry,
        entry_type: EntryType,
        *,
        at: datetime,
        actor: str,
        reference: str | None = None,
        kind: FailureKind | None = None,
        reason: str = "",
    ) -> LedgerEntry:
        answer = replace(
            request,
            sequence=len(self._entries) + 1,
            entry_type=entry_type,
            at=at,
            actor=actor,
            provider_reference=reference,
            failure_kind=kind,
            reason=reason,
        )
        self.append(answer)
        return answer

    def append(self, entry: LedgerEntry) -> None:
        """Also how a repository rebuilds the ledger, so stored history is checked as it loads."""
        if entry.sequence != len(self._entries) + 1:
            raise InvalidValue(
                f"Ledger entry {entry.sequence} arrived where {len(self._entries) + 1} belongs."
            )
        if entry.amount.currency != self.currency:
            raise CurrencyMismatch(f"A {self.currency} ledger cannot hold {entry.amount}.")
        if entry.is_request:
            self._add_request(entry)
        else:
            self._add_answer(entry)
        self._entries.append(entry)

    def _add_request(self, entry: LedgerEntry) -> None:
        if entry.idempotency_key in self._requests:
            raise InvalidValue(f"A request {entry.idempotency_key!r} is already in the ledger.")
        if entry.refund_id is not None and self.refund_request(entry.refund_id) is not None:
            raise InvalidValue(f"Refund {entry.refund_id} was already requested.")
        self._requests[entry.idempotency_key] = entry

    def _add_answer(self, entry: LedgerEntry) -> None:
        request = self._requests.get(entry.idempotency_key)
        if request is None or entry.idempotency_key in self._answers:
            raise InvalidValue(f"{entry.idempotency_key!r} has no request awaiting an answer.")
        if (request.operation, request.amount) != (entry.operation, entry.amount):
            raise InvalidValue(f"The answer to {entry.idempotency_key!r} does not match its request.")
        self._answers[entry.idempotency_key] = entry
