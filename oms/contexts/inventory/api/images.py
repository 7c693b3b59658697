"""Product images over HTTP: multipart uploads and removal, by the warehouse and admins.

The image is checked by the facade from its bytes (type, size, pixels); its thumbnails are made by a
worker after the commit and appear in the product's ``images`` once made. An upload larger than the
limit is refused from its Content-Length, before its body is read.
"""

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from oms.contexts.inventory import facade
from oms.contexts.inventory.api.schema import problems
from oms.contexts.inventory.api.serializers import ProductImageSerializer
from oms.contexts.inventory.contracts.dtos import ImageUpload
from oms.platform.http.permissions import require_roles
from oms.shared_kernel.errors import InvalidValue

ImageEditors = require_roles("warehouse", "admin")
MULTIPART_OVERHEAD = 64 * 1024  # boundaries and part headers around the file itself


class ImageUploadSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="A JPEG, PNG or WebP image; its content decides, not its name.")


class ProductImageCollection(APIView):
    permission_classes = [ImageEditors]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="products_images_create",
        summary="Upload an image of a product (warehouse, admin)",
        description="JPEG, PNG or WebP within the size and pixel limits; thumbnails follow shortly.",
        request={"multipart/form-data": ImageUploadSerializer},
        responses={status.HTTP_201_CREATED: ProductImageSerializer, **problems(400, 401, 403, 404)},
    )
    def post(self, request: Request, sku: str) -> Response:
        max_bytes = facade.image_limits().max_bytes
        if int(request.META.get("CONTENT_LENGTH") or 0) > max_bytes + MULTIPART_OVERHEAD:
            raise serializers.ValidationError({"file": [_too_large(max_bytes)]})
        given = ImageUploadSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        file = given.validated_data["file"]
        if file.size > max_bytes:
            raise serializers.ValidationError({"file": [_too_large(max_bytes)]})
        try:
            image = facade.add_product_image(
                sku=sku, upload=ImageUpload(filename=file.name or "", content=file.read())
            )
        except InvalidValue as refused:
            raise serializers.ValidationError({"file": [str(refused)]}) from refused
        body = ProductImageSerializer(image, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


class ProductImageDetail(APIView):
    permission_classes = [ImageEditors]

    @extend_schema(
        operation_id="products_images_destroy",
        summary="Remove an image of a product and its files (warehouse, admin)",
        responses={status.HTTP_204_NO_CONTENT: None, **problems(401, 403, 404)},
    )
    def delete(self, request: Request, sku: str, image_id: uuid.UUID) -> Response:
        facade.remove_product_image(sku=sku, image_id=image_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _too_large(max_bytes: int) -> str:
    return f"The image is larger than the limit of {max_bytes:,} bytes."
