from dataclasses import dataclass

from oms.shared_kernel.entity import AggregateRoot, Entity
from oms.shared_kernel.events import DomainEvent


class Line(Entity[int]):
    pass


class Parcel(Entity[int]):
    pass


@dataclass(frozen=True)
class BasketFilled(DomainEvent):
    items: int


class Basket(AggregateRoot[str]):
    def fill(self, items: int) -> None:
        self.record(BasketFilled(items=items))


def test_entities_of_one_type_are_equal_by_id_alone() -> None:
    assert Line(1) == Line(1)
    assert Line(1) != Line(2)
    assert len({Line(1), Line(1), Line(2)}) == 2


def test_entities_of_different_types_are_not_equal_even_with_the_same_id() -> None:
    assert Line(1) != Parcel(1)
    assert Line(1) != 1


def test_an_aggregate_is_equal_by_id_whatever_its_version() -> None:
    assert Basket("b-1", version=3) == Basket("b-1")


def test_a_new_aggregate_starts_at_version_zero_with_no_events() -> None:
    basket = Basket("b-1")
    assert basket.version == 0
    assert basket.pull_events() == []


def test_an_aggregate_records_events_in_order() -> None:
    basket = Basket("b-1")
    basket.fill(1)
    basket.fill(2)
    assert [event.items for event in basket.pending_events] == [1, 2]  # type: ignore[attr-defined]


def test_pending_events_can_be_read_without_handing_them_over() -> None:
    basket = Basket("b-1")
    basket.fill(1)
    assert len(basket.pending_events) == 1
    assert len(basket.pending_events) == 1
    assert len(basket.pull_events()) == 1


def test_pulled_events_are_handed_over_exactly_once() -> None:
    basket = Basket("b-1")
    basket.fill(1)
    recorded = basket.pending_events[0]
    assert basket.pull_events() == [recorded]
    assert basket.pull_events() == []
    assert basket.pending_events == ()


def test_events_recorded_after_a_pull_are_handed_over_next_time() -> None:
    basket = Basket("b-1")
    basket.fill(1)
    basket.pull_events()
    basket.fill(2)
    assert [event.items for event in basket.pull_events()] == [2]  # type: ignore[attr-defined]
