"""Money: an exact amount in one ISO 4217 currency, always rounded to that currency's minor units.

Floats are refused outright: ``Money(0.1, "EUR")`` would silently carry binary rounding error into
totals and refunds. Amounts are quantised at construction with half-up rounding (the rule shoppers
and tax authorities expect), so sums of Money are exact and never drift.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Self

from oms.shared_kernel.currencies import MINOR_UNITS
from oms.shared_kernel.errors import InvalidValue


class CurrencyMismatch(InvalidValue):
    """Two amounts in different currencies were combined; there is no implicit exchange rate."""


def _as_decimal(amount: object) -> Decimal:
    if isinstance(amount, bool) or isinstance(amount, float):
        raise InvalidValue(f"Money needs an exact amount (Decimal, int or str), not {amount!r}")
    if isinstance(amount, Decimal):
        value = amount
    elif isinstance(amount, int | str):
        try:
            value = Decimal(amount.strip() if isinstance(amount, str) else amount)
        except InvalidOperation as exc:
            raise InvalidValue(f"{amount!r} is not a decimal amount") from exc
    else:
        raise InvalidValue(f"Money needs an exact amount, not {type(amount).__name__}")
    if not value.is_finite():
        raise InvalidValue(f"{amount!r} is not a finite amount")
    return value


def minor_units(currency: str) -> int:
    try:
        return MINOR_UNITS[currency]
    except (KeyError, TypeError) as exc:
        raise InvalidValue(f"{currency!r} is not an ISO 4217 currency code") from exc


@dataclass(frozen=True, slots=True, init=False)
class Money:
    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal | int | str, currency: str) -> None:
        places = minor_units(currency)
        exponent = Decimal(1).scaleb(-places)
        value = _as_decimal(amount).quantize(exponent, rounding=ROUND_HALF_UP)
        object.__setattr__(self, "amount", value)
        object.__setattr__(self, "currency", currency)

    @classmethod
    def zero(cls, currency: str) -> Self:
        return cls(0, currency)

    @classmethod
    def total(cls, amounts: Iterable["Money"], *, currency: str) -> "Money":
        """Sum of amounts in ``currency``; the empty sum is zero, not an error."""
        result = Money.zero(currency)
        for amount in amounts:
            result = result + amount
        return result

    def _same_currency(self, other: "Money") -> None:
        if not isinstance(other, Money):
            raise InvalidValue(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> "Money":
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: int | Decimal) -> "Money":
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            raise InvalidValue(f"Money can be multiplied by an int or a Decimal, not {factor!r}")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount <= other.amount

    def __gt__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount > other.amount

    def __ge__(self, other: "Money") -> bool:
        self._same_currency(other)
        return self.amount >= other.amount

    @property
    def is_zero(self) -> bool:
        return self.amount == 0

    @property
    def is_positive(self) -> bool:
        return self.amount > 0

    @property
    def is_negative(self) -> bool:
        return self.amount < 0

    def as_minor_units(self) -> int:
        """The integer amount in the smallest unit (cents), as payment providers expect it."""
        return int(self.amount.scaleb(minor_units(self.currency)))

    @classmethod
    def from_minor_units(cls, value: int, currency: str) -> "Money":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue(f"minor units must be an int, not {value!r}")
        return cls(Decimal(value).scaleb(-minor_units(currency)), currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
