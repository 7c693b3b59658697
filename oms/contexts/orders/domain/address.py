"""Where an order ships to: a value object validated once, so every copy of it is deliverable."""

from dataclasses import dataclass, fields

from oms.contexts.orders.domain.countries import COUNTRY_CODES
from oms.shared_kernel.errors import InvalidValue

_REQUIRED = {
    "name": "recipient name",
    "line1": "street address",
    "city": "city",
    "postal_code": "postal code",
    "country": "country",
}
# Sized for carrier label formats; the persistence columns use the same limits.
MAX_LENGTHS = {"name": 200, "line1": 200, "line2": 200, "city": 100, "region": 100, "postal_code": 20}


class InvalidAddress(InvalidValue):
    """Names the faulty field so the API can report it under ``errors`` by field."""

    def __init__(self, message: str, *, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class Address:
    """Text is stripped and the country upper-cased on the way in, so equal addresses compare equal."""

    name: str
    line1: str
    city: str
    postal_code: str
    country: str
    line2: str = ""
    region: str = ""

    def __post_init__(self) -> None:
        for item in fields(self):
            object.__setattr__(self, item.name, _clean(item.name, getattr(self, item.name)))
        object.__setattr__(self, "country", self.country.upper())
        for name, label in _REQUIRED.items():
            if not getattr(self, name):
                raise InvalidAddress(f"The shipping address needs a {label}.", field=name)
        if self.country not in COUNTRY_CODES:
            raise InvalidAddress(
                f"{self.country!r} is not an ISO 3166-1 alpha-2 country code (such as 'DE' or 'US').",
                field="country",
            )


def _clean(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidAddress(f"The address {name} must be text.", field=name)
    text = value.strip()
    limit = MAX_LENGTHS.get(name)
    if limit is not None and len(text) > limit:
        raise InvalidAddress(f"The address {name} is longer than {limit} characters.", field=name)
    return text
