"""Argon2id password hashing (argon2-cffi).

Hashing is deliberately slow and memory-hungry, so it runs on a small thread pool (argon2's
C code releases the GIL) sized to the CPU count: the event loop stays responsive, and at
most ``workers`` hashes hold their memory at once.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from argon2 import PasswordHasher as _Argon2
from argon2 import Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from booking_domain.accounts.ports import PasswordHasher


@dataclass(frozen=True, slots=True)
class Argon2Parameters:
    """Defaults are RFC 9106's second recommended option (t=3, m=64 MiB, p=4)."""

    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4

    def describe(self) -> str:
        return f"argon2id t={self.time_cost} m={self.memory_cost_kib}KiB p={self.parallelism}"


class Argon2PasswordHasher(PasswordHasher):
    def __init__(self, params: Argon2Parameters | None = None, workers: int | None = None) -> None:
        self.params = params or Argon2Parameters()
        self._argon2 = _Argon2(
            time_cost=self.params.time_cost,
            memory_cost=self.params.memory_cost_kib,
            parallelism=self.params.parallelism,
            type=Type.ID,
        )
        self._workers = workers or os.cpu_count() or 2
        self._pool: ThreadPoolExecutor | None = None

    def _threads(self) -> ThreadPoolExecutor:
        """The hashing threads, started on first use (and again after ``close``: an app's
        lifespan may run more than once)."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="argon2")
        return self._pool

    async def hash(self, password: str) -> str:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads(), self._argon2.hash, _bytes(password))

    async def verify(self, password_hash: str, password: str) -> bool:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads(), self._verify, password_hash, password)

    def needs_rehash(self, password_hash: str) -> bool:
        try:
            return self._argon2.check_needs_rehash(password_hash)
        except InvalidHashError:
            return True

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._argon2.verify(password_hash, _bytes(password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def _bytes(password: str) -> bytes:
    """UTF-8, keeping an unpaired surrogate as its own bytes: any string a caller holds can be
    hashed and checked (the domain refuses such passwords at sign-up; a sign-in attempt with
    one is simply wrong), and ordinary passwords encode exactly as argon2-cffi's default."""
    return password.encode("utf-8", "surrogatepass")
