"""Password hashes: the standard library's scrypt with a random salt, stored as one
self-describing string ``scrypt$n$r$p$salt_b64$hash_b64`` (the cost can grow later
and old hashes still verify).  A password is never stored, logged or compared in clear."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

SCHEME = "scrypt"
N, R, P = 2 ** 14, 8, 1  # ~16 MiB and a few tens of milliseconds per check
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 6


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 1024 * 1024, dklen=length)


def hash_password(password: str) -> str:
    salt = os.urandom(SALT_BYTES)
    digest = _scrypt(password, salt, N, R, P, HASH_BYTES)
    b64 = base64.b64encode
    return f"{SCHEME}${N}${R}${P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when ``password`` matches the stored hash; False for a malformed hash."""
    try:
        scheme, n, r, p, salt, digest = (stored or "").split("$")
        if scheme != SCHEME:
            return False
        salt_bytes, expected = base64.b64decode(salt), base64.b64decode(digest)
        actual = _scrypt(password, salt_bytes, int(n), int(r), int(p), len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


_DUMMY = None


def waste_time(password: str) -> None:
    """Spend what a real check spends (an unknown login answers no faster)."""
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = hash_password("not a password")
    verify_password(password, _DUMMY)
