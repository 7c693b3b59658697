from django.urls import URLPattern, URLResolver, path

from oms.contexts.identity.api.views import MeView
from oms.platform.http.links import register_link

urlpatterns: list[URLPattern | URLResolver] = [path("me/", MeView.as_view(), name="me")]

register_link("me", "me")
