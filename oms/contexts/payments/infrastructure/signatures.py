"""Stripe-style webhook signatures: ``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256>``.

The HMAC covers ``"{t}.{raw body}"`` with the endpoint's secret, so neither the body nor the time
can be changed; a signature older (or newer) than the tolerance is refused, so a captured request
cannot be replayed later. Comparison is constant-time.
"""

import hashlib
import hmac

from oms.contexts.payments.contracts.dtos import InvalidSignature


def sign(payload: bytes, *, secret: str, timestamp: int) -> str:
    return f"t={timestamp},v1={_digest(payload, secret, timestamp)}"


def verify(payload: bytes, header: str, *, secret: str, now: float, tolerance: int) -> None:
    timestamp, signatures = _parse(header)
    expected = _digest(payload, secret, timestamp)
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise InvalidSignature("The webhook signature does not match its body.")
    if abs(now - timestamp) > tolerance:
        raise InvalidSignature("The webhook signature is too old (or from the future): refused as a replay.")


def _digest(payload: bytes, secret: str, timestamp: int) -> str:
    signed = f"{timestamp}.".encode() + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def _parse(header: str) -> tuple[int, list[str]]:
    pairs = [part.split("=", 1) for part in header.split(",") if "=" in part]
    timestamps = [value.strip() for key, value in pairs if key.strip() == "t"]
    signatures = [value.strip() for key, value in pairs if key.strip() == "v1"]
    if len(timestamps) != 1 or not timestamps[0].isdigit() or not signatures:
        raise InvalidSignature("The webhook carries no signature of the form t=...,v1=....")
    return int(timestamps[0]), signatures
