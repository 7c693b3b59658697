"""The provider's keys are fetched once, refetched on rotation, and never more often than allowed."""

import pytest
import requests

from oms.contexts.identity.infrastructure.signing_keys import (
    SigningKeys,
    SigningKeysUnavailable,
    UnknownSigningKey,
)
from tests.contexts.identity.support.keys import ec_key, rsa_key

KEY_A, KEY_B = rsa_key("a"), rsa_key("b")


class FakeProvider:
    def __init__(self, *keys):
        self.keys = list(keys)
        self.fetches = 0
        self.down = False

    def jwks(self):
        self.fetches += 1
        if self.down:
            raise requests.ConnectionError("provider down")
        return {"keys": [key.public_jwk() for key in self.keys]}


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def signing_keys(provider, clock, *, ttl=300.0, interval=30.0):
    return SigningKeys(provider.jwks, ttl=ttl, min_refetch_interval=interval, clock=clock)


def test_keys_are_fetched_once_and_then_served_from_memory():
    provider, clock = FakeProvider(KEY_A), Clock()
    keys = signing_keys(provider, clock)

    for _ in range(100):
        keys.key_for("a", "RS256")

    assert provider.fetches == 1


def test_a_key_the_cache_does_not_hold_is_fetched_at_once():
    provider, clock = FakeProvider(KEY_A), Clock()
    keys = signing_keys(provider, clock)
    keys.key_for("a", "RS256")
    provider.keys = [KEY_B, KEY_A]

    assert keys.key_for("b", "RS256").key_id == "b"
    assert provider.fetches == 2


def test_a_flood_of_unknown_kids_refetches_at_most_once_per_interval():
    provider, clock = FakeProvider(KEY_A), Clock()
    keys = signing_keys(provider, clock, interval=30.0)
    keys.key_for("a", "RS256")

    for second in range(60):
        clock.now += 1
        for attempt in range(10):
            with pytest.raises(UnknownSigningKey):
                keys.key_for(f"made-up-{second}-{attempt}", "RS256")

    assert provider.fetches == 1 + 2  # the first fetch, then one per 30 s


def test_keys_older_than_their_ttl_are_fetched_again_and_a_removed_key_stops_working():
    provider, clock = FakeProvider(KEY_A, KEY_B), Clock()
    keys = signing_keys(provider, clock, ttl=60.0)
    keys.key_for("a", "RS256")
    provider.keys = [KEY_B]

    clock.now += 61

    with pytest.raises(UnknownSigningKey):
        keys.key_for("a", "RS256")
    assert keys.key_for("b", "RS256").key_id == "b"
    assert provider.fetches == 2


def test_a_provider_that_fails_to_answer_leaves_the_keys_held_in_use():
    provider, clock = FakeProvider(KEY_A), Clock()
    keys = signing_keys(provider, clock, ttl=60.0)
    keys.key_for("a", "RS256")
    provider.down = True
    clock.now += 61

    assert keys.key_for("a", "RS256").key_id == "a"
    assert keys.key_for("a", "RS256").key_id == "a"
    assert provider.fetches == 2  # and not again before the refetch interval


def test_without_any_key_held_an_unreachable_provider_is_unavailable_not_a_bad_token():
    provider, clock = FakeProvider(KEY_A), Clock()
    provider.down = True
    keys = signing_keys(provider, clock)

    with pytest.raises(SigningKeysUnavailable):
        keys.key_for("a", "RS256")


@pytest.mark.parametrize(("kid", "algorithm"), [("a", "PS256"), ("ec", "RS256"), ("a", "ES256")])
def test_a_key_is_used_only_with_its_own_algorithm(kid, algorithm):
    provider, clock = FakeProvider(KEY_A, ec_key("ec")), Clock()
    keys = signing_keys(provider, clock)

    with pytest.raises(UnknownSigningKey):
        keys.key_for(kid, algorithm)


def test_a_token_without_kid_may_use_the_only_key_a_provider_publishes():
    provider, clock = FakeProvider(KEY_A), Clock()

    assert signing_keys(provider, clock).key_for(None, "RS256").key_id == "a"


def test_encryption_keys_are_never_used_to_verify():
    encryption_key = {**rsa_key("enc").public_jwk(), "use": "enc"}
    provider, clock = FakeProvider(), Clock()
    provider.jwks = lambda: {"keys": [KEY_A.public_jwk(), encryption_key]}

    with pytest.raises(UnknownSigningKey):
        signing_keys(provider, clock).key_for("enc", "RS256")
