from dataclasses import FrozenInstanceError
from decimal import ROUND_DOWN, Decimal, localcontext

import pytest

from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money, minor_units


@pytest.mark.parametrize("amount", [Decimal("12.5"), "12.50", " 12.5 ", "1.25E1"])
def test_an_amount_can_be_given_as_a_decimal_or_a_string(amount: Decimal | str) -> None:
    assert Money(amount, "EUR").amount == Decimal("12.50")


def test_an_amount_can_be_given_as_an_int() -> None:
    assert Money(12, "EUR").amount == Decimal("12.00")


@pytest.mark.parametrize("amount", [0.1, 1.0, True, False, None, [1], object()])
def test_floats_bools_and_other_types_are_refused(amount: object) -> None:
    with pytest.raises(InvalidValue):
        Money(amount, "EUR")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["twelve", "", "1,50", "1.2.3"])
def test_a_string_that_is_not_a_number_is_refused(amount: str) -> None:
    with pytest.raises(InvalidValue):
        Money(amount, "EUR")


@pytest.mark.parametrize(
    "amount", ["NaN", "sNaN", "Infinity", "-Infinity", Decimal("NaN"), Decimal("-Infinity")]
)
def test_nan_and_infinity_are_refused(amount: Decimal | str) -> None:
    with pytest.raises(InvalidValue):
        Money(amount, "EUR")


@pytest.mark.parametrize("currency", ["XYZ", "eur", "EURO", "", "XAU", None])
def test_an_unknown_currency_is_refused(currency: str) -> None:
    with pytest.raises(InvalidValue):
        Money(1, currency)


@pytest.mark.parametrize(
    ("currency", "places"), [("EUR", 2), ("USD", 2), ("CNY", 2), ("JPY", 0), ("BHD", 3), ("CLF", 4)]
)
def test_minor_units_tells_the_places_of_a_currency(currency: str, places: int) -> None:
    assert minor_units(currency) == places


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("1.005", "EUR", "1.01"),
        ("1.00499", "EUR", "1.00"),
        ("2.5", "JPY", "3"),
        ("3.5", "JPY", "4"),
        ("1.0005", "BHD", "1.001"),
        ("0.00005", "CLF", "0.0001"),
        ("-1.005", "EUR", "-1.01"),
        ("-2.5", "JPY", "-3"),
    ],
)
def test_amounts_are_rounded_half_up_to_the_currencys_minor_units(
    amount: str, currency: str, expected: str
) -> None:
    assert str(Money(amount, currency).amount) == expected


@pytest.mark.parametrize(
    ("currency", "text"), [("JPY", "7 JPY"), ("BHD", "7.000 BHD"), ("CLF", "7.0000 CLF")]
)
def test_the_amount_always_shows_exactly_the_currencys_places(currency: str, text: str) -> None:
    assert str(Money(7, currency)) == text


def test_str_shows_the_amount_and_the_currency() -> None:
    assert str(Money("12.5", "EUR")) == "12.50 EUR"


def test_negative_amounts_are_allowed() -> None:
    assert Money("-5", "EUR").is_negative


def test_an_amount_rounding_to_zero_has_no_minus_sign() -> None:
    assert str(Money("-0.001", "EUR")) == "0.00 EUR"


@pytest.mark.parametrize("amount", [Decimal("1e30"), "1e999999999", 10**40])
def test_an_absurdly_large_amount_is_refused(amount: Decimal | str | int) -> None:
    with pytest.raises(InvalidValue, match="too large"):
        Money(amount, "EUR")


def test_the_callers_decimal_context_does_not_round_money() -> None:
    with localcontext() as context:
        context.prec, context.rounding = 3, ROUND_DOWN
        total = Money("1234.565", "EUR") + Money("0.01", "EUR")
    assert total.amount == Decimal("1234.58")


def test_money_is_equal_by_amount_and_currency() -> None:
    assert Money("1.0", "EUR") == Money("1.00", "EUR")
    assert hash(Money("1.0", "EUR")) == hash(Money("1.00", "EUR"))
    assert Money(1, "EUR") != Money(1, "USD")


def test_money_is_immutable() -> None:
    with pytest.raises(FrozenInstanceError):
        Money(1, "EUR").amount = Decimal(2)  # type: ignore[misc]
