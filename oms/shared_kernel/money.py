"""Money: an exact amount in one ISO 4217 currency, always rounded to that currency's minor units.

Floats are refused outright: ``Money(0.1, "EUR")`` would silently carry binary rounding error into
totals and refunds. Amounts are quantised at construction with half-up rounding (the rule shoppers
and tax authorities expect), so sums of Money are exact and never drift.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Self

from oms.shared_kernel.currencies import MINOR_UNITS
from oms.shared_kernel.errors import InvalidValue


class CurrencyMismatch(InvalidValue):
    """Two amounts in different currencies were combined; there is no implicit exchange rate."""


# Money keeps its own decimal contexts so a caller's ``decimal.getcontext()`` can never round it.
# Sums and products are exact; only quantising to the currency's places rounds, and it refuses
# amounts of more than 28 digits instead of rounding them or allocating huge coefficients.
_EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation])
_ROUNDING = Context(prec=28, rounding=ROUND_HALF_UP, traps=[InvalidOperation])


def _as_decimal(amount: object) -> Decimal:
    if isinstance(amount, bool | float):
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


def _quantize(value: Decimal, places: int) -> Decimal:
    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), context=_ROUNDING)
    except InvalidOperation as exc:
        raise InvalidValue(f"{value} is too large to be an amount of money") from exc
    # -0.00 would print and travel as "-0.00": zero has one sign.
    return rounded.copy_abs() if rounded.is_zero() else rounded


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
        value = _quantize(_as_decimal(amount), minor_units(currency))
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
        return Money(_EXACT.add(self.amount, other.amount), self.currency)

    def __sub__(self, other: "Money") -> "Money":
        self._same_currency(other)
        return Money(_EXACT.subtract(self.amount, other.amount), self.currency)

    def __neg__(self) -> "Money":
        return Money(_EXACT.minus(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> "Money":
        exact = isinstance(factor, int | Decimal) and not isinstance(factor, bool)
        if not exact or not Decimal(factor).is_finite():
            raise InvalidValue(f"Money can be multiplied by a finite int or Decimal, not {factor!r}")
        return Money(_EXACT.multiply(self.amount, Decimal(factor)), self.currency)

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
        return int(self.amount.scaleb(minor_units(self.currency), context=_EXACT))

    @classmethod
    def from_minor_units(cls, value: int, currency: str) -> "Money":
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidValue(f"minor units must be an int, not {value!r}")
        return cls(Decimal(value).scaleb(-minor_units(currency), context=_EXACT), currency)

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"
