"""Errors particular to payments, beside the shared kernel's BusinessRuleViolation family."""

from oms.shared_kernel.errors import NotFound


class UnknownPaymentRequest(NotFound):
    """An answer arrived for a request this payment never made: a misrouted or forged webhook.

    Refused rather than ignored, because silently accepting it would hide a bug or an attack.
    """

    def __init__(self, idempotency_key: str) -> None:
        super().__init__(f"This payment never sent a request with the idempotency key {idempotency_key!r}.")
        self.idempotency_key = idempotency_key
