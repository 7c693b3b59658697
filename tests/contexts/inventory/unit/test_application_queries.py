"""Prices, availability and the catalog as other contexts and the API ask for them (fakes)."""

import uuid
from datetime import timedelta

import pytest

from oms.contexts.inventory.application import catalog, queries, reservations
from oms.contexts.inventory.contracts.commands import ReserveStock, StockLine
from oms.contexts.inventory.contracts.dtos import ProductQuote, StockLevelView
from oms.contexts.inventory.contracts.events import Shortage
from oms.shared_kernel.errors import InvalidValue, NotFound
from oms.shared_kernel.messages import MoneyPayload
from tests.contexts.inventory.unit.fakes import FakeUnitOfWork, FixedClock, stocked

TTL = timedelta(minutes=15)
PRICE = MoneyPayload(amount="9.90", currency="EUR")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def uow(clock: FixedClock) -> FakeUnitOfWork:
    uow = FakeUnitOfWork()
    stocked(uow, clock, MUG=5, CUP=2, PEN=0)
    return uow


def hold(uow, clock, **lines: int) -> None:
    command = ReserveStock(
        order_id=uuid.uuid4(), lines=tuple(StockLine(sku=sku, quantity=q) for sku, q in lines.items())
    )
    reservations.reserve_stock(command, uow=uow, clock=clock, ttl=TTL)


def test_quotes_come_in_the_order_asked_once_each_without_unknown_skus(uow, clock):
    hold(uow, clock, MUG=2)

    quotes = queries.quote_products(["cup", "MUG", "LAMP", "not a sku", "CUP"], uow=uow, clock=clock)

    assert quotes == [
        ProductQuote(sku="CUP", name="A cup", price=PRICE, active=True, available=2),
        ProductQuote(sku="MUG", name="A mug", price=PRICE, active=True, available=3),
    ]


def test_availability_counts_a_lapsed_hold_as_gone_before_any_sweep(uow, clock):
    hold(uow, clock, MUG=2)
    clock.advance(minutes=15)

    [quote] = queries.quote_products(["MUG"], uow=uow, clock=clock)

    assert quote.available == 5
    assert queries.stock_level("MUG", uow=uow, clock=clock) == StockLevelView(
        sku="MUG", on_hand=5, reserved=0, available=5
    )


def test_shortages_name_what_reserving_would_miss_now(uow, clock):
    catalog.update_product(uow=uow, clock=clock, sku="CUP", active=False)
    lines = [
        StockLine(sku=sku, quantity=q)
        for sku, q in [("MUG", 3), ("mug", 3), ("CUP", 1), ("LAMP", 1), ("a b", 2)]
    ]

    shortages = queries.find_shortages(lines, uow=uow, clock=clock)

    assert shortages == [
        Shortage(sku="a b", requested=2, available=0),
        Shortage(sku="CUP", requested=1, available=0),
        Shortage(sku="LAMP", requested=1, available=0),
        Shortage(sku="MUG", requested=6, available=5),
    ]


def test_nothing_is_short_when_everything_is_available(uow, clock):
    assert queries.find_shortages([StockLine(sku="MUG", quantity=5)], uow=uow, clock=clock) == []


def test_the_stock_level_shows_what_is_held_for_orders(uow, clock):
    hold(uow, clock, MUG=2)
    hold(uow, clock, MUG=1)

    level = queries.stock_level("mug", uow=uow, clock=clock)

    assert level == StockLevelView(sku="MUG", on_hand=5, reserved=3, available=2)


@pytest.mark.parametrize("sku", ["LAMP", "not a sku"])
def test_an_unknown_or_malformed_sku_is_not_found(uow, clock, sku):
    with pytest.raises(NotFound):
        queries.get_product(sku, uow=uow, clock=clock)
    with pytest.raises(NotFound):
        queries.stock_level(sku, uow=uow, clock=clock)


def test_a_product_shows_its_price_and_what_is_available(uow, clock):
    hold(uow, clock, CUP=1)

    view = queries.get_product("CUP", uow=uow, clock=clock)

    assert (view.sku, view.price, view.available) == ("CUP", PRICE, 1)


def test_the_catalog_is_filtered_ordered_and_paged(uow, clock):
    catalog.update_product(uow=uow, clock=clock, sku="PEN", active=False)

    page = queries.list_products(uow=uow, clock=clock, active=True, ordering="-sku", limit=1)
    searched = queries.list_products(uow=uow, clock=clock, search="pe")
    chosen = queries.list_products(uow=uow, clock=clock, skus=["cup", "pen", "bad sku"])

    assert (page.count, [p.sku for p in page.results]) == (2, ["MUG"])
    assert [p.sku for p in searched.results] == ["PEN"]
    assert [p.sku for p in chosen.results] == ["CUP", "PEN"]


def test_a_page_must_hold_something(uow, clock):
    with pytest.raises(InvalidValue):
        queries.list_products(uow=uow, clock=clock, limit=0)
