"""PAYMENT_GATEWAY picks the adapter; the HTTP one reads endpoint, limits and breaker from settings."""

import httpx
import pytest

from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.infrastructure import gateways
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from oms.contexts.payments.infrastructure.gateways.stripe import StripeGateway
from oms.contexts.payments.infrastructure.gateways.stripe_answers import authorized, refunded


def test_the_sandbox_is_the_default_and_one_gateway_serves_the_whole_process(settings):
    del settings.PAYMENT_GATEWAY
    with gateways.using(None):  # type: ignore[arg-type]  (forget the one built so far)
        first = gateways.current()

        assert isinstance(first, SandboxGateway)
        assert gateways.current() is first


def test_the_stripe_adapter_is_built_from_settings(settings):
    settings.PAYMENT_GATEWAY = "stripe"
    settings.STRIPE_API_BASE, settings.STRIPE_API_KEY = "http://127.0.0.1:9", "sk_test_x"
    settings.PAYMENT_GATEWAY_CONNECT_TIMEOUT, settings.PAYMENT_GATEWAY_READ_TIMEOUT = 0.5, 4.0
    settings.PAYMENT_BREAKER_FAIL_MAX, settings.PAYMENT_GATEWAY_MAX_ATTEMPTS = 7, 4
    with gateways.using(None):  # type: ignore[arg-type]
        gateway = gateways.current()

    assert isinstance(gateway, StripeGateway)
    client = gateway._client
    assert (str(client.base_url), client.headers["Authorization"]) == (
        "http://127.0.0.1:9",
        "Bearer sk_test_x",
    )
    assert (client.timeout.connect, client.timeout.read) == (0.5, 4.0)
    assert (gateway._resilient.breaker.fail_max, gateway._resilient.policy.max_attempts) == (7, 4)


def test_an_unknown_gateway_name_is_refused_by_name(settings):
    settings.PAYMENT_GATEWAY = "paypal"
    with gateways.using(None), pytest.raises(LookupError, match="paypal"):  # type: ignore[arg-type]
        gateways.current()


@pytest.mark.parametrize(
    ("read", "body", "answer"),
    [
        (refunded, {"id": "re_1", "status": "pending"}, GatewayAnswer.in_progress("re_1")),
        (
            refunded,
            {"id": "re_1", "status": "failed", "failure_reason": "expired_or_canceled_card"},
            GatewayAnswer.declined("expired_or_canceled_card"),
        ),
        (
            authorized,
            {"id": "pi_1", "status": "requires_action"},
            GatewayAnswer.declined("the provider left it requires_action"),
        ),
        (authorized, {"id": "pi_1", "status": "processing"}, GatewayAnswer.in_progress("pi_1")),
    ],
)
def test_a_provider_answer_that_is_not_final_or_not_a_yes_is_read_as_such(read, body, answer):
    assert read(httpx.Response(200, json=body)) == answer


def test_a_2xx_that_is_not_json_is_not_taken_for_a_yes():
    assert authorized(httpx.Response(200, text="<html>")).failure is not None
