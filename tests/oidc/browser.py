"""A person at a browser, played by a requests session: follows redirects, fills in the provider's forms.

The session stops wherever ``until`` says (for a redirect to a client that is not listening), at an
error, or on the first page that is not one of the provider's forms to fill in.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests

TIMEOUT = 10.0
MAX_STEPS = 20


@dataclass
class Form:
    action: str
    fields: dict[str, str]


class _FirstForm(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.form: Form | None = None
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form" and self.form is None:
            self.form, self._inside = Form(attributes.get("action", ""), {}), True
        elif self._inside and tag in {"input", "button"} and attributes.get("name"):
            assert self.form is not None
            self.form.fields.setdefault(attributes["name"], attributes.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False


def first_form(html: str) -> Form | None:
    parser = _FirstForm()
    parser.feed(html)
    return parser.form


@dataclass
class Landing:
    url: str
    response: requests.Response | None  # None when stopped at a redirect


class Person:
    def __init__(
        self, provider_origin: str, *, login: str | None = None, password: str | None = None
    ) -> None:
        self.session = requests.Session()
        self.provider_origin = provider_origin
        self.login, self.password = login, password

    def go(self, url: str, *, until: Callable[[str], bool] = lambda url: False) -> Landing:
        return self._follow(self.session.get(url, allow_redirects=False, timeout=TIMEOUT), until)

    def go_post(self, url: str, *, headers: dict[str, str]) -> Landing:
        return self._follow(self.session.post(url, headers=headers, allow_redirects=False, timeout=TIMEOUT))

    def _follow(
        self, response: requests.Response, until: Callable[[str], bool] = lambda url: False
    ) -> Landing:
        for _ in range(MAX_STEPS):
            if response.is_redirect:
                target = urljoin(response.url, response.headers["Location"])
                if until(target):
                    return Landing(target, None)
                response = self.session.get(target, allow_redirects=False, timeout=TIMEOUT)
                continue
            refused = response.status_code >= 400
            form = first_form(response.text) if self._at_provider(response.url) and not refused else None
            if form is None or (self.login is None and "password" in form.fields):
                return Landing(response.url, response)
            response = self._submit(response.url, form)
        raise AssertionError(f"still being redirected after {MAX_STEPS} steps, at {response.url}")

    def _submit(self, page: str, form: Form) -> requests.Response:
        fields = dict(form.fields)
        if "password" in fields:
            fields.update(login=self.login or "", password=self.password or "")
        return self.session.post(
            urljoin(page, form.action), data=fields, allow_redirects=False, timeout=TIMEOUT
        )

    def _at_provider(self, url: str) -> bool:
        return urlsplit(url)._replace(path="", query="", fragment="").geturl() == self.provider_origin
