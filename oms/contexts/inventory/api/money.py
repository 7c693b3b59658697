"""Money over HTTP: ``{"amount": "12.50", "currency": "EUR"}``, the amount a decimal string, never a float.

Read strictly: a JSON number is refused (12.1 may already be 12.0999… in the client's hands), the
currency must be an ISO 4217 code, and the amount may not have more places than the currency has.
"""

import re
from decimal import Decimal
from typing import Any

from rest_framework import serializers

from oms.shared_kernel.currencies import MINOR_UNITS
from oms.shared_kernel.messages import MoneyPayload

_AMOUNT = re.compile(r"^-?[0-9]{1,15}(\.[0-9]{1,4})?\Z")


class PriceSerializer(serializers.Serializer[MoneyPayload]):
    amount = serializers.CharField(help_text="A decimal string with the currency's minor-unit places.")
    currency = serializers.CharField(help_text="ISO 4217 code, such as EUR.")


class DecimalStringField(serializers.CharField):
    default_error_messages = {
        "not_a_string": 'Give the amount as a decimal string, such as "12.50", not as a number.',
        "not_an_amount": 'Not a decimal amount such as "12.50".',
    }

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_a_string")
        text = super().to_internal_value(data)
        if not _AMOUNT.match(text):
            self.fail("not_an_amount")
        return text


class PriceInputSerializer(serializers.Serializer[MoneyPayload]):
    """A price: above zero, in a known currency, with no more places than its minor units."""

    amount = DecimalStringField(help_text='A decimal string such as "12.50".')
    currency = serializers.CharField(max_length=3, help_text="ISO 4217 code, such as EUR.")

    def validate_currency(self, value: str) -> str:
        if value not in MINOR_UNITS:
            raise serializers.ValidationError(f"{value!r} is not an ISO 4217 currency code.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        amount, places = Decimal(attrs["amount"]), MINOR_UNITS[attrs["currency"]]
        if amount <= 0:
            raise serializers.ValidationError({"amount": ["A price must be above zero."]})
        if -amount.as_tuple().exponent > places:  # type: ignore[operator]  # finite: checked by the regex
            raise serializers.ValidationError(
                {"amount": [f"{attrs['currency']} amounts have at most {places} decimal places."]}
            )
        return attrs


def price_payload(validated: dict[str, str]) -> MoneyPayload:
    return MoneyPayload(amount=validated["amount"], currency=validated["currency"])
