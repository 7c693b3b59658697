"""Provider webhooks in: the signature checked, then Stripe's event read as answers to our requests.

Which request an event answers: refunds carry our idempotency key in their metadata; a
PaymentIntent event answers the latest request of its operation, which its type names.
"""

import json
import time
from typing import Any

from oms.contexts.payments.application.notices import ProviderEvent, ProviderNotice
from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.contracts.dtos import UnknownProvider
from oms.contexts.payments.domain.entries import Operation
from oms.contexts.payments.domain.ids import PaymentId
from oms.contexts.payments.infrastructure import signatures
from oms.contexts.payments.infrastructure.config import webhook_secrets, webhook_tolerance_seconds
from oms.shared_kernel.errors import InvalidValue

INTENT_EVENTS = {
    "payment_intent.amount_capturable_updated": Operation.AUTHORIZE,
    "payment_intent.payment_failed": Operation.AUTHORIZE,
    "payment_intent.succeeded": Operation.CAPTURE,
    "payment_intent.canceled": Operation.VOID,
}


def verified_event(*, provider: str, payload: bytes, signature: str) -> ProviderEvent:
    secret = webhook_secrets().get(provider)
    if secret is None:
        raise UnknownProvider(f"No payment provider {provider!r} sends webhooks here.")
    signatures.verify(
        payload, signature, secret=secret, now=time.time(), tolerance=webhook_tolerance_seconds()
    )
    try:
        event = json.loads(payload)
        return ProviderEvent(provider=provider, event_id=str(event["id"]), notices=tuple(_notices(event)))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidValue(f"The webhook body is not an event we can read: {exc}") from exc


def _notices(event: dict[str, Any]) -> list[ProviderNotice]:
    kind, subject = str(event["type"]), event["data"]["object"]
    if kind in INTENT_EVENTS:
        return [_intent_notice(kind, subject)]
    if kind == "charge.refunded":
        return [
            _refund_notice(refund) for refund in subject["refunds"]["data"] if refund["status"] == "succeeded"
        ]
    return []  # an event we do not act on is still acknowledged, so the provider stops resending it


def _intent_notice(kind: str, intent: dict[str, Any]) -> ProviderNotice:
    if kind == "payment_intent.payment_failed":
        error = intent.get("last_payment_error") or {}
        answer = GatewayAnswer.declined(str(error.get("message") or "The payment failed."))
    else:
        answer = GatewayAnswer.approved(str(intent["id"]))
    payment_id = PaymentId.parse(intent["metadata"]["oms_payment_id"])
    return ProviderNotice(payment_id=payment_id, operation=INTENT_EVENTS[kind], answer=answer)


def _refund_notice(refund: dict[str, Any]) -> ProviderNotice:
    metadata = refund["metadata"]
    return ProviderNotice(
        payment_id=PaymentId.parse(metadata["oms_payment_id"]),
        operation=Operation.REFUND,
        answer=GatewayAnswer.approved(str(refund["id"])),
        idempotency_key=str(metadata["oms_idempotency_key"]),
    )
