"""The HTTP adapter over real HTTP, against a fake provider on loopback that misbehaves on cue."""

import itertools
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest
from prometheus_client import REGISTRY

from oms.contexts.payments.application.ports import GatewayAnswer
from oms.contexts.payments.domain.ids import OrderId, PaymentId
from oms.contexts.payments.domain.values import PaymentMethodToken
from oms.contexts.payments.infrastructure.gateways.resilience import Resilient, RetryPolicy, circuit_breaker
from oms.contexts.payments.infrastructure.gateways.sandbox import SandboxGateway
from oms.contexts.payments.infrastructure.gateways.stripe import StripeGateway
from oms.shared_kernel.money import Money
from tests.contexts.payments.integration.fake_provider import FakeProvider

PAYMENT, ORDER = PaymentId(uuid.UUID(int=1)), OrderId(uuid.UUID(int=2))
_names = itertools.count()


@pytest.fixture
def provider() -> Iterator[FakeProvider]:
    server = FakeProvider().start()
    yield server
    server.stop()


def stripe(
    provider: FakeProvider,
    *,
    attempts: int = 3,
    read_timeout: float = 2.0,
    fail_max: int = 5,
    reset: float = 30.0,
) -> StripeGateway:
    client = httpx.Client(
        base_url=provider.url,
        timeout=httpx.Timeout(read_timeout, connect=1.0),
        headers={"Authorization": "Bearer sk_test_123"},
    )
    breaker = circuit_breaker(f"stripe-test-{next(_names)}", fail_max=fail_max, reset_timeout=reset)
    policy = RetryPolicy(max_attempts=attempts, base_delay=0.001, max_delay=0.005)
    return StripeGateway(client=client, resilient=Resilient(breaker=breaker, policy=policy))


def authorize(gateway: StripeGateway, key: str = "pay:authorize:1", token: str = "tok_visa") -> GatewayAnswer:
    amount, method = Money("49.90", "EUR"), PaymentMethodToken(token)
    return gateway.authorize(
        idempotency_key=key, amount=amount, method=method, payment_id=PAYMENT, order_id=ORDER
    )


def attempts(outcome: str) -> float:
    labels = {"gateway": "stripe", "operation": "authorize", "outcome": outcome}
    return REGISTRY.get_sample_value("oms_payment_gateway_attempts_total", labels) or 0.0


def test_an_authorization_is_a_manual_capture_payment_intent_in_minor_units_with_our_key(provider):
    assert authorize(stripe(provider)) == GatewayAnswer.approved("pi_1")

    [sent] = provider.received
    assert (sent.path, sent.key, sent.authorization) == (
        "/v1/payment_intents",
        "pay:authorize:1",
        "Bearer sk_test_123",
    )
    assert sent.form == {
        "amount": "4990",
        "currency": "eur",
        "capture_method": "manual",
        "confirm": "true",
        "payment_method_data[type]": "card",
        "payment_method_data[card][token]": "tok_visa",
        "metadata[oms_payment_id]": str(PAYMENT),
        "metadata[oms_order_id]": str(ORDER),
    }


def test_capture_void_and_refund_follow_stripes_paths_each_with_its_own_key(provider):
    gateway = stripe(provider)

    captured = gateway.capture(
        idempotency_key="k:capture:1", authorization="pi_7", amount=Money("10.00", "EUR")
    )
    voided = gateway.void(idempotency_key="k:void:1", authorization="pi_7")
    refunded = gateway.refund(
        idempotency_key="k:refund:1", authorization="pi_7", amount=Money("2.50", "EUR"), payment_id=PAYMENT
    )

    assert [captured, voided, refunded] == [
        GatewayAnswer.approved("pi_7"),
        GatewayAnswer.approved("pi_7"),
        GatewayAnswer.approved("re_3"),
    ]
    assert [(r.path, r.key) for r in provider.received] == [
        ("/v1/payment_intents/pi_7/capture", "k:capture:1"),
        ("/v1/payment_intents/pi_7/cancel", "k:void:1"),
        ("/v1/refunds", "k:refund:1"),
    ]
    assert provider.received[0].form == {"amount_to_capture": "1000"}
    assert provider.received[2].form["metadata[oms_idempotency_key]"] == "k:refund:1"


def test_a_decline_is_answered_at_once_and_never_retried(provider):
    answer = authorize(stripe(provider), token="tok_chargeDeclined")

    assert answer == GatewayAnswer.declined("Your card was declined.")
    assert len(provider.received) == 1


