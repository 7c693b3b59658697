from django.urls import URLPattern, URLResolver, path

from oms.contexts.payments.api import views
from oms.platform.http.links import register_link

urlpatterns: list[URLPattern | URLResolver] = [
    path("payments/", views.PaymentList.as_view(), name="payments-list"),
    path("payments/<uuid:payment_id>/", views.PaymentDetail.as_view(), name="payments-detail"),
    path("payments/webhooks/<slug:provider>/", views.ProviderWebhook.as_view(), name="payments-webhook"),
]

register_link("payments", "payments-list")
