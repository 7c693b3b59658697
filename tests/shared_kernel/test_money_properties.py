"""Money obeys the laws of a commutative group under addition, exactly, in every currency."""

from decimal import Decimal
from functools import reduce
from operator import add

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oms.shared_kernel.currencies import MINOR_UNITS
from oms.shared_kernel.money import Money

# Far beyond any order, yet small enough that products with FACTORS stay within Money's 28 digits.
LIMIT = Decimal(10) ** 12
FACTORS = st.integers(min_value=-(10**6), max_value=10**6)
CURRENCIES = st.sampled_from(sorted(MINOR_UNITS))


def amounts(places: int) -> st.SearchStrategy[Decimal]:
    return st.decimals(
        min_value=-LIMIT, max_value=LIMIT, places=places, allow_nan=False, allow_infinity=False
    )


@st.composite
def monies(draw: st.DrawFn, count: int) -> list[Money]:
    """``count`` amounts of Money in one currency, each already at that currency's places."""
    currency = draw(CURRENCIES)
    places = MINOR_UNITS[currency]
    return [Money(draw(amounts(places)), currency) for _ in range(count)]


@given(monies(2))
def test_addition_is_commutative(pair: list[Money]) -> None:
    a, b = pair
    assert a + b == b + a


@given(monies(3))
def test_addition_is_associative(triple: list[Money]) -> None:
    a, b, c = triple
    assert (a + b) + c == a + (b + c)


@given(monies(1))
def test_zero_is_the_identity_of_addition(single: list[Money]) -> None:
    (a,) = single
    assert a + Money.zero(a.currency) == a == Money.zero(a.currency) + a


@given(monies(1))
def test_an_amount_plus_its_negation_is_zero(single: list[Money]) -> None:
    (a,) = single
    assert a + (-a) == Money.zero(a.currency)


@given(monies(2))
def test_subtraction_is_addition_of_the_negation(pair: list[Money]) -> None:
    a, b = pair
    assert a - b == a + (-b)


@given(monies(2), FACTORS)
def test_multiplication_by_an_int_distributes_over_addition(pair: list[Money], k: int) -> None:
    a, b = pair
    assert (a + b) * k == a * k + b * k
    assert k * a == a * k


@given(st.integers(min_value=0, max_value=8).flatmap(monies))
def test_total_equals_the_fold_of_addition(items: list[Money]) -> None:
    currency = items[0].currency if items else "EUR"
    total = Money.total(items, currency=currency)
    assert total == reduce(add, reversed(items), Money.zero(currency))
    assert total.amount == sum((m.amount for m in items), Decimal(0))


@given(monies(1))
def test_the_minor_unit_round_trip_is_exact(single: list[Money]) -> None:
    (a,) = single
    assert Money.from_minor_units(a.as_minor_units(), a.currency) == a


@given(st.integers(min_value=-(10**20), max_value=10**20), CURRENCIES)
def test_minor_units_survive_a_trip_through_money(units: int, currency: str) -> None:
    assert Money.from_minor_units(units, currency).as_minor_units() == units


@given(amounts(places=6), CURRENCIES)
def test_construction_is_idempotent(raw: Decimal, currency: str) -> None:
    money = Money(raw, currency)
    assert Money(money.amount, currency) == money


@given(monies(2))
def test_ordering_is_total_and_agrees_with_the_sign_of_the_difference(pair: list[Money]) -> None:
    a, b = pair
    difference = a - b
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a < b) == difference.is_negative
    assert (a == b) == difference.is_zero
    assert (a > b) == difference.is_positive
    assert (a <= b) == (not a > b)
    assert (a >= b) == (not a < b)


@pytest.mark.parametrize("currency", sorted(MINOR_UNITS))
@settings(max_examples=20)
@given(raw=amounts(places=6))
def test_every_amount_has_exactly_the_currencys_minor_unit_places(currency: str, raw: Decimal) -> None:
    exponent = Money(raw, currency).amount.as_tuple().exponent
    assert exponent == -MINOR_UNITS[currency]
