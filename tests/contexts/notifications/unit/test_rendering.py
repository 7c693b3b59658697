"""Every template renders with sample data: subject on one line, the order's lines and totals, the
event's own facts, HTML escaped where it is HTML and plain text left plain."""

import pytest

from oms.contexts.notifications.application import samples
from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.domain.channels import Channel
from oms.contexts.notifications.infrastructure.previews import render_sample
from oms.contexts.notifications.infrastructure.rendering import DjangoTemplateRenderer

FACT_SHOWN = {
    Topic.ORDER_CONFIRMED: "is confirmed",
    Topic.ORDER_REJECTED: "Reason: The payment was declined by the card issuer.",
    Topic.ORDER_CANCELLED: "Reason: Cancelled at the customer's request.",
    Topic.ORDER_SHIPPED: "Tracking number: JD014600006281230000",
    Topic.ORDER_DELIVERED: "was delivered",
    Topic.ORDER_REFUNDED: "We refunded 12.50 EUR for your order SO-000042.",
}


def render(topic, channel, **changes):
    return DjangoTemplateRenderer().render(topic, channel, samples.sample_context(topic) | changes)


@pytest.mark.parametrize("topic", list(Topic))
def test_an_email_shows_the_event_and_the_orders_lines_and_total_in_text_and_html(topic):
    email = render(topic, Channel.EMAIL)

    assert "SO-000042" in email.subject
    assert "\n" not in email.subject
    assert email.text.startswith("Hello Ada Lovelace,")
    assert FACT_SHOWN[topic] in email.text
    assert "  2 x MUG-BLUE at 12.50 EUR = 25.00 EUR\n  1 x TEA-EARL at 7.90 EUR = 7.90 EUR\n" in email.text
    assert "Total: 32.90 EUR" in email.text
    assert "<td>MUG-BLUE</td>" in email.html
    assert ">32.90 EUR</th>" in email.html
    assert email.html.lstrip().startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("topic", list(Topic))
def test_an_in_app_message_is_a_short_text_with_no_html(topic):
    in_app = render(topic, Channel.IN_APP)

    assert "SO-000042" in in_app.subject
    assert "SO-000042" in in_app.text
    assert (in_app.html, in_app.text.count("\n")) == ("", 1)


def test_plain_text_is_not_html_escaped_and_html_is():
    email = render(Topic.ORDER_CANCELLED, Channel.EMAIL, reason='Out of "R&D" <mugs>')

    assert 'Reason: Out of "R&D" <mugs>' in email.text
    assert "Reason: Out of &quot;R&amp;D&quot; &lt;mugs&gt;" in email.html


def test_a_subject_is_folded_onto_one_line_whatever_the_template_is_given():
    email = render(Topic.ORDER_CONFIRMED, Channel.EMAIL, number="SO-1\nBcc: everyone@example.com")

    assert email.subject == "Your order SO-1 Bcc: everyone@example.com is confirmed"


def test_an_email_without_order_details_still_reads_well():
    email = render(Topic.ORDER_DELIVERED, Channel.EMAIL, order=None)

    assert "Total" not in email.text
    assert "<table" not in email.html
    assert "Your order SO-000042 was delivered." in email.text


def test_a_refund_that_completes_the_order_says_so():
    email = render(Topic.ORDER_REFUNDED, Channel.EMAIL, fully=True)

    assert "The order is now fully refunded." in email.text
    assert "Refunded so far" not in email.text


def test_the_webhook_preview_is_the_json_body_integrators_receive():
    preview = render_sample(Topic.ORDER_SHIPPED, Channel.WEBHOOK)

    assert preview.subject == "order.shipped"
    assert '"tracking_number": "JD014600006281230000"' in preview.text
