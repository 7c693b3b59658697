"""One row of an import file, from the raw fields read to typed values, or a message saying why not.

Types only: the rules on names, descriptions and prices stay the aggregate's, applied when the row
creates or changes its product. A field the row leaves out is None here and stays as it was.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from oms.contexts.inventory.domain.sku import Sku
from oms.shared_kernel.errors import InvalidValue
from oms.shared_kernel.money import Money, minor_units

FIELDS = ("sku", "name", "description", "price", "currency", "active")
_TRUE, _FALSE = {"true", "1", "yes", "y"}, {"false", "0", "no", "n"}


@dataclass(frozen=True, slots=True)
class RawRow:
    """A record as read, with the line it starts on; a field the record lacks is not a key.

    ``problem`` is set by a reader that could not make fields of the record (not JSON, say).
    """

    line: int
    fields: Mapping[str, object]
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class ProductRow:
    line: int
    sku: Sku
    name: str | None = None
    description: str | None = None
    price: Money | None = None
    active: bool | None = None


def parse_row(raw: RawRow) -> ProductRow:
    """InvalidValue, its message naming the field, when a value has the wrong type or shape."""
    if raw.problem is not None:
        raise InvalidValue(raw.problem)
    fields = raw.fields
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise InvalidValue(f"unknown field(s) {', '.join(map(str, unknown))}; known are {', '.join(FIELDS)}.")
    price = fields.get("price")
    return ProductRow(
        line=raw.line,
        sku=Sku(_text(fields.get("sku"), "sku")),
        name=None if "name" not in fields else _text(fields["name"], "name"),
        description=None if "description" not in fields else _text(fields["description"], "description"),
        price=None if price is None and "currency" not in fields else _price(price, fields.get("currency")),
        active=_flag(fields.get("active")),
    )


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidValue(
            f"{name}: text expected, not {'nothing' if value is None else type(value).__name__}."
        )
    return value


def _price(amount: object, currency: object) -> Money:
    if isinstance(amount, Mapping):  # JSON lines may nest it: {"amount": "9.90", "currency": "EUR"}
        nested: Mapping[str, object] = amount
        amount, currency = nested.get("amount"), nested.get("currency", currency)
    code = _text(currency, "currency").strip().upper()
    try:
        places = minor_units(code)
    except InvalidValue as refused:
        raise InvalidValue(f"currency: {refused}.") from refused
    exact = _decimal(amount)
    if -int(exact.as_tuple().exponent) > places:
        raise InvalidValue(f"price: {code} amounts have at most {places} decimal places, not {amount}.")
    return Money(exact, code)


def _decimal(amount: object) -> Decimal:
    """Exact: a string, an integer, or a JSON number read as Decimal; never a float."""
    if isinstance(amount, str | int | Decimal) and not isinstance(amount, bool):
        try:
            exact = Decimal(str(amount).strip())
        except InvalidOperation:
            pass
        else:
            if exact.is_finite():
                return exact
    raise InvalidValue(f'price: {amount!r} is not a decimal amount such as "9.90".')


def _flag(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    if text == "":
        return None
    raise InvalidValue(f"active: {value!r} is neither true nor false.")
