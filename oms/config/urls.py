from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from oms.platform.http import health
from oms.platform.http.api_root import api_root

handler400 = "oms.platform.http.problems.bad_request"
handler403 = "oms.platform.http.problems.permission_denied"
handler404 = "oms.platform.http.problems.not_found"
handler500 = "oms.platform.http.problems.server_error"

api_v1: list[URLPattern | URLResolver] = [
    path("", api_root, name="api-root"),
    path("", include("oms.contexts.identity.api.urls")),
    path("", include("oms.contexts.inventory.api.urls")),
    path("", include("oms.contexts.orders.api.urls")),
    path("", include("oms.contexts.payments.api.urls")),
    path("", include("oms.contexts.notifications.api.urls")),
]

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("", include("django_prometheus.urls")),
    # Sign-in and sign-out of the browser (OIDC), mounted first: they take over the admin's and DRF's.
    path("", include("oms.contexts.identity.api.browser_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/auth/", include("rest_framework.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
]

if settings.DEBUG:  # the embedded mode serves uploaded images itself; production uses the bucket or a proxy
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
