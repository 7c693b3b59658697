from collections.abc import Callable
from decimal import Decimal

import pytest

from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import CurrencyMismatch, Money


def eur(amount: str) -> Money:
    return Money(amount, "EUR")


def test_adding_and_subtracting_keep_the_currency() -> None:
    assert eur("10.50") + eur("0.75") == eur("11.25")
    assert eur("10.50") - eur("12") == eur("-1.50")


def test_negation_flips_the_sign() -> None:
    assert -eur("3.20") == eur("-3.20")


def test_multiplying_by_an_int_scales_the_amount_from_either_side() -> None:
    assert eur("2.50") * 3 == eur("7.50")
    assert 3 * eur("2.50") == eur("7.50")


def test_multiplying_by_a_decimal_rounds_half_up_to_the_currency() -> None:
    assert eur("10.00") * Decimal("0.0125") == eur("0.13")
    assert Money(3, "JPY") * Decimal("0.5") == Money(2, "JPY")


@pytest.mark.parametrize("factor", [1.5, True, "2", Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")])
def test_multiplying_by_a_float_bool_string_or_non_finite_number_is_refused(factor: object) -> None:
    with pytest.raises(InvalidValue):
        eur("1.00") * factor  # type: ignore[operator]


@pytest.mark.parametrize(
    "combine",
    [
        lambda a, b: a + b,
        lambda a, b: a - b,
        lambda a, b: a < b,
        lambda a, b: a <= b,
        lambda a, b: a > b,
        lambda a, b: a >= b,
    ],
)
def test_combining_two_currencies_raises_currency_mismatch(combine: Callable[[Money, Money], object]) -> None:
    with pytest.raises(CurrencyMismatch):
        combine(eur("1.00"), Money("1.00", "USD"))


def test_a_currency_mismatch_is_an_invalid_value() -> None:
    assert issubclass(CurrencyMismatch, InvalidValue)


def test_combining_money_with_a_bare_number_is_refused() -> None:
    with pytest.raises(InvalidValue):
        eur("1.00") + 1  # type: ignore[operator]


def test_money_in_one_currency_is_ordered_by_amount() -> None:
    comparisons = [eur("-1") < eur("2"), eur("-1") <= eur("2"), eur("2") > eur("-1"), eur("2") >= eur("-1")]
    assert comparisons == [True] * 4
    assert [eur("-1") <= eur("-1.00"), eur("-1") >= eur("-1.00")] == [True, True]
    assert [eur("2") < eur("-1"), eur("-1") > eur("2"), eur("1") < eur("1")] == [False, False, False]


@pytest.mark.parametrize(
    ("amount", "signs"),
    [("0", (True, False, False)), ("0.01", (False, True, False)), ("-0.01", (False, False, True))],
)
def test_the_sign_predicates_tell_zero_positive_and_negative_apart(
    amount: str, signs: tuple[bool, bool, bool]
) -> None:
    money = eur(amount)
    assert (money.is_zero, money.is_positive, money.is_negative) == signs


@pytest.mark.parametrize(
    ("amount", "currency", "units"),
    [
        ("12.34", "EUR", 1234),
        ("-0.05", "EUR", -5),
        ("500", "JPY", 500),
        ("1.234", "BHD", 1234),
        ("1.2345", "CLF", 12345),
    ],
)
def test_minor_units_convert_both_ways(amount: str, currency: str, units: int) -> None:
    assert Money(amount, currency).as_minor_units() == units
    assert Money.from_minor_units(units, currency) == Money(amount, currency)


@pytest.mark.parametrize("units", [12.0, True, "1234", Decimal(1234)])
def test_minor_units_must_be_an_int(units: object) -> None:
    with pytest.raises(InvalidValue):
        Money.from_minor_units(units, "EUR")  # type: ignore[arg-type]


def test_total_sums_amounts_of_one_currency() -> None:
    assert Money.total([eur("1.10"), eur("2.20"), eur("-0.30")], currency="EUR") == eur("3.00")


def test_the_total_of_nothing_is_zero_in_the_asked_currency() -> None:
    assert Money.total([], currency="JPY") == Money(0, "JPY")


def test_total_refuses_amounts_in_another_currency() -> None:
    with pytest.raises(CurrencyMismatch):
        Money.total([Money(1, "USD")], currency="EUR")
