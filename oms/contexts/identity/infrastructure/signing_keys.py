"""The OIDC provider's signing keys (its JWKS), fetched once and kept in this process.

Once the keys are cached, validating a token costs no network call. The set is fetched again when
it is older than its time to live, and at once when a token names a key it does not hold (the
provider rotated its keys); but such refetches happen at most once per ``min_refetch_interval``,
so a flood of tokens with made-up ``kid`` values cannot hammer the provider. A failed fetch keeps
the keys held and is not retried before that interval either.
"""

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests
from jwt import PyJWK
from jwt.exceptions import PyJWKError

logger = logging.getLogger(__name__)
Fetch = Callable[[], Mapping[str, Any]]


class UnknownSigningKey(Exception):
    """No key held fits the token: an unknown ``kid``, or a key of another algorithm."""


class SigningKeysUnavailable(Exception):
    """The provider's keys could not be fetched, and none are held."""


class SigningKeys:
    def __init__(
        self,
        fetch: Fetch,
        *,
        ttl: float,
        min_refetch_interval: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._ttl = ttl
        self._min_refetch_interval = min_refetch_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._keys: dict[str | None, Mapping[str, Any]] = {}
        self._parsed: dict[tuple[str | None, str], PyJWK] = {}
        self._stale_at = -math.inf
        self._missed_at = -math.inf

    def key_for(self, kid: str | None, algorithm: str) -> PyJWK:
        jwk = self._lookup(kid)
        if jwk is None or self._clock() >= self._stale_at:
            jwk = self._refreshed_lookup(kid)
        if jwk is None:
            if not self._keys:
                raise SigningKeysUnavailable
            raise UnknownSigningKey(kid)
        return self._parse(kid, jwk, algorithm)

    def _lookup(self, kid: str | None) -> Mapping[str, Any] | None:
        if kid is None and len(self._keys) == 1:
            return next(iter(self._keys.values()))  # a provider with one key may leave kid out
        return self._keys.get(kid)

    def _refreshed_lookup(self, kid: str | None) -> Mapping[str, Any] | None:
        # One thread fetches; the others wait and then find the keys it fetched.
        with self._lock:
            now = self._clock()
            if now >= self._stale_at:
                self._refresh(now)
            elif self._lookup(kid) is None and now - self._missed_at >= self._min_refetch_interval:
                self._missed_at = now
                self._refresh(now)
            return self._lookup(kid)

    def _refresh(self, now: float) -> None:
        try:
            keys = _signing_keys_of(self._fetch())
        except (requests.RequestException, ValueError, TypeError, KeyError):
            logger.warning("the OIDC provider's signing keys could not be fetched", exc_info=True)
            self._stale_at = now + self._min_refetch_interval  # keep the keys held; try again later
            return
        self._keys, self._parsed = keys, {}
        self._stale_at = now + self._ttl

    def _parse(self, kid: str | None, jwk: Mapping[str, Any], algorithm: str) -> PyJWK:
        parsed = self._parsed.get((kid, algorithm))
        if parsed is None:
            if jwk.get("alg", algorithm) != algorithm:
                raise UnknownSigningKey(kid)
            try:
                parsed = PyJWK(dict(jwk), algorithm=algorithm)
            except PyJWKError as error:  # e.g. an RSA key named by an ES256 token
                raise UnknownSigningKey(kid) from error
            self._parsed[(kid, algorithm)] = parsed
        return parsed


def _signing_keys_of(jwks: Mapping[str, Any]) -> dict[str | None, Mapping[str, Any]]:
    keys = jwks["keys"]
    if not isinstance(keys, list):
        raise TypeError("a JWKS holds a list of keys")
    return {key.get("kid"): key for key in keys if isinstance(key, dict) and key.get("use", "sig") == "sig"}


def fetch_jwks(url: str, *, timeout: float) -> Mapping[str, Any]:
    response = requests.get(url, timeout=timeout, headers={"Accept": "application/json"})
    response.raise_for_status()
    body: Mapping[str, Any] = response.json()
    return body
