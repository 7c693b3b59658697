"""How a notification looks over HTTP: the facade's NotificationView, field for field. Read only."""

from rest_framework import serializers


class NotificationSerializer(serializers.Serializer):  # type: ignore[type-arg]
    id = serializers.UUIDField()
    channel = serializers.CharField()
    topic = serializers.CharField()
    order_id = serializers.UUIDField()
    order_number = serializers.CharField()
    subject = serializers.CharField()
    body = serializers.CharField()
    status = serializers.CharField()
    attempts = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    sent_at = serializers.DateTimeField(allow_null=True)


class NotificationPageSerializer(serializers.Serializer):  # type: ignore[type-arg]
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = NotificationSerializer(many=True)


class NotificationFilterSerializer(serializers.Serializer):  # type: ignore[type-arg]
    channel = serializers.CharField(required=False, help_text="email or in_app")
    status = serializers.CharField(required=False, help_text="pending, sending, failed, sent or dead")
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=100, default=20)
