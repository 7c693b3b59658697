"""How a payment looks over HTTP: the facade's PaymentView, field for field. Read only."""

from rest_framework import serializers


class PaymentMoneySerializer(serializers.Serializer):  # type: ignore[type-arg]
    amount = serializers.CharField()
    currency = serializers.CharField()


class AttemptSerializer(serializers.Serializer):  # type: ignore[type-arg]
    sequence = serializers.IntegerField()
    operation = serializers.CharField()
    entry_type = serializers.CharField()
    amount = PaymentMoneySerializer()
    idempotency_key = serializers.CharField()
    actor = serializers.CharField()
    at = serializers.DateTimeField()
    provider_reference = serializers.CharField(allow_null=True)
    failure_kind = serializers.CharField(allow_null=True)
    reason = serializers.CharField(allow_blank=True)


class RefundSerializer(serializers.Serializer):  # type: ignore[type-arg]
    refund_id = serializers.UUIDField(allow_null=True)
    amount = PaymentMoneySerializer()
    reason = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    requested_at = serializers.DateTimeField()
    answered_at = serializers.DateTimeField(allow_null=True)
    provider_reference = serializers.CharField(allow_null=True)


class PaymentSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.UUIDField()
    order_id = serializers.UUIDField()
    status = serializers.CharField()
    currency = serializers.CharField()
    method = serializers.CharField(allow_null=True)
    authorized = PaymentMoneySerializer()
    captured = PaymentMoneySerializer()
    refunded = PaymentMoneySerializer()
    created_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    attempts = AttemptSerializer(many=True)
    refunds = RefundSerializer(many=True)


class PaymentPageSerializer(serializers.Serializer):  # type: ignore[type-arg]
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = PaymentSerializer(many=True)


class PaymentFilterSerializer(serializers.Serializer):  # type: ignore[type-arg]
    order = serializers.UUIDField(required=False)
    status = serializers.CharField(required=False)
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)


class WebhookReceiptSerializer(serializers.Serializer):  # type: ignore[type-arg]
    event_id = serializers.CharField()
    duplicate = serializers.BooleanField()
