from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms.contexts.orders.domain.events import OrderPlaced
from oms.contexts.orders.domain.lines import OrderLine
from oms.contexts.orders.domain.status import OrderStatus, PaymentStatus
from oms.shared_kernel.errors import BusinessRuleViolation, InvalidValue
from oms.shared_kernel.money import Money
from tests.contexts.orders.unit.builders import T0, a_line, an_order


def test_a_placed_order_is_pending_with_no_payment_yet() -> None:
    order = an_order()

    assert (order.status, order.payment_status) == (OrderStatus.PENDING, PaymentStatus.NONE)


def test_a_placed_order_totals_its_lines_at_their_snapshot_prices() -> None:
    order = an_order([a_line("A", 3, "2.50"), a_line("B", 1, "0.99")])

    assert [line.line_total for line in order.lines] == [Money("7.50", "EUR"), Money("0.99", "EUR")]
    assert order.total == Money("8.49", "EUR")


def test_placing_an_order_records_order_placed_with_its_lines_and_total() -> None:
    order = an_order([a_line("A", 2, "4.00")])

    [event] = order.pull_events()

    assert isinstance(event, OrderPlaced)
    assert (event.order_id, event.customer_id) == (order.id, order.customer_id)
    assert (event.lines, event.total, event.occurred_at) == (order.lines, Money("8.00", "EUR"), T0)


def test_the_timeline_starts_with_the_placement_by_the_customer() -> None:
    [entry] = an_order().timeline

    assert (entry.from_status, entry.to_status, entry.reason, entry.at) == (
        None,
        "pending",
        "Order placed",
        T0,
    )
    assert entry.actor.startswith("customer:")


def test_an_order_without_lines_is_refused() -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        an_order([])

    assert refused.value.rule == "basket_size_within_limits"


def test_an_order_of_a_hundred_lines_is_accepted_but_not_of_a_hundred_and_one() -> None:
    assert len(an_order([a_line(f"SKU-{n}") for n in range(100)]).lines) == 100
    with pytest.raises(BusinessRuleViolation, match="from 1 to 100 lines"):
        an_order([a_line(f"SKU-{n}") for n in range(101)])


@pytest.mark.parametrize("quantity", [0, -1, 1000, True])
def test_a_quantity_outside_one_to_nine_hundred_and_ninety_nine_is_refused(quantity: int) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        an_order([a_line(quantity=quantity)])

    assert refused.value.rule == "quantity_within_limits"


@pytest.mark.parametrize("quantity", [1, 999])
def test_the_quantity_limits_themselves_are_allowed(quantity: int) -> None:
    assert an_order([a_line(quantity=quantity)]).lines[0].quantity == quantity


def test_a_line_priced_in_another_currency_than_the_order_is_refused() -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        an_order([a_line("A", currency="EUR"), a_line("B", currency="USD")], currency="EUR")

    assert refused.value.rule == "one_currency_per_order"


def test_an_order_in_a_currency_that_does_not_exist_is_refused() -> None:
    with pytest.raises(InvalidValue):
        an_order([a_line()], currency="EURO")


def test_the_same_product_on_two_lines_is_refused() -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        an_order([a_line("sku-1"), a_line("SKU-1 ")])

    assert refused.value.rule == "one_line_per_sku"


@pytest.mark.parametrize("sku", ["", "   ", "X" * 65])
def test_a_line_without_a_usable_sku_is_refused(sku: str) -> None:
    with pytest.raises(BusinessRuleViolation) as refused:
        a_line(sku)

    assert refused.value.rule == "sku_must_be_given"


def test_a_sku_is_kept_upper_case_and_trimmed_like_the_catalog_keeps_it() -> None:
    assert a_line(" ab-1 ").sku == "AB-1"


def test_a_negative_unit_price_is_refused_but_a_free_item_is_allowed() -> None:
    assert a_line(price="0").line_total == Money("0.00", "EUR")
    with pytest.raises(BusinessRuleViolation, match="zero or more"):
        a_line(price="-0.01")


_currencies = st.sampled_from(["EUR", "USD", "JPY", "KWD"])


@st.composite
def baskets(draw: st.DrawFn) -> tuple[str, list[OrderLine]]:
    currency = draw(_currencies)
    count = draw(st.integers(min_value=1, max_value=100))
    prices = st.decimals(min_value=0, max_value=100_000, places=3, allow_nan=False, allow_infinity=False)
    lines = [
        OrderLine(
            sku=f"SKU-{n}", quantity=draw(st.integers(1, 999)), unit_price=Money(draw(prices), currency)
        )
        for n in range(count)
    ]
    return currency, lines


@given(baskets())
def test_the_total_always_equals_the_sum_of_the_line_totals(basket: tuple[str, list[OrderLine]]) -> None:
    currency, lines = basket
    order = an_order(lines, currency=currency)

    expected = sum((line.unit_price.amount * line.quantity for line in lines), Decimal(0))
    assert order.total == Money.total((line.line_total for line in order.lines), currency=currency)
    assert order.total.amount == expected
