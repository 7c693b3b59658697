import re

import pytest

from oms.shared_kernel.currencies import MINOR_UNITS


def test_every_currency_is_a_three_letter_code_with_zero_to_four_places() -> None:
    malformed = {
        code: places
        for code, places in MINOR_UNITS.items()
        if not re.fullmatch("[A-Z]{3}", code) or places not in range(5)
    }
    assert malformed == {}


@pytest.mark.parametrize("code", ["USD", "EUR", "GBP", "CNY", "JPY", "INR", "CHF", "KWD", "BRL"])
def test_the_major_currencies_are_known(code: str) -> None:
    assert code in MINOR_UNITS
