"""What a bearer token costs: GET /api/v1/me/ with a bearer token, beside the same endpoint anonymous
(401) and with a session, in one run, with the provider's keys cached (one JWKS fetch in all).

Requests go through Django's full stack in process (middleware, DRF, the database), without a
network hop, so the auth scheme's share is not hidden behind HTTP parsing. Rounds alternate and the
medians are reported, with the cost of validating one token alone. Usage (repository root):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/oms_bench REDIS_URL=redis://127.0.0.1:6379/14 \\
        .venv/bin/python bench/identity_me.py [--requests 2000] [--rounds 5]
"""

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import common

ME = "/api/v1/me/"


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def configure() -> None:
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    # Throttles stay on (each request pays their cache round trip, as in production) but never bite.
    for scope in ("ANON", "USER"):
        os.environ.setdefault(f"THROTTLE_RATE_{scope}", "1000000/min")
    common.configure_environment()
    common.create_database_if_missing()
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    logging.getLogger("django.request").setLevel(logging.ERROR)  # one "Unauthorized" line per 401


def rate(call: Callable[[], int], expected: int, count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        status = call()
        if status != expected:
            raise SystemExit(f"expected {expected}, got {status}")
    return count / (time.perf_counter() - started)


def per_call_seconds(call: Callable[[], object], count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        call()
    return (time.perf_counter() - started) / count


def main() -> None:
    options = parse()
    configure()
    from django.test import Client, override_settings

    from oms.contexts.identity.infrastructure.models import User
    from oms.contexts.identity.infrastructure.token_users import user_for_claims
    from oms.contexts.identity.infrastructure.tokens import (
        access_token_policy,
        current_signing_keys,
        validate_jwt,
    )
    from tests.contexts.identity.support.jwks_server import JwksServer
    from tests.contexts.identity.support.keys import AUDIENCE, ISSUER, claims_for, rsa_key

    key = rsa_key("bench")
    server = JwksServer([key])
    server.start()
    overrides = override_settings(
        OIDC_OP_ISSUER=ISSUER, OIDC_OP_JWKS_ENDPOINT=server.url, OIDC_AUDIENCE=AUDIENCE
    )
    overrides.enable()
    claims = claims_for("support", subject="bench-identity-me", exp=int(time.time()) + 3600)
    token = key.sign(claims)
    bearer, anonymous, session = Client(HTTP_AUTHORIZATION=f"Bearer {token}"), Client(), Client()
    try:
        bearer.get(ME)  # provisions the user and caches the keys
        session.force_login(User.objects.get(subject="bench-identity-me"))
        sides: dict[str, tuple[Callable[[], int], int]] = {
            "bearer": (lambda: bearer.get(ME).status_code, 200),
            "session": (lambda: session.get(ME).status_code, 200),
            "anonymous (401)": (lambda: anonymous.get(ME).status_code, 401),
        }
        print(f"before: {common.machine_load()}")
        results: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(options.rounds):
            for name, (call, expected) in sides.items():
                results[name].append(rate(call, expected, options.requests))
        keys, policy = current_signing_keys(), access_token_policy()
        validating = per_call_seconds(lambda: validate_jwt(token, keys=keys, policy=policy), 5000)
        provisioning = per_call_seconds(lambda: user_for_claims(claims), 2000)
        report(
            options, {name: common.median(rates) for name, rates in results.items()}, validating, provisioning
        )
        print(f"JWKS fetches during the whole run: {server.fetches}")
        print(f"after: {common.machine_load()}")
    finally:
        User.objects.filter(subject="bench-identity-me").delete()
        overrides.disable()
        server.stop()


def report(
    options: argparse.Namespace, rates: dict[str, float], validating: float, provisioning: float
) -> None:
    print(f"GET {ME}: {options.requests} requests x {options.rounds} rounds, in process; medians:")
    for name, value in rates.items():
        print(f"  {name:<18} {value:>8,.0f} req/s  {1e6 / value:>8.1f} us/req")
    bearer_us = 1e6 / rates["bearer"]
    print(f"  validating one token (signature and claims):  {validating * 1e6:7.1f} us")
    print(f"  finding its user (claims seen lately, 1 query): {provisioning * 1e6:7.1f} us")
    print(f"  token validation's share of a bearer request: {validating * 1e6 / bearer_us * 100:6.1f} %")
    print(f"  bearer / session request rate:              {rates['bearer'] / rates['session'] * 100:6.1f} %")


if __name__ == "__main__":
    main()
