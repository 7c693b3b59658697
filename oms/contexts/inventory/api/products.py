"""The catalog over HTTP: anyone reads it; the warehouse and admins list and change products."""

from typing import Any, cast

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from oms.contexts.inventory import facade
from oms.contexts.inventory.api.money import price_payload
from oms.contexts.inventory.api.representation import page_body, product_body
from oms.contexts.inventory.api.schema import IDEMPOTENCY_KEY, problems
from oms.contexts.inventory.api.serializers import (
    Ordering,
    ProductChangeSerializer,
    ProductCreateSerializer,
    ProductListParams,
    ProductPageSerializer,
    ProductSerializer,
)
from oms.platform.http.idempotency import idempotent
from oms.platform.http.permissions import require_roles

CatalogEditors = require_roles("warehouse", "admin")


class CatalogView(APIView):
    """Reading is open to anyone, signed in or not; changing needs the warehouse or admin role."""

    def get_permissions(self) -> list[BasePermission]:
        return [AllowAny()] if self.request.method in SAFE_METHODS else [CatalogEditors()]


class ProductCollection(CatalogView):
    @extend_schema(
        operation_id="products_list",
        summary="The catalog, filtered, ordered and paginated",
        description="Anyone may read it, signed in or not.",
        parameters=[ProductListParams],
        responses={200: ProductPageSerializer, **problems(400)},
    )
    def get(self, request: Request) -> Response:
        params = ProductListParams(data=request.query_params)
        params.is_valid(raise_exception=True)
        query = params.validated_data
        number, size = query["page"], query["page_size"]
        page = facade.list_products(
            skus=query.get("sku"),
            search=query.get("search") or None,
            active=query["active"],
            ordering=cast(Ordering, query["ordering"]),
            offset=(number - 1) * size,
            limit=size,
        )
        return Response(page_body(request, page, number, size))

    @extend_schema(
        operation_id="products_create",
        summary="List a new product (warehouse, admin)",
        description="It starts with no stock: units arrive through a stock adjustment.",
        parameters=[IDEMPOTENCY_KEY],
        request=ProductCreateSerializer,
        responses={status.HTTP_201_CREATED: ProductSerializer, **problems(400, 401, 403, 409)},
    )
    @idempotent
    def post(self, request: Request) -> Response:
        given = ProductCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        product = facade.create_product(
            sku=data["sku"],
            name=data["name"],
            description=data["description"],
            price=price_payload(data["price"]),
            active=data["active"],
        )
        location = reverse("products-detail", kwargs={"sku": product.sku}, request=request)
        return Response(
            product_body(request, product), status=status.HTTP_201_CREATED, headers={"Location": location}
        )


class ProductDetail(CatalogView):
    @extend_schema(
        operation_id="products_retrieve",
        summary="One product, with its price, what is available and its images",
        description="Anyone may read it, signed in or not.",
        responses={200: ProductSerializer, **problems(404)},
    )
    def get(self, request: Request, sku: str) -> Response:
        return Response(product_body(request, facade.get_product(sku=sku)))

    @extend_schema(
        operation_id="products_partial_update",
        summary="Change a product (warehouse, admin)",
        description="Only the fields given change; `active: false` withdraws it from sale.",
        request=ProductChangeSerializer,
        responses={200: ProductSerializer, **problems(400, 401, 403, 404, 409)},
    )
    def patch(self, request: Request, sku: str) -> Response:
        given = ProductChangeSerializer(data=request.data, context={"sku": sku})
        given.is_valid(raise_exception=True)
        data: dict[str, Any] = given.validated_data
        product = facade.update_product(
            sku=sku,
            name=data.get("name"),
            description=data.get("description"),
            price=price_payload(data["price"]) if "price" in data else None,
            active=data.get("active"),
        )
        return Response(product_body(request, product))
