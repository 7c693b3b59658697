from django.urls import URLPattern, URLResolver, path

from oms.contexts.inventory.api import images, products, stock
from oms.platform.http.links import register_link

register_link("products", "products-list")

urlpatterns: list[URLPattern | URLResolver] = [
    path("products/", products.ProductCollection.as_view(), name="products-list"),
    path("products/<str:sku>/", products.ProductDetail.as_view(), name="products-detail"),
    path("products/<str:sku>/stock/", stock.StockLevelView.as_view(), name="products-stock"),
    path(
        "products/<str:sku>/stock/adjustments/",
        stock.StockAdjustmentView.as_view(),
        name="products-stock-adjustments",
    ),
    path("products/<str:sku>/images/", images.ProductImageCollection.as_view(), name="products-images"),
    path(
        "products/<str:sku>/images/<uuid:image_id>/",
        images.ProductImageDetail.as_view(),
        name="products-image-detail",
    ),
]
