"""Signing keys and JWTs made in the tests, as a provider makes them (and as an attacker would)."""

import functools
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

ISSUER = "https://id.example.test"
AUDIENCE = "urn:oms:api"


@dataclass
class SigningKey:
    kid: str
    algorithm: str
    private: Any = field(repr=False)

    def private_jwk(self) -> dict[str, Any]:
        algorithm = RSAAlgorithm if self.algorithm.startswith(("RS", "PS")) else ECAlgorithm
        jwk: dict[str, Any] = json.loads(algorithm.to_jwk(self.private))
        jwk.pop("key_ops", None)  # PyJWT marks it "sign" only; a provider verifies with it too
        return {**jwk, "kid": self.kid, "use": "sig", "alg": self.algorithm}

    def public_jwk(self) -> dict[str, Any]:
        private_members = {"d", "p", "q", "dp", "dq", "qi"}
        return {k: v for k, v in self.private_jwk().items() if k not in private_members}

    def public_pem(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, claims: dict[str, Any], **header: Any) -> str:
        return jwt.encode(claims, self.private, algorithm=self.algorithm, headers={"kid": self.kid, **header})


def rsa_key(kid: str | None = None, algorithm: str = "RS256") -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return SigningKey(kid=kid or f"rsa-{uuid.uuid4().hex[:8]}", algorithm=algorithm, private=private)


@functools.cache
def shared_rsa_key() -> SigningKey:
    """The key of tests that need a provider but no particular key: making RSA keys takes a while."""
    return rsa_key("shared")


def ec_key(kid: str | None = None) -> SigningKey:
    return SigningKey(
        kid=kid or f"ec-{uuid.uuid4().hex[:8]}",
        algorithm="ES256",
        private=ec.generate_private_key(ec.SECP256R1()),
    )


def claims_for(
    role: str | None = "customer", *, subject: str | None = None, **overrides: Any
) -> dict[str, Any]:
    now = int(time.time())
    subject = subject or f"sub-{role or 'nobody'}-{uuid.uuid4().hex[:8]}"
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": subject,
        "iat": now,
        "exp": now + 300,
        "email": f"{subject}@example.test",
        "name": f"Test {role}",
        "roles": [role] if role else [],
    }
    claims.update(overrides)
    return claims
