"""A disk cache for what ``nlp.load`` derives from ``rules/`` with morfeusz and spaCy.

Expanding the rule phrases into every inflected form and reading (the folded-form index
and the matcher patterns) costs about a second at every start; the result depends only on
the rule files, the versions of the libraries that derive it and our own code. It is kept
as JSON (never pickle: a cache file must not be able to run code) under
``$INBOX_WORKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/inbox-worker``, else
``~/.cache/inbox-worker``. ``INBOX_WORKER_CACHE_DIR=off`` disables it. A missing, stale,
corrupt or unwritable cache only costs the rebuild; it never stops the worker.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

FORMAT = 1
# The libraries whose output ends up in the cache.
_LIBRARIES = ("morfeusz2", "simplemma", "spacy")
# Caches kept, newest first: a few rule sets (a shop's, a test's) may take turns.
_KEPT = 4
# Our modules whose code decides what is derived: a change to any of them is a new key.
_SOURCES = ("lemmas.py", "language.py", "nlp.py", "rules.py", "rulecache.py")


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is switched off."""
    chosen = os.environ.get("INBOX_WORKER_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "inbox-worker"


def key(rule_files: Iterable[Path]) -> str:
    """A digest of the rule files' names and bytes, the library versions and our code."""
    digest = hashlib.sha256(f"format {FORMAT}\n".encode())
    for name in _LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} absent\n".encode())
    here = Path(__file__).parent
    for path in [here / source for source in _SOURCES] + sorted(rule_files):
        digest.update(f"{path.name}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_or_build(
    rule_files: Iterable[Path], build: Callable[[], dict[str, Any]]
) -> dict[str, Any]:
    """The cached derivation for these rule files, or ``build()``'s (then cached)."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"rules-{key(rule_files)}.json"
    cached = _read(path)
    if cached is not None:
        return cached
    built = build()
    _write(path, built)
    return built


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("rule cache %s unreadable (%s); rebuilding it", path, exc)
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        log.warning("rule cache %s has an unknown layout; rebuilding it", path)
        return None
    return data


def _write(path: Path, data: dict[str, Any]) -> None:
    """Write atomically (temp + rename), so a reader never sees half a file."""
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=".rules-", delete=False
        ) as handle:
            temporary = Path(handle.name)
            json.dump({**data, "format": FORMAT}, handle, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError as exc:
        log.info("rule cache not written to %s (%s); the next start rebuilds it", path, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(directory: Path) -> None:
    by_age = sorted(directory.glob("rules-*.json"), key=_mtime, reverse=True)
    for stale in by_age[_KEPT:]:
        stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
