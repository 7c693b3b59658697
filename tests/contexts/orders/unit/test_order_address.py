import pytest

from oms.contexts.orders.domain.address import Address, InvalidAddress
from oms.contexts.orders.domain.countries import COUNTRY_CODES
from tests.contexts.orders.unit.builders import an_address


def test_an_address_is_stored_trimmed_with_an_upper_case_country() -> None:
    address = an_address(name="  Ada Lovelace ", country=" gb ")

    assert address.name == "Ada Lovelace"
    assert address.country == "GB"


def test_the_second_line_and_the_region_are_optional() -> None:
    address = an_address()

    assert (address.line2, address.region) == ("", "")


def test_two_addresses_written_differently_but_meaning_the_same_are_equal() -> None:
    assert an_address(city=" London", country="gb") == an_address()


@pytest.mark.parametrize("field", ["name", "line1", "city", "postal_code", "country"])
def test_an_address_without_a_required_field_is_refused_naming_that_field(field: str) -> None:
    with pytest.raises(InvalidAddress) as refused:
        an_address(**{field: "   "})

    assert refused.value.field == field


@pytest.mark.parametrize("country", ["XK", "UK", "EU", "ZZ", "DEU", "D", "12"])
def test_a_country_that_is_not_an_assigned_iso_3166_alpha_2_code_is_refused(country: str) -> None:
    with pytest.raises(InvalidAddress, match="ISO 3166-1 alpha-2") as refused:
        an_address(country=country)

    assert refused.value.field == "country"


def test_an_address_line_longer_than_a_label_can_print_is_refused() -> None:
    with pytest.raises(InvalidAddress) as refused:
        an_address(line1="x" * 201)

    assert refused.value.field == "line1"


def test_a_field_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidAddress):
        Address(name="Ada", line1="1 Road", city="Paris", postal_code=75001, country="FR")  # type: ignore[arg-type]


def test_the_country_list_holds_every_officially_assigned_alpha_2_code() -> None:
    assert len(COUNTRY_CODES) == 249
    assert {"DE", "US", "GB", "FR", "JP", "BR", "SS", "AX"} <= COUNTRY_CODES
    assert all(len(code) == 2 and code.isupper() for code in COUNTRY_CODES)
