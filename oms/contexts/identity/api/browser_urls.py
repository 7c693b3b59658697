"""The browser's sign-in and sign-out URLs; the composition root mounts them before the admin's."""

from django.urls import URLPattern, URLResolver, include, path

from oms.contexts.identity.api import browser

urlpatterns: list[URLPattern | URLResolver] = [
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("oidc/failed/", browser.sign_in_failed, name="oidc-sign-in-failed"),
    path("admin/login/", browser.admin_sign_in, name="admin-sign-in"),
    path("admin/logout/", browser.sign_out, name="admin-sign-out"),
    path("api/auth/login/", browser.api_sign_in, name="api-sign-in"),
    path("api/auth/logout/", browser.sign_out, name="api-sign-out"),
]
