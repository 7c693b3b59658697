"""What the orders API reads and writes. Input is checked for shape here (400 with errors by field);
the rules of the business are the application's. Output serializers read the facade's DTOs as they are.
"""

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from oms.contexts.orders.contracts.dtos import AddressData, ItemRequest, PlaceOrderRequest
from oms.shared_kernel.messages import MoneyPayload

MAX_ITEMS, MAX_QUANTITY = 100, 999


class MoneySerializer(serializers.Serializer[MoneyPayload]):
    amount = serializers.CharField(help_text="A decimal string with the currency's minor-unit places.")
    currency = serializers.CharField(help_text="ISO 4217 code, such as EUR.")


class MoneyInputSerializer(serializers.Serializer[MoneyPayload]):
    amount = serializers.DecimalField(max_digits=18, decimal_places=4, min_value=Decimal("0.0001"))
    currency = serializers.RegexField(r"^[A-Za-z]{3}$", help_text="ISO 4217 code, such as EUR.")


class AddressSerializer(serializers.Serializer[AddressData]):
    name = serializers.CharField(max_length=200)
    line1 = serializers.CharField(max_length=200)
    line2 = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    city = serializers.CharField(max_length=100)
    region = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    postal_code = serializers.CharField(max_length=20)
    country = serializers.CharField(min_length=2, max_length=2, help_text="ISO 3166-1 alpha-2, such as DE.")


class ItemSerializer(serializers.Serializer[ItemRequest]):
    sku = serializers.CharField(max_length=64)
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY)


class PaymentSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(max_length=255, help_text="Sandbox: tok_visa, tok_chargeDeclined, ...")


class PlaceOrderSerializer(serializers.Serializer[PlaceOrderRequest]):
    items: serializers.ListSerializer[ItemRequest] = serializers.ListSerializer(
        child=ItemSerializer(), allow_empty=False, max_length=MAX_ITEMS
    )
    shipping_address = AddressSerializer()
    currency = serializers.RegexField(r"^[A-Za-z]{3}$", help_text="ISO 4217 code, such as EUR.")
    payment = PaymentSerializer()
    external_reference = serializers.CharField(max_length=100, required=False, allow_null=True, default=None)
    metadata = serializers.DictField(
        child=serializers.CharField(max_length=500, allow_blank=True), required=False, default=dict
    )

    def to_request(self) -> PlaceOrderRequest:
        data = self.validated_data
        return PlaceOrderRequest(
            items=tuple(ItemRequest(**item) for item in data["items"]),
            shipping_address=AddressData(**data["shipping_address"]),
            currency=data["currency"],
            payment_token=data["payment"]["token"],
            external_reference=data["external_reference"],
            metadata=data["metadata"],
        )


class CancelSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ShipSerializer(serializers.Serializer[Any]):
    carrier = serializers.CharField(max_length=100)
    tracking_number = serializers.CharField(max_length=100)


class RefundSerializer(serializers.Serializer[Any]):
    amount = MoneyInputSerializer()
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")

    def amount_payload(self) -> MoneyPayload:
        amount = self.validated_data["amount"]
        return MoneyPayload(amount=str(amount["amount"]), currency=amount["currency"].upper())
