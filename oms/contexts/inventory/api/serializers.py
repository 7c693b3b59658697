"""What the products API reads and writes. Shapes are checked here (400 with errors by field); the
rules of the business are the domain's. Output serializers read the facade's DTOs as they are.
"""

from collections.abc import Mapping
from typing import Any, Literal

from rest_framework import serializers

from oms.contexts.inventory.api.money import PriceInputSerializer, PriceSerializer

SKU_PATTERN = r"^[A-Za-z0-9_-]{1,64}\Z"
SKU_HELP = "1 to 64 letters, digits, '-' or '_'; upper-cased, so 'mug-1' and 'MUG-1' are one product."
Ordering = Literal["sku", "-sku", "name", "-name", "created_at", "-created_at"]
ORDERINGS: tuple[Ordering, ...] = ("sku", "-sku", "name", "-name", "created_at", "-created_at")
MAX_PAGE_SIZE = 100


def absolute(context: Mapping[str, Any], url: str) -> str:
    """Storage may answer a path (/media/...) or a full URL (a bucket's): clients always get a full one."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


class AbsoluteUrlField(serializers.CharField):
    def to_representation(self, value: str) -> str:
        return absolute(self.context, value)


class ProductImageSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    url = AbsoluteUrlField(help_text="The original, as uploaded.")
    content_type = serializers.CharField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    thumbnails = serializers.SerializerMethodField(
        help_text="Longest side in pixels -> URL; empty until the worker has made them."
    )
    created_at = serializers.DateTimeField()

    def get_thumbnails(self, image: Any) -> dict[str, str]:
        return {str(thumb.size): absolute(self.context, thumb.url) for thumb in image.thumbnails}


class ProductSerializer(serializers.Serializer[Any]):
    sku = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    price = PriceSerializer()
    active = serializers.BooleanField()
    available = serializers.IntegerField(help_text="On hand less what live reservations hold.")
    version = serializers.IntegerField(help_text="Counts the product's changes.")
    images = ProductImageSerializer(many=True)


class ProductPageSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = ProductSerializer(many=True)


class ProductCreateSerializer(serializers.Serializer[Any]):
    sku = serializers.RegexField(SKU_PATTERN, help_text=SKU_HELP)
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")
    price = PriceInputSerializer()
    active = serializers.BooleanField(required=False, default=True)


class ProductChangeSerializer(serializers.Serializer[Any]):
    """Every field optional; the SKU is the product's identity and cannot change."""

    sku = serializers.RegexField(SKU_PATTERN, required=False, help_text="If given, must be the product's.")
    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    price = PriceInputSerializer(required=False)
    active = serializers.BooleanField(required=False)

    def validate_sku(self, value: str) -> str:
        if value.strip().upper() != str(self.context["sku"]).strip().upper():
            raise serializers.ValidationError("A product's SKU cannot be changed.")
        return value


class ProductListParams(serializers.Serializer[Any]):
    sku = serializers.ListField(
        child=serializers.CharField(max_length=2000),
        required=False,
        help_text="One SKU or several, comma-separated or repeated.",
    )
    search = serializers.CharField(max_length=100, required=False, help_text="In SKU, name and description.")
    active = serializers.BooleanField(required=False, allow_null=True, default=None)
    ordering = serializers.ChoiceField(choices=ORDERINGS, default="sku")
    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, default=20)

    def validate_sku(self, value: list[str]) -> list[str]:
        return [part.strip() for item in value for part in item.split(",") if part.strip()]
