"""Raw mail on disk, content-addressed, written durably before anything else happens to it.

``data/mail/ab/abcdef….eml``: the SHA-256 of the bytes names the file, so archiving the
same mail twice is free and a crash mid-write leaves no half file under the final name.
"""

from __future__ import annotations

from pathlib import Path

from inbox_worker.store import sha256_of, write_atomically


class Archive:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def save(self, data: bytes) -> tuple[str, Path]:
        """Store ``data`` (fsynced) and return its SHA-256 and path. Raises ``StoreError``."""
        digest = sha256_of(data)
        path = self.path_of(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, data)
        return digest, path

    def path_of(self, digest: str) -> Path:
        return self.directory / digest[:2] / f"{digest}.eml"
