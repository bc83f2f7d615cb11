"""Deadline reminders (with a controllable clock), the stage report and case selection."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from inbox_worker.deadlines import deadline_for
from inbox_worker.models import Category
from inbox_worker.pipeline import Services, open_services
from inbox_worker.reports import queue_deadline_reminders, render_stage_report, stage_report
from inbox_worker.store import CaseStore
from inbox_worker.worker import poll_once
from tests.support import NOW, Clock, FakeMailbox, FakeSender, make_config, make_mail

AUTH = {"Authentication-Results": "mx.sklep.example; dkim=pass header.d=sklep.example"}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[Services, Clock, FakeMailbox, FakeSender]]:
    config = make_config(tmp_path)
    store = CaseStore(config.storage.path)
    clock = Clock(NOW)
    yield open_services(config, store, clock=clock), clock, FakeMailbox(), FakeSender()
    store.close()


def test_deadline_counts_calendar_days_from_arrival_in_shop_time() -> None:
    config = make_config(Path("/tmp"))
    late_evening_utc = datetime.fromisoformat("2026-11-16T23:30:00+00:00")  # 00:30 in Warsaw
    assert deadline_for(late_evening_utc, Category.DEFECTIVE, config.shop)[0].isoformat() == (
        "2026-12-01"
    )
    day, kind = deadline_for(NOW, Category.RETURN, config.shop)
    assert (day.isoformat(), kind) == ("2026-11-30", "withdrawal")


def test_reminders_for_due_soon_and_overdue_cases(world: tuple) -> None:  # type: ignore[type-arg]
    services, clock, mailbox, sender = world
    mailbox.add(make_mail(message_id="<a@x.example>"))
    mailbox.add(
        make_mail(
            sender="Jan <jan@x.example>",
            message_id="<b@x.example>",
            body="Paczka z zamówienia 512345 nie doszła, proszę o zwrot pieniędzy.",
        )
    )
    poll_once(services, mailbox, sender)
    assert queue_deadline_reminders(services).endswith("reminders queued: 0")
    clock.now = NOW + timedelta(days=12)  # two days before 2026-11-30
    summary = queue_deadline_reminders(services)
    assert summary == "due soon: 2, overdue: 0, reminders queued: 1"
    clock.now = NOW + timedelta(days=15)
    assert queue_deadline_reminders(services).startswith("due soon: 0, overdue: 2")
    overdue = services.store.pending(clock.now)[-1]
    assert overdue.to == "obsluga@sklep.example" and overdue.template == "owner_overdue"
    assert overdue.text.count("[#R2611-") == 2


def test_a_decision_sent_stops_the_clock(world: tuple) -> None:  # type: ignore[type-arg]
    services, clock, mailbox, sender = world
    mailbox.add(make_mail(message_id="<a@x.example>"))
    poll_once(services, mailbox, sender)
    notice = sender.to("obsluga@sklep.example")[0]
    mailbox.add(
        make_mail(
            sender="anna.nowak@sklep.example",
            subject=f"Re: {notice.subject}",
            body="#status accepted\nWymienimy.",
            in_reply_to=notice.message_id,
            headers=AUTH,
        )
    )
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    answered = [e for e in services.store.events(case.id) if e["type"] == "answered"]
    assert answered and answered[0]["server_reply"] == "250 ok"
    clock.now = NOW + timedelta(days=20)
    assert queue_deadline_reminders(services).startswith("due soon: 0, overdue: 0")


def test_stage_report_groups_cases_by_stage(world: tuple) -> None:  # type: ignore[type-arg]
    services, clock, mailbox, sender = world
    mailbox.add(make_mail(message_id="<a@x.example>"))
    mailbox.add(
        make_mail(
            sender="jan@x.example",
            message_id="<b@x.example>",
            body="Kurier zgubił paczkę z zamówienia 512345, nie doszła.",
        )
    )
    poll_once(services, mailbox, sender)
    report = stage_report(services.store, services.config, NOW - timedelta(days=1))
    assert report["cases"] == 2
    assert report["stages"]["product"]["categories"] == {"defective": 1}
    assert report["stages"]["delivery"]["categories"] == {"not_delivered": 1}
    assert "delivery" in render_stage_report(report)
