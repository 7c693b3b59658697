"""How orders and sagas look on the wire: serializers over the facade's DTOs, read as they are."""

from typing import Any

from rest_framework import serializers
from rest_framework.reverse import reverse

from oms.contexts.orders.api.serializers import AddressSerializer, MoneySerializer


class OrderLineSerializer(serializers.Serializer[Any]):
    sku = serializers.CharField()
    quantity = serializers.IntegerField()
    unit_price = MoneySerializer()
    line_total = MoneySerializer()


class TimelineEntrySerializer(serializers.Serializer[Any]):
    from_status = serializers.CharField(allow_null=True)
    to_status = serializers.CharField()
    payment_status = serializers.CharField()
    reason = serializers.CharField()
    actor = serializers.CharField()
    at = serializers.DateTimeField()


class OrderSummarySerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    url = serializers.SerializerMethodField()
    number = serializers.CharField()
    customer_id = serializers.UUIDField()
    status = serializers.CharField()
    payment_status = serializers.CharField()
    status_reason = serializers.CharField()
    lines = OrderLineSerializer(many=True)
    total = MoneySerializer()
    refunded = MoneySerializer()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    available_actions = serializers.ListField(child=serializers.CharField())

    def get_url(self, order: Any) -> str:
        return reverse("orders-detail", args=[order.id], request=self.context.get("request"))


class OrderSerializer(OrderSummarySerializer):
    shipping_address = AddressSerializer()
    carrier = serializers.CharField(allow_null=True)
    tracking_number = serializers.CharField(allow_null=True)
    external_reference = serializers.CharField(allow_null=True)
    metadata = serializers.DictField(child=serializers.CharField())
    timeline = TimelineEntrySerializer(many=True)


class SagaStepSerializer(serializers.Serializer[Any]):
    step = serializers.CharField()
    attempts = serializers.IntegerField()
    last_error = serializers.CharField(allow_null=True)


class SagaLogEntrySerializer(serializers.Serializer[Any]):
    at = serializers.DateTimeField()
    direction = serializers.CharField()
    message_type = serializers.CharField()
    detail = serializers.CharField()


class SagaSerializer(serializers.Serializer[Any]):
    order_id = serializers.UUIDField()
    state = serializers.CharField()
    current_step = serializers.CharField(allow_null=True)
    deadline = serializers.DateTimeField(allow_null=True)
    reservation = serializers.CharField()
    authorization = serializers.CharField()
    needs_attention = serializers.BooleanField()
    attention_reason = serializers.CharField(allow_null=True)
    steps = SagaStepSerializer(many=True)
    log = SagaLogEntrySerializer(many=True)
