from rest_framework import serializers


class MeSerializer(serializers.Serializer[object]):
    id = serializers.UUIDField()
    email = serializers.EmailField(allow_blank=True)
    name = serializers.CharField(allow_blank=True)
    roles = serializers.ListField(child=serializers.CharField())
    permissions = serializers.ListField(child=serializers.CharField())
