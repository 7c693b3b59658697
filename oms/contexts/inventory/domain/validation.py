"""Checks on raw values before they enter an aggregate: malformed input is InvalidValue, not a rule."""

from datetime import datetime

from oms.shared_kernel.errors import InvalidValue


def require_quantity(value: object, *, what: str = "A quantity") -> int:
    """A whole number of units above zero; bool is refused although Python counts it as an int."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise InvalidValue(f"{what} must be a whole number above zero, not {value!r}.")
    return value


def require_delta(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value == 0:
        raise InvalidValue(f"A stock adjustment must change stock by a whole number, not {value!r}.")
    return value


def require_text(value: object, *, what: str, max_length: int) -> str:
    """Stripped, non-blank text; the limit keeps ledger and catalog rows a predictable size."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidValue(f"{what} cannot be blank.")
    text = value.strip()
    if len(text) > max_length:
        raise InvalidValue(f"{what} is longer than {max_length} characters.")
    return text


def require_aware(moment: datetime) -> datetime:
    """Naive datetimes cannot be compared with stored, zoned ones: refuse them at the door."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidValue(f"{moment.isoformat()} has no time zone.")
    return moment
