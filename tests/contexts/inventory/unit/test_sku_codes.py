import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import InvalidValue


def test_a_sku_is_upper_cased_and_trimmed_so_one_product_has_one_code() -> None:
    assert Sku("  ab-12_x ") == Sku("AB-12_X")
    assert str(Sku("ab-12_x")) == "AB-12_X"


@pytest.mark.parametrize("raw", ["", "   ", "A B", "AB/1", "ÄPFEL", "A" * 65, "AB\n1"])
def test_a_sku_refuses_anything_but_1_to_64_letters_digits_dashes_and_underscores(raw: str) -> None:
    with pytest.raises(InvalidValue):
        Sku(raw)


def test_a_sku_of_64_characters_is_accepted() -> None:
    assert Sku("a" * 64).value == "A" * 64


def test_a_sku_refuses_a_value_that_is_not_text() -> None:
    with pytest.raises(InvalidValue):
        Sku(12)  # type: ignore[arg-type]


@given(st.lists(st.from_regex(r"[A-Z0-9_-]{1,64}", fullmatch=True), min_size=2, max_size=5, unique=True))
def test_skus_sort_like_their_codes_so_rows_are_always_locked_in_one_order(codes: list[str]) -> None:
    assert [sku.value for sku in sorted(Sku(code) for code in codes)] == sorted(codes)
