"""The webhook subscription form: topics as checkboxes, the URL and the secret checked on save."""

from typing import Any

from django import forms

from oms.contexts.notifications.application.topics import Topic
from oms.contexts.notifications.infrastructure.models import WebhookSubscriptionRecord
from oms.contexts.notifications.infrastructure.signatures import secret_key


class WebhookSubscriptionForm(forms.ModelForm):  # type: ignore[type-arg]
    event_types = forms.MultipleChoiceField(
        choices=[(topic.value, topic.value) for topic in Topic],
        widget=forms.CheckboxSelectMultiple,
        help_text="The order events this endpoint receives.",
    )
    url = forms.URLField(assume_scheme="https", max_length=500)

    class Meta:
        model = WebhookSubscriptionRecord
        fields = ["name", "url", "event_types", "active", "secret"]

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"]
        if not url.startswith(("https://", "http://")):
            raise forms.ValidationError("A webhook URL is http or https.")
        return url

    def clean_secret(self) -> Any:
        secret: str = self.cleaned_data["secret"]
        try:
            secret_key(secret)
        except ValueError as bad:
            raise forms.ValidationError(str(bad)) from None
        return secret
