"""An HTTP adapter for a real provider, in Stripe's request shapes.

Authorize is a PaymentIntent created with ``capture_method=manual`` and ``confirm=true``; capture,
void (cancel) and refund follow Stripe's REST paths. Bodies are form-encoded, amounts in minor
units, and every POST carries our ledger's idempotency key as ``Idempotency-Key``, which is what
makes a retry after a timeout safe: the provider answers a repeated key with its first answer.
"""

import logging
import time
from collections.abc import Callable
from urllib.parse import quote

import httpx

from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.contexts.payments.infrastructure.gateways.metrics import observe_attempt
from oms.contexts.payments.infrastructure.gateways.resilience import (
    CircuitOpen,
    Resilient,
    Transient,
    Unavailable,
)
from oms.contexts.payments.infrastructure.gateways.stripe_answers import (
    authorized,
    cancelled,
    captured,
    refunded,
)
from oms.shared_kernel.money import Money

logger = logging.getLogger(__name__)
NAME = "stripe"
# 409: the same key is still being processed by the provider; 429: rate limited. Both pass.
RETRYABLE_STATUSES = frozenset({409, 429})
Reader = Callable[[httpx.Response], GatewayAnswer]


class StripeGateway:
    def __init__(self, *, client: httpx.Client, resilient: Resilient) -> None:
        self._client, self._resilient = client, resilient

    def authorize(
        self,
        *,
        idempotency_key: str,
        amount: Money,
        method: PaymentMethodToken,
        payment_id: PaymentId,
        order_id: OrderId,
    ) -> GatewayAnswer:
        form = {
            "amount": str(amount.as_minor_units()),
            "currency": amount.currency.lower(),
            "capture_method": "manual",
            "confirm": "true",
            "payment_method_data[type]": "card",
            "payment_method_data[card][token]": str(method),
            "metadata[oms_payment_id]": str(payment_id),
            "metadata[oms_order_id]": str(order_id),
        }
        return self._post("authorize", "/v1/payment_intents", form, idempotency_key, authorized)

    def capture(self, *, idempotency_key: str, authorization: str, amount: Money) -> GatewayAnswer:
        path = f"/v1/payment_intents/{quote(authorization, safe='')}/capture"
        form = {"amount_to_capture": str(amount.as_minor_units())}
        return self._post("capture", path, form, idempotency_key, captured)

    def void(self, *, idempotency_key: str, authorization: str) -> GatewayAnswer:
        path = f"/v1/payment_intents/{quote(authorization, safe='')}/cancel"
        return self._post("void", path, {}, idempotency_key, cancelled)

    def refund(
        self, *, idempotency_key: str, authorization: str, amount: Money, payment_id: PaymentId
    ) -> GatewayAnswer:
        form = {
            "payment_intent": authorization,
            "amount": str(amount.as_minor_units()),
            "metadata[oms_payment_id]": str(payment_id),
            "metadata[oms_idempotency_key]": idempotency_key,
        }
        return self._post("refund", "/v1/refunds", form, idempotency_key, refunded)

    def _post(self, operation: str, path: str, form: dict[str, str], key: str, read: Reader) -> GatewayAnswer:
        try:
            response = self._resilient.call(lambda: self._attempt(operation, path, form, key))
        except CircuitOpen as exc:
            observe_attempt(NAME, operation, "circuit_open", 0.0)
            return GatewayAnswer.unavailable(str(exc))
        except Unavailable as exc:
            logger.warning("%s at %s gave no answer: %s", operation, NAME, exc)
            return GatewayAnswer.unavailable(str(exc))
        return read(response)

    def _attempt(self, operation: str, path: str, form: dict[str, str], key: str) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = self._client.post(path, data=form, headers={"Idempotency-Key": key})
        except httpx.TimeoutException as exc:
            observe_attempt(NAME, operation, "timeout", time.perf_counter() - started)
            raise Transient(f"{operation} timed out: {type(exc).__name__}") from exc
        except httpx.TransportError as exc:
            observe_attempt(NAME, operation, "connection_error", time.perf_counter() - started)
            raise Transient(f"{operation} lost its connection: {type(exc).__name__}") from exc
        status = response.status_code
        outcome = "server_error" if status >= 500 or status in RETRYABLE_STATUSES else "ok"
        outcome = "client_error" if outcome == "ok" and status >= 400 else outcome
        observe_attempt(NAME, operation, outcome, time.perf_counter() - started)
        if outcome == "server_error":
            raise Transient(f"{operation} answered {status}")
        return response
