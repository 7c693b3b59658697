"""The built-in sandbox provider: deterministic, in process, named after the best-known test tokens.

``tok_visa`` (and the other approving tokens) authorizes, ``tok_chargeDeclined`` is declined,
``tok_gatewayTimeout`` waits ``timeout`` seconds and gives no answer. Every call waits ``latency``
first. Like a real provider it deduplicates by idempotency key: the same key returns the same
answer and is charged once; ``charges`` and ``calls`` count both per key, for tests and demos.
"""

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable

from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.contexts.payments.infrastructure.gateways.metrics import observe_attempt
from oms.shared_kernel.money import Money

APPROVING = frozenset({"tok_visa", "tok_visa_debit", "tok_mastercard", "tok_amex"})
DECLINING = {
    "tok_chargeDeclined": "Your card was declined.",
    "tok_chargeDeclinedInsufficientFunds": "Your card has insufficient funds.",
}
TIMING_OUT = "tok_gatewayTimeout"
NAME = "sandbox"


def reference(prefix: str, idempotency_key: str) -> str:
    """The same key always names the same provider object, in every process."""
    return f"{prefix}_sbx_{hashlib.sha256(idempotency_key.encode()).hexdigest()[:24]}"


class SandboxGateway:
    def __init__(
        self, *, latency: float = 0.0, timeout: float = 0.2, sleep: Callable[[float], None] = time.sleep
    ) -> None:
        self.latency, self.timeout, self._sleep = latency, timeout, sleep
        self.calls: Counter[str] = Counter()
        self.charges: Counter[str] = Counter()
        self._answers: dict[str, GatewayAnswer] = {}
        self._lock = threading.Lock()

    def authorize(
        self,
        *,
        idempotency_key: str,
        amount: Money,
        method: PaymentMethodToken,
        payment_id: PaymentId,
        order_id: OrderId,
    ) -> GatewayAnswer:
        return self._answer(
            "authorize", idempotency_key, lambda: self._authorization(str(method), idempotency_key)
        )

    def capture(self, *, idempotency_key: str, authorization: str, amount: Money) -> GatewayAnswer:
        return self._answer(
            "capture", idempotency_key, lambda: GatewayAnswer.approved(reference("ch", idempotency_key))
        )

    def void(self, *, idempotency_key: str, authorization: str) -> GatewayAnswer:
        return self._answer("void", idempotency_key, lambda: GatewayAnswer.approved(authorization))

    def refund(
        self, *, idempotency_key: str, authorization: str, amount: Money, payment_id: PaymentId
    ) -> GatewayAnswer:
        return self._answer(
            "refund", idempotency_key, lambda: GatewayAnswer.approved(reference("re", idempotency_key))
        )

    def _authorization(self, token: str, idempotency_key: str) -> GatewayAnswer:
        if token in APPROVING:
            return GatewayAnswer.approved(reference("pi", idempotency_key))
        if token == TIMING_OUT:
            self._sleep(self.timeout)
            return GatewayAnswer.unavailable(f"the sandbox gateway timed out after {self.timeout}s")
        return GatewayAnswer.declined(DECLINING.get(token, f"No such token: {token!r}."))

    def _answer(self, operation: str, key: str, decide: Callable[[], GatewayAnswer]) -> GatewayAnswer:
        started = time.perf_counter()
        with self._lock:
            self.calls[key] += 1
            known = self._answers.get(key)
        if known is None:
            if self.latency:
                self._sleep(self.latency)
            known = self._first_answer(key, decide())
        outcome = "ok" if known.failure is None else known.failure.value
        observe_attempt(NAME, operation, outcome, time.perf_counter() - started)
        return known

    def _first_answer(self, key: str, answer: GatewayAnswer) -> GatewayAnswer:
        if answer.failure is not None and answer.failure.value == "gateway_unavailable":
            return answer  # no answer is no answer: the next try with this key is asked afresh
        with self._lock:
            if key not in self._answers:
                self._answers[key] = answer
                self.charges[key] += 1
            return self._answers[key]
