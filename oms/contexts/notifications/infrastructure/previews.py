"""Every template rendered with sample data, so staff see a change before a customer does."""

import json
from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from oms.contexts.notifications.application import samples
from oms.contexts.notifications.application.composing import webhook_body
from oms.contexts.notifications.application.ports import Rendered
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.infrastructure.rendering import DjangoTemplateRenderer


def render_sample(topic: Topic, channel: Channel) -> Rendered:
    if channel is Channel.WEBHOOK:
        body = webhook_body(samples.sample_news(topic), samples.ORDER)
        return Rendered(subject=topic.value, text=json.dumps(json.loads(body), indent=2))
    return DjangoTemplateRenderer().render(topic, channel, samples.sample_context(topic))


def index(model_admin: "admin.ModelAdmin[Any]") -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        context = _context(model_admin, request, "Notification template previews")
        context["topics"] = [topic.value for topic in Topic]
        context["channels"] = [channel.value for channel in Channel]
        return TemplateResponse(request, "notifications/admin/previews.html", context)

    return view


def preview(model_admin: "admin.ModelAdmin[Any]") -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, topic: str, channel: str) -> HttpResponse:
        try:
            chosen_topic, chosen_channel = Topic(topic), Channel(channel)
        except ValueError:
            raise Http404("No such template.") from None
        context = _context(model_admin, request, f"Preview: {topic} by {channel}")
        context["rendered"] = render_sample(chosen_topic, chosen_channel)
        return TemplateResponse(request, "notifications/admin/preview.html", context)

    return view


def _context(model_admin: "admin.ModelAdmin[Any]", request: HttpRequest, title: str) -> dict[str, Any]:
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    return {**model_admin.admin_site.each_context(request), "title": title, "opts": model_admin.model._meta}
