from django.urls import URLPattern, URLResolver, path

from oms.contexts.notifications.api import views
from oms.platform.http.links import register_link

urlpatterns: list[URLPattern | URLResolver] = [
    path("notifications/", views.NotificationList.as_view(), name="notifications-list"),
]

register_link("notifications", "notifications-list")
