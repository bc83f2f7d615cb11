"""Retention: old closed cases leave the store for archive files, and nothing is lost."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from inbox_worker import app, retention
from inbox_worker.cli import main
from inbox_worker.models import Case, CaseStatus, OutgoingMail
from inbox_worker.pipeline import Services, open_services
from inbox_worker.store import CaseStore
from inbox_worker.worker import poll_once
from tests.support import (
    NOW,
    Clock,
    FakeMailbox,
    FakeSender,
    make_config,
    make_mail,
    ticking_clock,
)
from tests.test_cli import CASE_KEYS

CUTOFF = NOW - timedelta(days=90)
LONG_AGO = NOW - timedelta(days=200)
ANNA = "anna@poczta.example"


def _add_case(
    store: CaseStore,
    closed_at: datetime | None,
    status: CaseStatus = CaseStatus.CLOSED,
    order: str = "482913",
    mail_sent: bool = True,
    text: str = "Dziękujemy za zgłoszenie.",
) -> str:
    """A case with one incoming mail (event) and one reply (outbox); returns its id."""
    case_id = store.next_case_id(NOW)
    mail_in, reply = f"<in-{case_id}@poczta.example>", f"<ack-{case_id}@sklep.example>"
    store.save(
        Case(
            id=case_id,
            status=status,
            customer=ANNA,
            customer_name="Anna",
            language="pl",
            subject="Reklamacja",
            received_at=LONG_AGO.isoformat(),
            deadline="2026-05-14",
            created_at=LONG_AGO.isoformat(),
            updated_at=LONG_AGO.isoformat(),
            order_numbers=(order,),
            thread_ids=(mail_in, reply),
            closed_at=closed_at.isoformat() if closed_at else None,
        )
    )
    store.add_event(case_id, LONG_AGO, "mail_in", message_id=mail_in)
    store.queue(OutgoingMail(reply, ANNA, f"[#{case_id}]", text, case_id=case_id), LONG_AGO)
    if mail_sent:
        store.mark_sent(reply, LONG_AGO, "250 ok")
    return case_id


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "cases.json"


def test_only_old_closed_cases_without_mail_to_send_are_archived(path: Path) -> None:
    with CaseStore(path) as store:
        old = _add_case(store, closed_at=LONG_AGO)
        kept = [
            _add_case(store, closed_at=NOW - timedelta(days=10)),
            _add_case(store, closed_at=None, status=CaseStatus.IN_PROGRESS),
            # Decided, not closed: the status decides, not a closing time left behind.
            _add_case(store, closed_at=LONG_AGO, status=CaseStatus.REJECTED),
            _add_case(store, closed_at=LONG_AGO, mail_sent=False),
        ]
        store.mark_processed(f"<in-{old}@poczta.example>", "sha-of-old", True, LONG_AGO)
        store.commit()
        assert store.archive_closed(CUTOFF) == [old]
    with CaseStore(path) as store:
        assert sorted(case.id for case in store.all_cases()) == kept
        assert [p.name for p in store.archive_dir.iterdir()] == [f"{old}.json"]
        assert {doc["mail"]["case_id"] for doc in store.outbox()} == set(kept)
        assert store.seen_bytes("sha-of-old")  # its mail is never processed again


def test_the_archive_file_holds_the_case_its_events_and_its_mail(path: Path) -> None:
    with CaseStore(path) as store:
        old = _add_case(store, closed_at=LONG_AGO)
        store.archive_closed(CUTOFF)
    record = json.loads((path.parent / "archive" / f"{old}.json").read_text())
    assert set(record) >= CASE_KEYS and record["id"] == old and record["status"] == "closed"
    assert [(e["type"], e["message_id"]) for e in record["events"]] == [
        ("mail_in", f"<in-{old}@poczta.example>")
    ]
    (mail,) = record["outbox"]
    assert mail["status"] == "sent" and mail["mail"]["text"] == "Dziękujemy za zgłoszenie."


def test_the_store_file_shrinks(path: Path) -> None:
    with CaseStore(path) as store:
        for _ in range(20):
            _add_case(store, closed_at=LONG_AGO, text="Treść odpowiedzi. " * 200)
        _add_case(store, closed_at=None, status=CaseStatus.IN_PROGRESS)
    before = path.stat().st_size
    with CaseStore(path) as store:
        store.archive_closed(CUTOFF)
    assert path.stat().st_size < before / 10


def test_indexes_forget_archived_cases_at_once_and_after_reopening(path: Path) -> None:
    def check(store: CaseStore) -> None:
        assert store.get(old) is None and store.events(old) == []
        assert store.outgoing(f"<ack-{old}@sklep.example>") is None
        # A reply quoting both threads belongs to the case still in the store.
        found = store.case_for_message_ids(
            (f"<ack-{old}@sklep.example>", f"<in-{hot}@poczta.example>")
        )
        assert found is not None and found.id == hot
        assert store.cases_for_order("482913") == []
        assert [case.id for case in store.cases_for_customer(ANNA)] == [hot]

    with CaseStore(path) as store:
        old = _add_case(store, closed_at=LONG_AGO)
        hot = _add_case(store, closed_at=None, status=CaseStatus.IN_PROGRESS, order="555111")
        store.commit()
        store.archive_closed(CUTOFF)
        check(store)
    with CaseStore(path) as store:
        check(store)


def test_case_ids_are_never_reused_after_archiving(path: Path) -> None:
    with CaseStore(path) as store:
        archived = [_add_case(store, closed_at=LONG_AGO) for _ in range(2)]
        assert store.archive_closed(CUTOFF) == archived == ["R2611-0001", "R2611-0002"]
    with CaseStore(path) as store:
        assert store.all_cases() == []
        assert store.next_case_id(NOW) == "R2611-0003"


def test_a_crash_before_the_commit_loses_nothing_and_the_next_run_completes(path: Path) -> None:
    with CaseStore(path) as store:
        first = _add_case(store, closed_at=NOW - timedelta(days=300))
        second = _add_case(store, closed_at=LONG_AGO)
    store = CaseStore(path)
    assert store.archive_closed(NOW - timedelta(days=250)) == [first]  # one file written
    written = store.archive_path(first).read_text()
    store.abandon()  # killed before the commit
    with CaseStore(path) as store:
        assert store.get(first) is not None and store.get(second) is not None
        assert store.archive_closed(CUTOFF) == [first, second]
    with CaseStore(path) as store:
        assert store.all_cases() == [] and store.outbox() == []
        assert store.archive_path(first).read_text() == written
        for case_id in (first, second):
            record = store.archived(case_id)
            assert record is not None
            assert len(record["events"]) == 1 and len(record["outbox"]) == 1


def test_the_job_cuts_off_at_midnight_shop_time_and_says_what_it_did(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    at_cutoff = datetime(2026, 8, 18, 0, 0, tzinfo=config.shop.tz)
    with CaseStore(config.storage.path) as store:
        _add_case(store, closed_at=at_cutoff - timedelta(seconds=1))
        _add_case(store, closed_at=at_cutoff)
        summary = retention.archive_old_cases(store, config, NOW)
    assert summary == "archived 1 closed case (closed before 2026-08-18)"


def test_old_sent_mail_without_a_case_is_dropped_but_never_mail_to_send(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    with CaseStore(config.storage.path) as store:
        case_id = _add_case(store, closed_at=None, status=CaseStatus.IN_PROGRESS)

        def notice(name: str, at: datetime, status: str) -> None:
            store.queue(OutgoingMail(f"<{name}@sklep.example>", "szef@sklep.example", "", ""), at)
            if status == "sent":
                store.mark_sent(f"<{name}@sklep.example>", at, "250 ok")
            elif status == "failed":
                store.mark_failed(f"<{name}@sklep.example>", "550 no such user", None)

        notice("old-sent", LONG_AGO, "sent")
        notice("old-failed", LONG_AGO, "failed")
        notice("old-pending", LONG_AGO, "pending")
        notice("recent-sent", NOW - timedelta(days=10), "sent")
        summary = retention.archive_old_cases(store, config, NOW)
    assert summary.endswith("; dropped 2 sent or failed mails without a case")
    with CaseStore(config.storage.path) as store:
        assert sorted(doc["message_id"] for doc in store.outbox()) == [
            f"<ack-{case_id}@sklep.example>",
            "<old-pending@sklep.example>",
            "<recent-sent@sklep.example>",
        ]
        assert store.outgoing("<old-sent@sklep.example>") is None


# -- the worker, the scheduler and the command line --------------------------------------


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    config = make_config(tmp_path)
    services = open_services(config, CaseStore(config.storage.path), ticking_clock())
    yield services
    services.store.close()


def test_a_new_mail_after_archiving_opens_a_new_case(services: Services) -> None:
    mailbox, sender, store = FakeMailbox(), FakeSender(), services.store
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = store.all_cases()
    store.save(replace(case, status=CaseStatus.CLOSED, closed_at=NOW.isoformat()))
    assert isinstance(services.clock, Clock)
    services.clock.advance(days=120)
    assert app.Running(services).retention().startswith("archived 1 closed case")
    archived = store.archive_path(case.id).read_text()
    (ack,) = sender.to(ANNA)
    mailbox.add(make_mail(message_id="<c2@poczta.example>", in_reply_to=ack.message_id))
    poll_once(services, mailbox, sender)
    (new,) = store.all_cases()
    assert new.id != case.id and store.get(case.id) is None
    assert store.archive_path(case.id).read_text() == archived


def test_run_schedules_the_retention_job_once_a_day(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs: dict[str, tuple[object, dict[str, object]]] = {}
    monkeypatch.setattr(app, "run_scheduler", jobs.update)
    app.Running(services).run_forever()
    job, trigger = jobs["retention"]
    assert trigger["trigger"] == "cron" and trigger["hour"] == app.RETENTION_HOUR
    scheduled = BackgroundScheduler().add_job(job, **trigger)  # APScheduler takes the trigger
    assert scheduled.misfire_grace_time == app.DAILY_JOB_GRACE_SECONDS


def _write_config(tmp_path: Path) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(
        '[shop]\nsupport_address = "reklamacje@sklep.example"\n'
        'staff_notify = "obsluga@sklep.example"\n'
        '[imap]\nhost = "127.0.0.1"\n[smtp]\nhost = "127.0.0.1"\n'
        f'[storage]\npath = "{tmp_path / "data" / "cases.json"}"\n'
    )
    return config


def test_the_command_archives_and_cases_show_still_finds_the_case(tmp_path: Path) -> None:
    config = _write_config(tmp_path)
    long_ago = datetime.now(UTC) - timedelta(days=200)  # the command runs on the real clock
    with CaseStore(tmp_path / "data" / "cases.json") as store:
        old = _add_case(store, closed_at=long_ago)
        hot = _add_case(store, closed_at=None, status=CaseStatus.IN_PROGRESS)
    runner = CliRunner()

    def cli(*args: str) -> str:
        result = runner.invoke(main, ["--config", str(config), *args])
        assert result.exit_code == 0, result.output
        return result.stdout

    summary = cli("retention")
    assert re.fullmatch(r"archived 1 closed case \(closed before \d{4}-\d\d-\d\d\)\n", summary)
    assert [case["id"] for case in json.loads(cli("cases", "list", "--json"))] == [hot]
    shown = json.loads(cli("cases", "show", old.lower(), "--json"))
    assert set(shown) >= CASE_KEYS and shown["id"] == old and shown["archived"] is True
    assert shown["events"][0]["message_id"] == f"<in-{old}@poczta.example>"
    assert cli("cases", "show", old).startswith(f"archived case, from {tmp_path}")
    assert json.loads(cli("cases", "show", hot, "--json"))["archived"] is False
    (tmp_path / "data" / "NOTES.json").write_text("{}")  # a file beside the archive folder
    outside = runner.invoke(main, ["--config", str(config), "cases", "show", "../notes"])
    assert outside.exit_code == 1 and "no case ../notes" in outside.stderr
