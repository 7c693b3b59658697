"""What Stripe's responses mean for us: approved with a reference, declined, or not final yet.

A 402, or any ``card_error``, is the customer's card saying no. Any other 4xx is our request or
our credentials being wrong: no retry will fix it and it is not the customer's fault, so it is
reported as the gateway being unavailable to us, and logged loudly.
"""

import logging
from typing import Any

import httpx

from oms.contexts.payments.application.ports import GatewayAnswer

logger = logging.getLogger(__name__)


def _body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _refused(response: httpx.Response) -> GatewayAnswer:
    error = _body(response).get("error") or {}
    message = str(error.get("message") or f"the provider answered {response.status_code}")
    if response.status_code == 402 or error.get("type") == "card_error":
        return GatewayAnswer.declined(message)
    logger.error("the provider refused our request (%s): %s", response.status_code, message)
    return GatewayAnswer.unavailable(f"the provider refused the request: {message}")


def _read(response: httpx.Response, approved: str, waiting: frozenset[str] = frozenset()) -> GatewayAnswer:
    if response.status_code >= 400:
        return _refused(response)
    body = _body(response)
    status, reference = str(body.get("status", "")), str(body.get("id", ""))
    if status == approved and reference:
        return GatewayAnswer.approved(reference)
    if status in waiting and reference:
        return GatewayAnswer.in_progress(reference)
    reason = (body.get("last_payment_error") or {}).get("message") or body.get("failure_reason")
    return GatewayAnswer.declined(str(reason or f"the provider left it {status or 'unanswered'}"))


def authorized(response: httpx.Response) -> GatewayAnswer:
    return _read(response, "requires_capture", frozenset({"processing"}))


def captured(response: httpx.Response) -> GatewayAnswer:
    return _read(response, "succeeded", frozenset({"processing"}))


def cancelled(response: httpx.Response) -> GatewayAnswer:
    return _read(response, "canceled")


def refunded(response: httpx.Response) -> GatewayAnswer:
    return _read(response, "succeeded", frozenset({"pending", "requires_action"}))
