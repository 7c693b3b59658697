"""Products as clients see them: the facade's ProductView with the product's images beside it."""

from dataclasses import asdict
from typing import Any

from rest_framework.request import Request
from rest_framework.utils.urls import remove_query_param, replace_query_param

from oms.contexts.inventory import facade
from oms.contexts.inventory.api.serializers import ProductSerializer
from oms.contexts.inventory.contracts.dtos import ProductPage, ProductView


def products_body(request: Request, products: tuple[ProductView, ...]) -> list[dict[str, Any]]:
    images = facade.product_images(skus=[product.sku for product in products])
    rows = [{**asdict(product), "images": images.get(product.sku, ())} for product in products]
    return list(ProductSerializer(rows, many=True, context={"request": request}).data)


def product_body(request: Request, product: ProductView) -> dict[str, Any]:
    return products_body(request, (product,))[0]


def page_body(request: Request, page: ProductPage, number: int, size: int) -> dict[str, Any]:
    url = request.build_absolute_uri()
    previous = None
    if number > 1:
        previous = (
            remove_query_param(url, "page") if number == 2 else replace_query_param(url, "page", number - 1)
        )
    return {
        "count": page.count,
        "next": replace_query_param(url, "page", number + 1) if number * size < page.count else None,
        "previous": previous,
        "results": products_body(request, page.results),
    }
