from django.urls import URLPattern, URLResolver, path

from oms.contexts.orders.api import actions, views
from oms.platform.http.links import register_link

register_link("orders", "orders-list")

urlpatterns: list[URLPattern | URLResolver] = [
    path("orders/", views.OrderCollectionView.as_view(), name="orders-list"),
    path("orders/<uuid:order_id>/", views.OrderDetailView.as_view(), name="orders-detail"),
    path("orders/<uuid:order_id>/cancel/", actions.CancelOrderView.as_view(), name="orders-cancel"),
    path("orders/<uuid:order_id>/ship/", actions.ShipOrderView.as_view(), name="orders-ship"),
    path("orders/<uuid:order_id>/deliver/", actions.DeliverOrderView.as_view(), name="orders-deliver"),
    path("orders/<uuid:order_id>/refunds/", actions.RefundOrderView.as_view(), name="orders-refunds"),
    path("orders/<uuid:order_id>/saga/", actions.OrderSagaView.as_view(), name="orders-saga"),
]
