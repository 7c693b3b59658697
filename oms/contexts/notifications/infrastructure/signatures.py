"""Outbound webhook signatures, as Standard Webhooks specifies them (standardwebhooks.com).

Three headers: ``webhook-id`` (the message, the same on every retry, so receivers can deduplicate),
``webhook-timestamp`` (Unix seconds of this try, so receivers can refuse replays) and
``webhook-signature``: ``v1,`` and the base64 HMAC-SHA256 of ``"{id}.{timestamp}.{body}"`` keyed with
the secret's bytes. Secrets are ``whsec_`` and base64 of 24 random bytes, as the standard's own
libraries expect, so an integrator verifies with any of them.
"""

import base64
import binascii
import hashlib
import hmac
import secrets

PREFIX = "whsec_"
SECRET_BYTES = 24
MIN_SECRET_BYTES = 24  # the standard asks for 24 to 64 bytes


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key(secret: str) -> bytes:
    """The key a secret stands for; ValueError for one that is not ``whsec_`` and 24+ base64 bytes."""
    if not secret.startswith(PREFIX):
        raise ValueError(f"A webhook secret starts with {PREFIX}.")
    try:
        key = base64.b64decode(secret.removeprefix(PREFIX), validate=True)
    except binascii.Error as exc:
        raise ValueError("A webhook secret is base64 after its prefix.") from exc
    if len(key) < MIN_SECRET_BYTES:
        raise ValueError(f"A webhook secret holds at least {MIN_SECRET_BYTES} bytes.")
    return key


def signature(*, secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(*, secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret=secret, message_id=message_id, timestamp=timestamp, body=body),
    }
