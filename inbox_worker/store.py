"""The case store: cases, their events, the outbox and processed-mail fingerprints.

TinyDB holds everything in memory (``CachingMiddleware``) and writes the file only at an
explicit ``commit()``, atomically (temp file + fsync + ``os.replace``): a crash leaves either
the old or the new file, never a torn one. Between commits two facts must survive a crash
without rewriting the whole file: that a reply was sent, and that processing of a mail was
attempted (so a mail that kills the worker cannot loop forever). Both go to an append-only
journal beside the store (one fsynced JSON line each), folded into the store on the next
commit. One process at a time: the store takes an exclusive ``flock``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import logging
import os
import re
from collections import defaultdict
from dataclasses import asdict, fields
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from tinydb import Query, TinyDB
from tinydb.middlewares import CachingMiddleware
from tinydb.storages import MemoryStorage, Storage
from tinydb.table import Document

from inbox_worker.errors import StoreError, StoreLockedError
from inbox_worker.models import (
    Case,
    CaseStatus,
    Category,
    OutgoingMail,
    Resolution,
    Stage,
)

log = logging.getLogger(__name__)

# What an archive file may be named after: a case id, never a path.
_SAFE_CASE_ID = re.compile(r"[A-Za-z0-9-]+")

OPEN_STATUSES = frozenset({CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_FOR_CUSTOMER})


class AtomicJSONStorage(Storage):
    """TinyDB storage that replaces the file atomically on every write."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        try:
            data: dict[str, dict[str, Any]] = json.loads(text) if text else {}
        except json.JSONDecodeError as exc:
            raise StoreError(f"{self.path} is not valid JSON: {exc}") from exc
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomically(self.path, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    def close(self) -> None:
        pass


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new content."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):  # the cleanup must not hide the real error
            tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {path}: {exc}") from exc


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class _CommitOnlyCache(CachingMiddleware):
    # CachingMiddleware flushes by itself every WRITE_CACHE_SIZE writes; we want the file
    # written at our commit points only.
    WRITE_CACHE_SIZE = 2**62


class CaseStore:
    """Cases, events, outbox and fingerprints, with in-memory indexes rebuilt at start.

    Writes are staged in memory until ``commit()``. Raises ``StoreError`` when the file
    cannot be read or written and ``StoreLockedError`` when another worker holds it.
    """

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._lock: IO[str] | None = None
        self._journal: IO[str] | None = None
        if path is None:
            self._db = TinyDB(storage=MemoryStorage)
        else:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._lock = _take_lock(path.with_name(path.name + ".lock"))
            self._db = TinyDB(path, storage=_CommitOnlyCache(AtomicJSONStorage))  # type: ignore[no-untyped-call]
        try:
            self._open_tables()
        except BaseException:
            self.abandon()
            raise

    def _open_tables(self) -> None:
        self._cases = self._db.table("cases")
        self._events = self._db.table("events")
        self._outbox = self._db.table("outbox")
        self._processed = self._db.table("processed")
        self._failures = self._db.table("failures")
        self._meta = self._db.table("meta")
        self._quarantine = self._db.table("quarantine")
        self._build_indexes()
        self._replay_journal()

    @classmethod
    def for_reading(cls, path: Path) -> CaseStore:
        """Open for reading beside a running worker: no lock taken, nothing ever written."""
        return cls(path, read_only=True)

    # -- lifecycle ------------------------------------------------------------------

    def commit(self) -> None:
        """Write every staged change to disk atomically, then empty the journal."""
        cache = self._db.storage
        if isinstance(cache, CachingMiddleware) and not self.read_only:
            cache.flush()  # type: ignore[no-untyped-call]
            self._truncate_journal()

    def close(self) -> None:
        self.commit()
        if not self.read_only:
            self._db.close()
        if self._journal:
            self._journal.close()
        if self._lock:
            self._lock.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abandon()

    def abandon(self) -> None:
        """Release the store without writing what is staged (used on the way out of an error)."""
        if self._journal:
            self._journal.close()
        if self._lock:
            self._lock.close()

    # -- indexes --------------------------------------------------------------------

    def _build_indexes(self) -> None:
        self._case_doc: dict[str, int] = {}
        self._by_message_id: dict[str, str] = {}
        self._by_order: dict[str, list[str]] = defaultdict(list)
        self._by_customer: dict[str, list[str]] = defaultdict(list)
        self._events_of: dict[str, list[int]] = defaultdict(list)
        for doc in self._cases.all():
            self._index_case(doc.doc_id, doc)
        for doc in self._events.all():
            self._events_of[doc["case_id"]].append(doc.doc_id)
        self._seen_ids: dict[str, set[str]] = defaultdict(set)  # Message-ID -> content digests
        self._seen_hashes: set[str] = set()
        for doc in self._processed.all():
            self._seen_hashes.add(doc["sha256"])
            if doc.get("real_id"):
                self._seen_ids[doc["message_id"]].add(doc.get("content", ""))
        self._quarantined = {doc["sha256"] for doc in self._quarantine.all()}
        self._outbox_doc = {doc["message_id"]: doc.doc_id for doc in self._outbox.all()}
        self._queued_to: dict[str, list[str]] = defaultdict(list)
        for doc in self._outbox.all():
            self._queued_to[doc["mail"]["to"].lower()].append(doc["queued_at"])
            self._queued_to[_case_key(doc["mail"]["case_id"])].append(doc["queued_at"])

    def _index_case(self, doc_id: int, doc: dict[str, Any]) -> None:
        case_id = doc["id"]
        self._case_doc[case_id] = doc_id
        for message_id in doc.get("thread_ids", ()):
            self._by_message_id[message_id] = case_id
        for order in doc.get("order_numbers", ()):
            if case_id not in self._by_order[order]:
                self._by_order[order].append(case_id)
        if case_id not in self._by_customer[doc["customer"]]:
            self._by_customer[doc["customer"]].append(case_id)

    # -- cases ----------------------------------------------------------------------

    def next_case_id(self, now: datetime) -> str:
        """A short id people can read out on the phone: R<yymm>-<4 digits>, e.g. R2611-0042."""
        month = now.strftime("%y%m")
        key = f"seq-{month}"
        row = self._meta.get(Query().key == key)
        number = (row["value"] if isinstance(row, dict) else 0) + 1
        self._meta.upsert({"key": key, "value": number}, Query().key == key)
        return f"R{month}-{number:04d}"

    def get(self, case_id: str) -> Case | None:
        doc_id = self._case_doc.get(case_id.upper())
        doc = self._cases.get(doc_id=doc_id) if doc_id is not None else None
        return case_from_dict(doc) if isinstance(doc, dict) else None

    def save(self, case: Case) -> None:
        """Insert or replace a case (staged until commit)."""
        doc = case_to_dict(case)
        doc_id = self._case_doc.get(case.id)
        if doc_id is None:
            doc_id = self._cases.insert(doc)
        else:
            self._cases.update(doc, doc_ids=[doc_id])
        self._index_case(doc_id, doc)

    def all_cases(self) -> list[Case]:
        return [case_from_dict(doc) for doc in self._cases.all()]

    def case_for_message_ids(self, message_ids: tuple[str, ...]) -> Case | None:
        """The case any of these Message-IDs belongs to (our mails or the customer's)."""
        for message_id in message_ids:
            case_id = self._by_message_id.get(message_id)
            if case_id:
                return self.get(case_id)
        return None

    def cases_for_customer(self, customer: str) -> list[Case]:
        found = (self.get(case_id) for case_id in self._by_customer.get(customer.lower(), []))
        return [case for case in found if case is not None]

    def cases_for_order(self, order: str) -> list[Case]:
        found = (self.get(case_id) for case_id in self._by_order.get(order, []))
        return [case for case in found if case is not None]

    # -- events ---------------------------------------------------------------------

    def add_event(self, case_id: str, at: datetime, type_: str, **data: Any) -> None:
        """Record one thing that happened to a case (staged until commit)."""
        doc = {"case_id": case_id, "at": at.isoformat(), "type": type_, **data}
        self._events_of[case_id].append(self._events.insert(doc))

    def events(self, case_id: str) -> list[dict[str, Any]]:
        docs = (self._events.get(doc_id=doc_id) for doc_id in self._events_of.get(case_id, []))
        return [_without_case_id(doc) for doc in docs if isinstance(doc, dict)]

    # -- processed mail ---------------------------------------------------------------

    def seen_bytes(self, sha256: str) -> bool:
        """True when a mail with exactly these bytes was processed before."""
        return sha256 in self._seen_hashes

    def is_processed(self, message_id: str, sha256: str, content: str = "") -> bool:
        """True when this mail was processed before: the same bytes, or the same Message-ID
        with the same content (a re-delivered copy). Another mail that merely reuses a
        Message-ID is not taken for a copy."""
        if sha256 in self._seen_hashes:
            return True
        known = self._seen_ids.get(message_id) or set()
        return content in known or (bool(known) and "" in known)

    def mark_processed(
        self,
        message_id: str,
        sha256: str,
        real_id: bool,
        at: datetime,
        content: str = "",
        **data: Any,
    ) -> None:
        doc = {"message_id": message_id, "sha256": sha256, "real_id": real_id}
        self._processed.insert({**doc, "content": content, "at": at.isoformat(), **data})
        self._seen_hashes.add(sha256)
        if real_id:
            self._seen_ids[message_id].add(content)
        self._failures.remove(Query().sha256 == sha256)

    def is_quarantined(self, sha256: str) -> bool:
        return sha256 in self._quarantined

    # -- failures (for quarantine) ------------------------------------------------------

    def record_attempt(self, sha256: str, uid: int) -> int:
        """Note, durably and at once, that processing of a mail starts; returns attempts so far.

        If the process dies before ``end_attempt``, the next start counts it as a failed
        attempt: a mail that kills the worker every time ends in quarantine, not in a loop.
        """
        self._append_journal({"op": "attempt", "sha256": sha256, "uid": uid})
        return self._bump_attempts(sha256, uid, error=None)

    def undo_attempt(self, sha256: str) -> None:
        """Take back an attempt that failed through no fault of the mail (a system error)."""
        row = self._failures.get(Query().sha256 == sha256)
        if isinstance(row, dict):
            attempts = max(int(row["attempts"]) - 1, 0)
            self._failures.update({"attempts": attempts}, doc_ids=[row.doc_id])

    def end_attempt(self, sha256: str) -> None:
        """Processing of a mail ended (well or with a caught error): it did not kill us.

        Not fsynced: losing this line only blames the mail once more, which is safe.
        """
        self._append_journal({"op": "end", "sha256": sha256}, durable=False)

    def record_failure(self, sha256: str, uid: int, error: str) -> None:
        row = self._failures.get(Query().sha256 == sha256)
        if isinstance(row, dict):
            self._failures.update({"error": error}, doc_ids=[row.doc_id])
        else:
            self._failures.insert({"sha256": sha256, "uid": uid, "attempts": 1, "error": error})

    def attempts(self, sha256: str) -> int:
        row = self._failures.get(Query().sha256 == sha256)
        return int(row["attempts"]) if isinstance(row, dict) else 0

    def last_error(self, sha256: str) -> str | None:
        row = self._failures.get(Query().sha256 == sha256)
        return row.get("error") if isinstance(row, dict) else None

    def quarantine(self, sha256: str, uid: int, message_id: str, error: str, at: datetime) -> str:
        """Record a mail moved to quarantine; returns its short id for `quarantine retry`."""
        short_id = sha256[:12]
        row = {"id": short_id, "sha256": sha256, "uid": uid, "message_id": message_id}
        self._quarantine.upsert(
            {**row, "error": error, "at": at.isoformat()}, Query().sha256 == sha256
        )
        self._failures.remove(Query().sha256 == sha256)
        self._quarantined.add(sha256)
        return short_id

    def quarantined(self) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._quarantine.all()]

    def release(self, short_id: str) -> dict[str, Any] | None:
        """Forget a quarantined mail (before retrying it); returns its record."""
        row = self._quarantine.get(Query().id == short_id)
        if not isinstance(row, dict):
            return None
        self._quarantine.remove(doc_ids=[row.doc_id])
        self._quarantined.discard(row["sha256"])
        return dict(row)

    def mails_to(self, recipient: str, since: datetime) -> int:
        """How many mails were queued to ``recipient`` since ``since`` (for the caps)."""
        since_iso = since.isoformat()
        return sum(1 for at in self._queued_to.get(recipient.lower(), ()) if at >= since_iso)

    def mails_about(self, case_id: str, since: datetime) -> int:
        """How many mails (to anyone) were queued about a case since ``since``."""
        since_iso = since.isoformat()
        return sum(1 for at in self._queued_to.get(_case_key(case_id), ()) if at >= since_iso)

    def _bump_attempts(self, sha256: str, uid: int, error: str | None) -> int:
        row = self._failures.get(Query().sha256 == sha256)
        if isinstance(row, dict):
            attempts = int(row["attempts"]) + 1
            self._failures.update({"attempts": attempts}, doc_ids=[row.doc_id])
        else:
            attempts = 1
            self._failures.insert({"sha256": sha256, "uid": uid, "attempts": 1, "error": error})
        return attempts

    # -- outbox -----------------------------------------------------------------------

    def queue(self, mail: OutgoingMail, at: datetime) -> None:
        """Put a rendered mail in the outbox (staged until commit)."""
        doc = {
            "message_id": mail.message_id,
            "mail": _mail_to_dict(mail),
            "status": "pending",
            "attempts": 0,
            "queued_at": at.isoformat(),
            "next_attempt_at": at.isoformat(),
        }
        self._outbox_doc[mail.message_id] = self._outbox.insert(doc)
        self._queued_to[mail.to.lower()].append(at.isoformat())
        self._queued_to[_case_key(mail.case_id)].append(at.isoformat())

    def pending(self, now: datetime) -> list[OutgoingMail]:
        """Mails waiting to be sent whose next attempt is due, oldest first."""
        due = [
            doc
            for doc in self._outbox.all()
            if doc["status"] == "pending" and doc["next_attempt_at"] <= now.isoformat()
        ]
        due.sort(key=lambda doc: doc["queued_at"])
        return [_mail_from_dict(doc["mail"]) for doc in due]

    def outgoing(self, message_id: str) -> OutgoingMail | None:
        """The mail we queued under this Message-ID, if any."""
        doc_id = self._outbox_doc.get(message_id)
        doc = self._outbox.get(doc_id=doc_id) if doc_id is not None else None
        return _mail_from_dict(doc["mail"]) if isinstance(doc, dict) else None

    def outbox(self) -> list[dict[str, Any]]:
        return [dict(doc) for doc in self._outbox.all()]

    def mark_sent(self, message_id: str, at: datetime, server_reply: str) -> None:
        """Record durably, at once (journal), that the SMTP server accepted this mail."""
        entry = {"op": "sent", "message_id": message_id, "at": at.isoformat()}
        self._append_journal({**entry, "reply": server_reply})
        self._apply_sent(message_id, at.isoformat(), server_reply)

    def send_attempts(self, message_id: str) -> int:
        """How many times sending this mail has failed so far."""
        doc_id = self._outbox_doc.get(message_id)
        doc = self._outbox.get(doc_id=doc_id) if doc_id is not None else None
        return int(doc["attempts"]) if isinstance(doc, dict) else 0

    def mark_failed(self, message_id: str, error: str, next_attempt: datetime | None) -> None:
        """A send failed: retry at ``next_attempt``, or give up for good when it is None."""
        doc_id = self._outbox_doc[message_id]
        doc = self._outbox.get(doc_id=doc_id)
        assert isinstance(doc, dict)
        update: dict[str, Any] = {"attempts": doc["attempts"] + 1, "last_error": error}
        if next_attempt is None:
            update["status"] = "failed"
        else:
            update["next_attempt_at"] = next_attempt.isoformat()
        self._outbox.update(update, doc_ids=[doc_id])

    def _apply_sent(self, message_id: str, at: str, server_reply: str) -> None:
        doc_id = self._outbox_doc.get(message_id)
        doc = self._outbox.get(doc_id=doc_id) if doc_id is not None else None
        if not isinstance(doc, dict) or doc["status"] == "sent":
            return
        # The HTML alternative is the text in the shared layout: once the mail is out, the
        # text is the record, and the store (all in memory) need not carry both.
        mail = {**doc["mail"], "html": None}
        update = {"status": "sent", "sent_at": at, "server_reply": server_reply, "mail": mail}
        self._outbox.update(update, doc_ids=[doc_id])  # type: ignore[list-item]
        self._record_answer(doc["mail"], at, server_reply)

    def _record_answer(self, mail: dict[str, Any], at: str, server_reply: str) -> None:
        """A decision (accepted/rejected) sent to the customer meets the statutory deadline:
        keep the proof on the case. Runs for a live send and for a replayed journal alike."""
        case = self.get(mail["case_id"]) if mail.get("case_id") else None
        if mail["template"] != "decision" or case is None or case.answered_at is not None:
            return
        self.save(dataclasses.replace(case, answered_at=at))
        sent = {"message_id": mail["message_id"], "server_reply": server_reply, "to": mail["to"]}
        self.add_event(case.id, datetime.fromisoformat(at), "answered", **sent)

    # -- retention ----------------------------------------------------------------------
    # Closed cases leave the hot tables for one JSON file each: the whole store lives in
    # memory and is rewritten at every commit, so it must not grow with the shop's history.

    @property
    def archive_dir(self) -> Path:
        if self.path is None:
            raise StoreError("a store in memory has no archive folder")
        return self.path.with_name("archive")

    def archive_closed(self, before: datetime) -> list[str]:
        """Move every case closed before ``before`` into ``archive/<id>.json`` with its
        events and outbox records (staged until commit); returns the ids moved.

        A case with mail still to send stays. Every file is written (atomically, fsynced)
        before anything leaves the tables, so a crash before the commit leaves the cases in
        the store and the next run writes the same files again. Processed-mail fingerprints
        stay: an archived case's mail is never processed anew. Raises ``StoreError``.
        """
        if self.read_only:
            raise StoreError(f"{self.path} is open for reading only")
        outbox_of = self._outbox_by_case()
        due = [doc for doc in self._cases.all() if _archivable(doc, before, outbox_of)]
        if not due:
            return []
        self._make_archive_dir()
        for doc in due:
            record = self._archive_record(doc, outbox_of.get(doc["id"], []))
            text = json.dumps(record, ensure_ascii=False)
            write_atomically(self.archive_path(doc["id"]), text.encode("utf-8"))
        self._remove_cases(due, outbox_of)
        return [doc["id"] for doc in due]

    def drop_mail_without_case(self, before: datetime) -> int:
        """Remove the outbox records of mail about no case (staff notices, the digest)
        queued before ``before`` and since sent or given up (staged until commit); returns
        how many. Nothing is archived: they are copies of mail already delivered, and would
        otherwise stay forever. Mail still to send stays. Raises ``StoreError``."""
        if self.read_only:
            raise StoreError(f"{self.path} is open for reading only")
        old = [
            doc.doc_id
            for doc in self._outbox_by_case().get("", [])
            if doc["status"] in ("sent", "failed")
            and datetime.fromisoformat(doc["queued_at"]) < before
        ]
        if old:
            self._outbox.remove(doc_ids=old)
            self._build_indexes()
        return len(old)

    def archived(self, case_id: str) -> dict[str, Any] | None:
        """The archive record of a case moved out of the store (``case_json`` plus its
        ``outbox`` records), or None. Raises ``StoreError`` for an unreadable file."""
        if self.path is None or not _SAFE_CASE_ID.fullmatch(case_id):
            return None
        path = self.archive_path(case_id)
        try:
            record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, json.JSONDecodeError) as exc:
            raise StoreError(f"cannot read {path}: {exc}") from exc
        return record

    def archive_path(self, case_id: str) -> Path:
        return self.archive_dir / f"{case_id.upper()}.json"

    def _outbox_by_case(self) -> dict[str, list[Document]]:
        outbox_of: dict[str, list[Document]] = defaultdict(list)
        for doc in self._outbox.all():
            outbox_of[doc["mail"].get("case_id") or ""].append(doc)
        return outbox_of

    def _make_archive_dir(self) -> None:
        self.archive_dir.mkdir(exist_ok=True)
        _fsync_dir(self.archive_dir.parent)  # else a power cut may lose the folder's entry

    def _archive_record(self, doc: Document, outbox: list[Document]) -> dict[str, Any]:
        """The shape of ``case_json`` plus ``outbox``; the stored document as it is, so that
        no key is lost even if ``Case`` no longer knows it."""
        events = self.events(doc["id"])
        return {**dict(doc), "events": events, "outbox": [dict(mail) for mail in outbox]}

    def _remove_cases(self, docs: list[Document], outbox_of: dict[str, list[Document]]) -> None:
        case_ids = [doc["id"] for doc in docs]
        self._events.remove(doc_ids=[i for case_id in case_ids for i in self._events_of[case_id]])
        self._outbox.remove(doc_ids=[m.doc_id for case_id in case_ids for m in outbox_of[case_id]])
        self._cases.remove(doc_ids=[doc.doc_id for doc in docs])
        # Rebuilt from the tables rather than patched: this runs once a day, and a rebuild
        # cannot leave a Message-ID, order or customer pointing at a case that is gone.
        self._build_indexes()

    # -- heartbeat ----------------------------------------------------------------------
    # A tiny file of its own: a poll that found nothing must not rewrite the whole store.

    def beat(self, at: datetime) -> None:
        """Record a successful poll."""
        if self.path is not None and not self.read_only:
            write_atomically(self._beat_path, at.isoformat().encode())

    def last_beat(self) -> str | None:
        if self.path is None:
            return None
        try:
            return self._beat_path.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    @property
    def _beat_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(self.path.name + ".last-poll")

    # -- mailbox state ------------------------------------------------------------------

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self._meta.get(Query().key == key)
        return row["value"] if isinstance(row, dict) else default

    def set_meta(self, key: str, value: Any) -> None:
        self._meta.upsert({"key": key, "value": value}, Query().key == key)

    # -- journal ------------------------------------------------------------------------

    @property
    def _journal_path(self) -> Path | None:
        return self.path.with_name(self.path.name + ".journal") if self.path else None

    def _append_journal(self, entry: dict[str, Any], durable: bool = True) -> None:
        if self._journal_path is None or self.read_only:
            return
        try:
            if self._journal is None:
                self._journal = open(self._journal_path, "a", encoding="utf-8")
            self._journal.write(json.dumps(entry) + "\n")
            self._journal.flush()
            if durable:
                os.fsync(self._journal.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write {self._journal_path}: {exc}") from exc

    def _replay_journal(self) -> None:
        if self._journal_path is None or not self._journal_path.exists():
            return
        in_flight: dict[str, int] = {}
        for line in self._journal_path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line torn by a crash: the fact it held was never relied on
            if entry.get("op") == "sent":
                self._apply_sent(entry["message_id"], entry["at"], entry.get("reply", ""))
            elif entry.get("op") == "attempt":
                in_flight[entry["sha256"]] = entry["uid"]
            elif entry.get("op") == "end":
                in_flight.pop(entry["sha256"], None)
        for sha256, uid in in_flight.items():  # the mails being processed when we died
            if sha256 not in self._seen_hashes:
                self._bump_attempts(sha256, uid, error="interrupted")
        self.commit()

    def _truncate_journal(self) -> None:
        if self._journal_path is None or self.read_only:
            return
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        self._journal_path.unlink(missing_ok=True)


def _archivable(
    doc: dict[str, Any], before: datetime, outbox_of: dict[str, list[Document]]
) -> bool:
    closed_at = doc.get("closed_at")
    if doc["status"] != CaseStatus.CLOSED.value or not closed_at:
        return False
    pending = any(mail["status"] == "pending" for mail in outbox_of.get(doc["id"], ()))
    return datetime.fromisoformat(closed_at) < before and not pending


def _case_key(case_id: str) -> str:
    return f"case:{case_id}"  # cannot clash with an address (no "@")


def _take_lock(path: Path) -> IO[str]:
    handle = open(path, "a+", encoding="utf-8")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StoreLockedError(
            f"{path.with_suffix('')} is in use by another inbox-worker process"
        ) from None
    return handle


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- (de)serialisation --------------------------------------------------------------------

_CASE_ENUMS: dict[str, Any] = {
    "status": CaseStatus,
    "category": Category,
    "stage": Stage,
    "resolution": Resolution,
}


def case_to_dict(case: Case) -> dict[str, Any]:
    doc = asdict(case)
    for key, value in doc.items():
        if isinstance(value, tuple):
            doc[key] = list(value)
        elif key in _CASE_ENUMS and value is not None:
            doc[key] = value.value
    return doc


def case_from_dict(doc: dict[str, Any]) -> Case:
    known = {f.name for f in fields(Case)}
    values: dict[str, Any] = {}
    for key, value in doc.items():
        if key not in known:
            continue
        if isinstance(value, list):
            value = tuple(value)
        elif key in _CASE_ENUMS and value is not None:
            value = _CASE_ENUMS[key](value)
        values[key] = value
    return Case(**values)


def _mail_to_dict(mail: OutgoingMail) -> dict[str, Any]:
    doc = asdict(mail)
    doc["references"] = list(mail.references)
    doc["extra_headers"] = [list(pair) for pair in mail.extra_headers]
    return doc


def _mail_from_dict(doc: dict[str, Any]) -> OutgoingMail:
    values = dict(doc)
    values["references"] = tuple(doc.get("references", ()))
    values["extra_headers"] = tuple(tuple(pair) for pair in doc.get("extra_headers", ()))
    return OutgoingMail(**values)


def _without_case_id(doc: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in doc.items() if key != "case_id"}


def case_json(case: Case, events: list[dict[str, Any]]) -> dict[str, Any]:
    """A case as the JSON object of ``cases show --json`` (DESIGN.md section 6)."""
    return {**case_to_dict(case), "events": events}
