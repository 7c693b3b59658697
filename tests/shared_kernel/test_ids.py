import uuid
from dataclasses import FrozenInstanceError

import pytest

from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.ids import CustomerId, Identifier


class OrderId(Identifier):
    pass


class PaymentId(Identifier):
    pass


RAW = uuid.UUID("6f1c2b9e-3d4a-4e8b-9c1d-2a3b4c5d6e7f")


def test_new_gives_a_fresh_identifier_of_the_asked_type() -> None:
    first, second = OrderId.new(), OrderId.new()
    assert type(first) is OrderId
    assert first != second


@pytest.mark.parametrize(
    "raw", [str(RAW), str(RAW).upper(), RAW.hex, f"urn:uuid:{RAW}", RAW, OrderId(RAW), Identifier(RAW)]
)
def test_parse_accepts_a_string_a_uuid_or_an_identifier(raw: str | uuid.UUID | Identifier) -> None:
    parsed = OrderId.parse(raw)
    assert type(parsed) is OrderId
    assert parsed.value == RAW


@pytest.mark.parametrize("raw", ["not-a-uuid", "", "1234", f"{RAW}0"])
def test_parse_refuses_what_is_not_a_uuid(raw: str) -> None:
    with pytest.raises(InvalidValue, match="OrderId"):
        OrderId.parse(raw)


@pytest.mark.parametrize("value", [str(RAW), RAW.int, None])
def test_an_identifier_is_built_from_a_uuid_only(value: object) -> None:
    with pytest.raises(InvalidValue):
        OrderId(value)  # type: ignore[arg-type]


def test_identifiers_of_one_type_are_equal_by_value() -> None:
    assert OrderId(RAW) == OrderId.parse(str(RAW))
    assert hash(OrderId(RAW)) == hash(OrderId.parse(str(RAW)))


@pytest.mark.parametrize("other", [PaymentId(RAW), CustomerId(RAW), Identifier(RAW), RAW, str(RAW)])
def test_an_identifier_never_equals_one_of_another_type_with_the_same_uuid(other: object) -> None:
    assert OrderId(RAW) != other
    assert other != OrderId(RAW)


def test_identifiers_of_different_types_are_distinct_keys() -> None:
    assert len({OrderId(RAW), PaymentId(RAW), OrderId(RAW)}) == 2


def test_str_is_the_canonical_uuid() -> None:
    assert str(OrderId(RAW)) == "6f1c2b9e-3d4a-4e8b-9c1d-2a3b4c5d6e7f"


def test_identifiers_are_immutable() -> None:
    with pytest.raises(FrozenInstanceError):
        OrderId(RAW).value = uuid.uuid4()  # type: ignore[misc]
