"""Outbound webhook signatures verify with the Standard Webhooks reference library and by hand."""

import base64
import hashlib
import hmac
import time

import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from oms.contexts.notifications.infrastructure.signatures import new_secret, secret_key, signed_headers

BODY = b'{"type":"order.shipped","data":{"number":"SO-1"}}'


def test_a_signed_body_verifies_with_the_reference_library():
    secret, now = new_secret(), int(time.time())

    headers = signed_headers(secret=secret, message_id="msg-1", timestamp=now, body=BODY)

    assert Webhook(secret).verify(BODY, headers) == {"type": "order.shipped", "data": {"number": "SO-1"}}
    assert (headers["webhook-id"], headers["webhook-timestamp"]) == ("msg-1", str(now))


def test_the_signature_is_the_hmac_sha256_of_id_timestamp_and_body_keyed_with_the_secrets_bytes():
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()

    headers = signed_headers(secret=secret, message_id="msg-1", timestamp=1700000000, body=BODY)

    digest = hmac.new(b"k" * 32, b"msg-1.1700000000." + BODY, hashlib.sha256).digest()
    assert headers["webhook-signature"] == "v1," + base64.b64encode(digest).decode()


@pytest.mark.parametrize("tampered", ["body", "timestamp", "secret"])
def test_a_changed_body_timestamp_or_secret_does_not_verify(tampered):
    secret, now = new_secret(), int(time.time())
    headers = signed_headers(secret=secret, message_id="msg-1", timestamp=now, body=BODY)
    body, verifier = BODY, Webhook(secret)
    if tampered == "body":
        body = BODY.replace(b"SO-1", b"SO-2")
    elif tampered == "timestamp":
        headers["webhook-timestamp"] = str(now - 1)
    else:
        verifier = Webhook(new_secret())

    with pytest.raises(WebhookVerificationError):
        verifier.verify(body, headers)


def test_new_secrets_are_distinct_and_hold_24_random_bytes():
    first, second = new_secret(), new_secret()

    assert first != second
    assert len(secret_key(first)) == 24


@pytest.mark.parametrize(
    ("secret", "problem"),
    [
        ("s3cr3t", "starts with whsec_"),
        ("whsec_not base64!", "base64"),
        ("whsec_" + base64.b64encode(b"short").decode(), "at least 24 bytes"),
    ],
)
def test_a_secret_that_is_not_whsec_and_24_base64_bytes_is_refused(secret, problem):
    with pytest.raises(ValueError, match=problem):
        secret_key(secret)
