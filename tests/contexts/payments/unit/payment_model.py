"""A deliberately naive model of a payment, the oracle of the state machine test.

It keeps what was asked and the first answer to each request in two dicts and computes every
figure as a plain sum, so it shares no code, and no cleverness, with the aggregate's ledger.
"""

from oms.contexts.payments.domain.entries import Operation
from oms.contexts.payments.domain.status import PaymentStatus


class PaymentModel:
    def __init__(self) -> None:
        self.requested: dict[str, tuple[Operation, int]] = {}  # key -> (operation, cents)
        self.answered: dict[str, bool] = {}  # key -> did the first answer say yes

    def succeeded(self, operation: Operation) -> int:
        return sum(
            cents
            for key, (op, cents) in self.requested.items()
            if op is operation and self.answered.get(key, False)
        )

    def pending(self, operation: Operation) -> list[str]:
        return [
            key for key, (op, _) in self.requested.items() if op is operation and key not in self.answered
        ]

    def awaiting(self) -> list[str]:
        return sorted(set(self.requested) - set(self.answered))

    def authorization_failed(self) -> bool:
        return any(
            self.requested[key][0] is Operation.AUTHORIZE and not ok for key, ok in self.answered.items()
        )

    def can_capture_or_void(self) -> bool:
        settled = self.succeeded(Operation.CAPTURE) or self.succeeded(Operation.VOID)
        in_flight = self.pending(Operation.CAPTURE) or self.pending(Operation.VOID)
        return self.succeeded(Operation.AUTHORIZE) > 0 and not settled and not in_flight

    def still_refundable(self) -> int:
        in_flight = sum(self.requested[key][1] for key in self.pending(Operation.REFUND))
        return self.succeeded(Operation.CAPTURE) - self.succeeded(Operation.REFUND) - in_flight

    def status(self) -> PaymentStatus:
        captured, refunded = self.succeeded(Operation.CAPTURE), self.succeeded(Operation.REFUND)
        if self.authorization_failed():
            return PaymentStatus.FAILED
        if not self.succeeded(Operation.AUTHORIZE):
            return PaymentStatus.NONE
        if self.succeeded(Operation.VOID):
            return PaymentStatus.VOIDED
        if not captured:
            return PaymentStatus.AUTHORIZED
        if not refunded:
            return PaymentStatus.CAPTURED
        return PaymentStatus.PARTIALLY_REFUNDED if refunded < captured else PaymentStatus.REFUNDED
