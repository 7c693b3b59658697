"""Products as clients see them: the facade's ProductView with the product's images beside it."""

from dataclasses import asdict
from typing import Any

from rest_framework.request import Request

from oms.contexts.inventory import facade
from oms.contexts.inventory.api.serializers import ProductSerializer
from oms.contexts.inventory.contracts.dtos import ProductPage, ProductView
from oms.platform.http.pagination import page_body as platform_page_body


def products_body(request: Request, products: tuple[ProductView, ...]) -> list[dict[str, Any]]:
    images = facade.product_images(skus=[product.sku for product in products])
    rows = [{**asdict(product), "images": images.get(product.sku, ())} for product in products]
    return list(ProductSerializer(rows, many=True, context={"request": request}).data)


def product_body(request: Request, product: ProductView) -> dict[str, Any]:
    return products_body(request, (product,))[0]


def page_body(request: Request, page: ProductPage, number: int, size: int) -> dict[str, Any]:
    results = products_body(request, page.results)
    return platform_page_body(request, page=number, size=size, count=page.count, results=results)
