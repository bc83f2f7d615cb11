"""The case store: atomic commits, the journal, indexes, the lock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from inbox_worker.errors import StoreError, StoreLockedError
from inbox_worker.models import Case, CaseStatus, Category, OutgoingMail
from inbox_worker.store import CaseStore

NOW = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)


def _case(case_id: str = "R2611-0001", **changes: object) -> Case:
    values: dict[str, object] = dict(
        id=case_id,
        status=CaseStatus.NEW,
        customer="anna@poczta.example",
        customer_name="Anna",
        language="pl",
        subject="Reklamacja",
        received_at=NOW.isoformat(),
        deadline="2026-11-30",
        created_at=NOW.isoformat(),
        updated_at=NOW.isoformat(),
        order_numbers=("482913",),
        category=Category.DEFECTIVE,
        thread_ids=("<in-1@poczta.example>",),
    )
    values.update(changes)
    return Case(**values)  # type: ignore[arg-type]


def _mail(
    message_id: str = "<iw.1@sklep.example>", to: str = "anna@poczta.example"
) -> OutgoingMail:
    return OutgoingMail(message_id=message_id, to=to, subject="s", text="t", case_id="R2611-0001")


def test_nothing_reaches_disk_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    store = CaseStore(path)
    store.save(_case())
    assert not path.exists() or "R2611-0001" not in path.read_text()
    store.commit()
    assert json.loads(path.read_text())["cases"]
    store.close()


def test_reopened_store_finds_cases_by_every_index(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    with CaseStore(path) as store:
        store.save(_case())
        store.add_event("R2611-0001", NOW, "opened", reasons=["x"])
    with CaseStore(path) as store:
        assert store.get("r2611-0001") is not None
        assert store.case_for_message_ids(("<nope>", "<in-1@poczta.example>")).id == "R2611-0001"
        assert [c.id for c in store.cases_for_order("482913")] == ["R2611-0001"]
        assert [c.id for c in store.cases_for_customer("ANNA@poczta.example")] == ["R2611-0001"]
        assert store.events("R2611-0001")[0]["type"] == "opened"


def test_case_ids_count_per_month(tmp_path: Path) -> None:
    store = CaseStore(None)
    assert store.next_case_id(NOW) == "R2611-0001"
    assert store.next_case_id(NOW) == "R2611-0002"
    assert store.next_case_id(datetime(2026, 12, 1, tzinfo=UTC)) == "R2612-0001"


def test_a_second_worker_cannot_open_the_store(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    with CaseStore(path):
        with pytest.raises(StoreLockedError, match="in use"):
            CaseStore(path)
        reader = CaseStore.for_reading(path)  # read-only views need no lock
        assert reader.all_cases() == []


def test_sent_mail_survives_a_crash_before_commit(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    store = CaseStore(path)
    store.queue(_mail(), NOW)
    store.commit()
    store.mark_sent("<iw.1@sklep.example>", NOW, "250 ok")
    store.abandon()  # a crash: no commit after the send
    with CaseStore(path) as reopened:
        assert reopened.pending(NOW) == []
        assert reopened.outbox()[0]["status"] == "sent"


def test_a_sent_mail_keeps_its_text_but_not_its_html(tmp_path: Path) -> None:
    store = CaseStore(tmp_path / "cases.json")
    store.queue(replace(_mail(), html="<p>t</p>"), NOW)
    assert store.outgoing("<iw.1@sklep.example>").html == "<p>t</p>"  # type: ignore[union-attr]
    store.mark_sent("<iw.1@sklep.example>", NOW, "250 ok")
    sent = store.outgoing("<iw.1@sklep.example>")
    assert sent is not None and (sent.text, sent.html) == ("t", None)
    store.close()


def test_interrupted_attempts_are_counted_after_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    for _ in range(2):
        store = CaseStore(path)
        store.record_attempt("abc", uid=7)
        store.abandon()
    with CaseStore(path) as store:
        assert store.attempts("abc") == 2


def test_processed_is_known_by_message_id_or_by_bytes(tmp_path: Path) -> None:
    store = CaseStore(None)
    store.mark_processed("<a@x>", "sha-1", True, NOW)
    store.mark_processed("<sha-2@missing.invalid>", "sha-2", False, NOW)
    assert store.is_processed("<a@x>", "other-bytes")  # re-delivered copy
    assert store.is_processed("<b@x>", "sha-1")
    assert not store.is_processed("<sha-3@missing.invalid>", "sha-3")


def test_corrupt_store_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cases.json"
    path.write_text("{not json")
    with pytest.raises(StoreError, match="not valid JSON"):
        CaseStore(path).all_cases()


def test_caps_count_mails_per_recipient(tmp_path: Path) -> None:
    store = CaseStore(None)
    for index in range(3):
        store.queue(_mail(f"<iw.{index}@sklep.example>"), NOW)
    assert store.mails_to("ANNA@poczta.example", NOW.replace(hour=8)) == 3
    assert store.mails_to("someone@else.example", NOW.replace(hour=8)) == 0
