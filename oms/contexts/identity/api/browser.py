"""Sign-in and sign-out pages of the browsable API and the back office.

With a provider configured, both send the browser to ``/oidc/authenticate/`` (and the password
forms are gone); without one, as in embedded mode, Django's password forms serve the demo users.
Signing out ends the local session and, where the provider offers it, the provider's as well.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from mozilla_django_oidc.views import OIDCLogoutView

from oms.contexts.identity import facade
from oms.platform.http.problems import PROBLEM_CONTENT_TYPE, problem

password_sign_in = LoginView.as_view(template_name="rest_framework/login.html")


def _to_provider(request: HttpRequest) -> HttpResponse:
    target = reverse("oidc_authentication_init")
    next_url = request.GET.get(REDIRECT_FIELD_NAME)
    return redirect(f"{target}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else target)


@never_cache
def admin_sign_in(request: HttpRequest) -> HttpResponseBase:
    if not facade.browser_sign_in_through_provider():
        return admin.site.login(request)
    if request.user.is_authenticated and not request.user.is_staff:
        # Sending them to the provider again would loop: they are signed in, just not staff.
        raise PermissionDenied
    return _to_provider(request)


@never_cache
def api_sign_in(request: HttpRequest) -> HttpResponseBase:
    if not facade.browser_sign_in_through_provider():
        return password_sign_in(request)
    return _to_provider(request)


# POST only (ALLOW_LOGOUT_GET_METHOD stays off): a stray GET must not sign anyone out.
sign_out = OIDCLogoutView.as_view()


@require_GET
def sign_in_failed(request: HttpRequest) -> JsonResponse:
    detail = "The sign-in at the identity provider did not complete; please try again."
    return JsonResponse(
        problem(401, slug="sign-in-failed", detail=detail), status=401, content_type=PROBLEM_CONTENT_TYPE
    )