def test_server_errors_are_retried_with_the_same_key_and_the_provider_charges_once(provider):
    provider.faults.extend(["500", "500"])
    before = attempts("server_error")

    assert authorize(stripe(provider)) == GatewayAnswer.approved("pi_1")

    assert [r.key for r in provider.received] == ["pay:authorize:1"] * 3
    assert provider.charges == {"pay:authorize:1": 1}
    assert attempts("server_error") == before + 2


def test_a_read_timeout_after_the_provider_acted_is_retried_and_answered_from_its_first_result(provider):
    provider.faults.append("slow")
    before = attempts("timeout")

    started = time.perf_counter()
    answer = authorize(stripe(provider, read_timeout=0.2))

    assert time.perf_counter() - started < provider.slow_seconds + 0.2
    assert answer == GatewayAnswer.approved("pi_1")
    assert len(provider.received) == 2
    assert provider.charges == {"pay:authorize:1": 1}
    assert attempts("timeout") == before + 1


def test_a_dropped_connection_is_retried(provider):
    provider.faults.append("drop")

    assert authorize(stripe(provider)) == GatewayAnswer.approved("pi_1")

    assert len(provider.received) == 2


def test_a_provider_failing_every_attempt_leaves_the_gateway_unavailable_after_the_last_retry(provider):
    provider.faults.extend(["500"] * 3)

    answer = authorize(stripe(provider, attempts=3))

    assert answer.failure is not None
    assert answer.failure.value == "gateway_unavailable"
    assert "after 3 attempts" in answer.reason
    assert provider.charges == {}


def test_a_reference_is_quoted_into_the_path_so_it_cannot_walk_to_another_endpoint(provider):
    stripe(provider).void(idempotency_key="k", authorization="pi_x/../../refunds")

    assert provider.received[0].path == "/v1/payment_intents/pi_x%2F..%2F..%2Frefunds/cancel"


def test_a_refusal_of_our_own_request_is_not_the_customers_decline_and_is_not_retried(provider):
    provider.faults.append("401")

    answer = authorize(stripe(provider))

    assert answer.failure is not None
    assert answer.failure.value == "gateway_unavailable"
    assert len(provider.received) == 1


def breaker_state(gateway: StripeGateway) -> float | None:
    name = gateway._resilient.breaker.name
    return REGISTRY.get_sample_value("oms_payment_circuit_breaker_state", {"gateway": name})


def test_the_breaker_opens_after_repeated_failures_fails_fast_then_half_opens_to_probe(provider):
    gateway = stripe(provider, attempts=1, fail_max=3, reset=0.3)
    provider.faults.extend(["500"] * 3)
    for number in range(3):
        authorize(gateway, key=f"k{number}")
    assert breaker_state(gateway) == 2  # open

    started = time.perf_counter()
    refused = authorize(gateway, key="k-while-open")
    assert time.perf_counter() - started < 0.05
    assert refused.reason.startswith("circuit open")
    assert len(provider.received) == 3  # the provider never saw it

    time.sleep(0.35)
    assert authorize(gateway, key="k-probe") == GatewayAnswer.approved("pi_1")  # the half-open probe
    assert breaker_state(gateway) == 0  # closed again
    assert provider.received[-1].key == "k-probe"


def test_a_failed_probe_opens_the_breaker_again(provider):
    gateway = stripe(provider, attempts=1, fail_max=1, reset=0.2)
    provider.faults.extend(["500", "500"])
    authorize(gateway, key="k1")
    time.sleep(0.25)

    authorize(gateway, key="k-probe")

    assert breaker_state(gateway) == 2
    assert authorize(gateway, key="k-after").reason.startswith("circuit open")


def test_a_retry_waits_a_random_time_never_longer_than_its_exponential_cap():
    policy = RetryPolicy(base_delay=0.1, max_delay=0.3)

    delays = [[policy.delay(retry) for _ in range(200)] for retry in range(4)]

    for retry, waits in enumerate(delays):
        assert all(0 <= wait <= min(0.3, 0.1 * 2**retry) for wait in waits)
        assert len(set(waits)) > 100  # jittered, not a fixed schedule


def test_the_sandbox_answers_the_same_key_with_the_same_answer_and_charges_once():
    sandbox = SandboxGateway()

    answers = {authorize(sandbox, key="same") for _ in range(3)}  # type: ignore[arg-type]

    assert len(answers) == 1
    assert (sandbox.calls["same"], sandbox.charges["same"]) == (3, 1)
