import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError


def test_the_deploy_checks_pass_with_debug_off(settings):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True  # the tests turn it off; production keeps the default

    call_command("check", deploy=True, tags=["security"], fail_level="WARNING")


@pytest.mark.parametrize("algorithms", [["RS256", "HS256"], ["none"], []])
def test_a_symmetric_or_empty_algorithm_list_fails_the_checks(settings, algorithms):
    settings.OIDC_ALLOWED_ALGORITHMS = algorithms

    with pytest.raises(SystemCheckError, match=r"identity\.E001"):
        call_command("check", tags=["security"])


def test_bearer_tokens_without_an_issuer_fail_the_checks(settings):
    settings.OIDC_OP_JWKS_ENDPOINT = "https://id.example.test/jwks"
    settings.OIDC_OP_ISSUER = ""

    with pytest.raises(SystemCheckError, match=r"identity\.E002"):
        call_command("check", tags=["security"])
