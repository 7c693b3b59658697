import dataclasses
from datetime import UTC, datetime

import pytest

from oms.contexts.payments.domain.entries import EntryType, LedgerEntry, Operation
from oms.contexts.payments.domain.status import PaymentStatus
from oms.contexts.payments.domain.values import FailureKind, PaymentMethodToken
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money

REQUEST = LedgerEntry(
    sequence=1,
    idempotency_key="p:authorize:1",
    operation=Operation.AUTHORIZE,
    entry_type=EntryType.REQUEST,
    amount=Money("10.00", "EUR"),
    actor="saga",
    at=datetime(2025, 3, 1, tzinfo=UTC),
)


@pytest.mark.parametrize("token", ["tok_visa", "tok_chargeDeclined", "pm_1Nx2Yz"])
def test_a_provider_token_is_a_payment_method(token: str) -> None:
    assert str(PaymentMethodToken(token)) == token


@pytest.mark.parametrize("card_number", ["4242424242424242", "4242 4242 4242 4242", "5555-5555-5555-4444"])
def test_a_card_number_is_refused_so_card_data_never_reaches_the_database(card_number: str) -> None:
    with pytest.raises(InvalidValue, match="looks like a card number"):
        PaymentMethodToken(card_number)


@pytest.mark.parametrize("token", ["", " tok_visa", "tok_visa\n", "t" * 256])
def test_an_empty_padded_or_overlong_token_is_refused(token: str) -> None:
    with pytest.raises(InvalidValue):
        PaymentMethodToken(token)


def test_statuses_and_failure_kinds_are_spelled_as_the_api_publishes_them() -> None:
    assert [status.value for status in PaymentStatus] == [
        "none",
        "authorized",
        "captured",
        "partially_refunded",
        "refunded",
        "voided",
        "failed",
    ]
    assert {kind.value for kind in FailureKind} == {"declined", "gateway_unavailable"}


def test_a_ledger_time_without_a_zone_is_refused() -> None:
    with pytest.raises(InvalidValue, match="time zone"):
        dataclasses.replace(REQUEST, at=datetime(2025, 3, 1))


def test_every_ledger_entry_names_who_acted() -> None:
    with pytest.raises(InvalidValue, match="who acted"):
        dataclasses.replace(REQUEST, actor=" ")


def test_a_success_needs_the_provider_reference_and_a_failure_its_kind() -> None:
    with pytest.raises(InvalidValue, match="provider's reference"):
        dataclasses.replace(REQUEST, entry_type=EntryType.SUCCESS)
    with pytest.raises(InvalidValue, match="declined or the gateway"):
        dataclasses.replace(REQUEST, entry_type=EntryType.FAILURE)
