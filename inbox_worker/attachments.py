"""Attachments kept under their case: ``data/attachments/<case id>/<safe name>``.

Names come from strangers: they are reduced to a plain file name (no folders, no ``..``,
no control characters, no leading dot, at most 150 bytes) and made unique within the
case, so that no attachment can land outside its folder or overwrite another.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from inbox_worker.errors import StoreError
from inbox_worker.models import Attachment
from inbox_worker.store import write_atomically

MAX_NAME_BYTES = 150
log = logging.getLogger(__name__)
_UNSAFE = re.compile(r"[^\w.\- ()]+")


def safe_name(name: str, fallback: str = "attachment") -> str:
    """A harmless file name for ``name`` (keeps letters of any script, digits, ``.-_ ()``)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = _UNSAFE.sub("_", name).strip(" .")
    if not name:
        name = fallback
    stem, dot, suffix = name.rpartition(".")
    if dot and 0 < len(suffix) <= 10 and stem:
        return _cut(stem, MAX_NAME_BYTES - len(suffix.encode()) - 1) + "." + suffix
    return _cut(name, MAX_NAME_BYTES)


def _cut(text: str, max_bytes: int) -> str:
    """At most ``max_bytes`` of UTF-8 (file systems count bytes, not letters)."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


def save_attachments(
    directory: Path, parts: Iterable[tuple[Attachment, bytes]], max_bytes: int
) -> list[str]:
    """Write the parts into ``directory``; returns the names used. Oversized parts are skipped."""
    saved: list[str] = []
    for attachment, payload in parts:
        if len(payload) > max_bytes:
            continue
        try:
            directory.mkdir(parents=True, exist_ok=True)
            name = _unique(directory, safe_name(attachment.filename), payload)
            if not (directory / name).exists():
                write_atomically(directory / name, payload)
        except (OSError, StoreError) as exc:  # the raw mail is archived: nothing is lost
            log.warning("attachment %r not kept under %s: %s", attachment.filename, directory, exc)
            continue
        saved.append(name)
    return saved


def _unique(directory: Path, name: str, payload: bytes) -> str:
    """``name``, or ``name-2`` … when taken by other bytes (the same bytes reuse the name,
    so processing a mail again after a crash does not duplicate its files)."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, number = name, 1
    while (directory / candidate).exists() and (directory / candidate).read_bytes() != payload:
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"
    return candidate
