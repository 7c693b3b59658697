"""Notifications rendered from Django templates: ``notifications/<channel>/<topic>/``.

Each topic has ``subject.txt`` and ``body.txt`` per channel, and e-mail adds ``body.html``. Plain
text is rendered without HTML escaping (an ampersand stays an ampersand); HTML is escaped as usual.
The subject is folded onto one line, so nothing a template outputs can start a new mail header.
"""

from collections.abc import Mapping

from django.template import Context, engines
from django.template.backends.django import DjangoTemplates
from django.template.loader import render_to_string

from oms.contexts.notifications.application.ports import Rendered
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel

WITH_HTML = frozenset({Channel.EMAIL})


def template_path(topic: Topic, channel: Channel, part: str) -> str:
    return f"notifications/{channel.value}/{topic.template_name}/{part}"


class DjangoTemplateRenderer:
    def render(self, topic: Topic, channel: Channel, context: Mapping[str, object]) -> Rendered:
        subject = " ".join(_plain(template_path(topic, channel, "subject.txt"), context).split())
        text = _plain(template_path(topic, channel, "body.txt"), context).strip() + "\n"
        html = (
            render_to_string(template_path(topic, channel, "body.html"), dict(context))
            if channel in WITH_HTML
            else ""
        )
        return Rendered(subject=subject, text=text, html=html)


def _plain(name: str, context: Mapping[str, object]) -> str:
    backend = engines["django"]
    assert isinstance(backend, DjangoTemplates)
    return backend.engine.get_template(name).render(Context(dict(context), autoescape=False))
