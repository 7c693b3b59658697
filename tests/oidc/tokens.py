"""Tokens the test provider issues: a user's through the code flow with PKCE (as a mobile app gets
them), and a machine client's through client_credentials."""

import base64
import hashlib
import secrets
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from tests.oidc.browser import TIMEOUT, Person
from tests.oidc.process import AUDIENCE, PASSWORD, OidcProvider

CLI_CLIENT = "oms-cli"
CLI_CALLBACK = "http://127.0.0.1/cli-callback"


def user_tokens(provider: OidcProvider, login: str, *, resource: str = AUDIENCE) -> dict[str, Any]:
    """The token response (access_token, id_token) after ``login`` signs in and consents."""
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    query = {
        "client_id": CLI_CLIENT,
        "response_type": "code",
        "scope": "openid api",
        "redirect_uri": CLI_CALLBACK,
        "resource": resource,
        "state": secrets.token_urlsafe(16),
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    person = Person(provider.issuer, login=login, password=PASSWORD)
    landing = person.go(
        f"{provider.url('/auth')}?{urlencode(query)}", until=lambda url: url.startswith(CLI_CALLBACK)
    )
    code = parse_qs(urlsplit(landing.url).query)["code"][0]
    response = requests.post(
        provider.url("/token"),
        data={
            "grant_type": "authorization_code",
            "client_id": CLI_CLIENT,
            "code": code,
            "redirect_uri": CLI_CALLBACK,
            "code_verifier": verifier,
            "resource": resource,
        },
        timeout=TIMEOUT,
    )
    response.raise_for_status()
    tokens: dict[str, Any] = response.json()
    return tokens


def robot_token(provider: OidcProvider, *, resource: str = AUDIENCE) -> str:
    response = requests.post(
        provider.url("/token"),
        data={
            "grant_type": "client_credentials",
            "client_id": "oms-robot",
            "client_secret": "robot-secret",
            "scope": "api",
            "resource": resource,
        },
        timeout=TIMEOUT,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token
