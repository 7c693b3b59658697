"""Stock levels and adjustments over HTTP."""

from typing import Any

from rest_framework import serializers

MAX_DELTA = 1_000_000


class StockLevelSerializer(serializers.Serializer[Any]):
    sku = serializers.CharField()
    on_hand = serializers.IntegerField()
    reserved = serializers.IntegerField(help_text="Held by live reservations for orders.")
    available = serializers.IntegerField()


class AdjustmentSerializer(serializers.Serializer[Any]):
    delta = serializers.IntegerField(
        min_value=-MAX_DELTA, max_value=MAX_DELTA, help_text="Units added (positive) or removed (negative)."
    )
    reason = serializers.CharField(max_length=255, help_text="restock, count, damage, ...")

    def validate_delta(self, value: int) -> int:
        if value == 0:
            raise serializers.ValidationError("An adjustment changes stock: zero changes nothing.")
        return value


class AdjustmentResultSerializer(serializers.Serializer[Any]):
    sku = serializers.CharField()
    delta = serializers.IntegerField()
    reason = serializers.CharField()
    actor = serializers.CharField()
    on_hand = serializers.IntegerField()
    reserved = serializers.IntegerField()
    available = serializers.IntegerField()
    occurred_at = serializers.DateTimeField()
