"""Caps on automatic mail per recipient, over whole poll cycles: however the screening is
fooled, one address gets at most ``limits.max_mails_per_recipient_hour`` automatic mails an
hour and ``..._day`` a day from us; notices to staff are never capped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from inbox_worker.archive import Archive
from inbox_worker.pipeline import Services, open_services
from inbox_worker.store import CaseStore
from inbox_worker.worker import poll_once
from tests.support import Clock, FakeMailbox, FakeSender, make_config, make_mail, ticking_clock

CUSTOMER = "anna.kowalska@poczta.example"
STAFF = "obsluga@sklep.example"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    config = make_config(tmp_path_factory.mktemp("loaded"))
    store = CaseStore(config.storage.path)
    yield open_services(config, store)
    store.close()


@dataclass
class Desk:
    """The worker with a fake mailbox and sender, and a clock the test moves."""

    services: Services
    clock: Clock
    mailbox: FakeMailbox
    sender: FakeSender

    def receive(self, data: bytes, then: timedelta = timedelta(minutes=2)) -> None:
        """One mail arrives and is polled; then time moves on."""
        self.mailbox.add(data)
        poll_once(self.services, self.mailbox, self.sender)
        self.clock.advance(seconds=then.total_seconds())

    def assert_within_caps(self, address: str) -> None:
        """Every rolling hour and day holds at most the cap of mails queued to ``address``."""
        limits = self.services.config.limits
        times = [
            datetime.fromisoformat(doc["queued_at"])
            for doc in self.services.store.outbox()
            if doc["mail"]["to"].lower() == address
        ]
        for at in times:
            hour = [t for t in times if at - timedelta(hours=1) < t <= at]
            day = [t for t in times if at - timedelta(days=1) < t <= at]
            assert len(hour) <= limits.max_mails_per_recipient_hour, at
            assert len(day) <= limits.max_mails_per_recipient_day, at

    def to(self, address: str, template: str | None = None) -> int:
        return len([m for m in self.sender.to(address) if template in (None, m.template)])


@pytest.fixture
def make_desk(loaded: Services, tmp_path: Path) -> Iterator[Any]:
    stores: list[CaseStore] = []

    def make(**limits: int) -> Desk:
        config = make_config(tmp_path / str(len(stores)), limits=limits)
        store = CaseStore(config.storage.path)
        stores.append(store)
        clock = ticking_clock()
        archive = Archive(config.storage.data_dir / "mail")
        services = replace(loaded, config=config, store=store, archive=archive, clock=clock)
        return Desk(services, clock, FakeMailbox(), FakeSender())

    yield make
    for store in stores:
        store.close()


def complaint(number: int, sender: str = CUSTOMER) -> bytes:
    """A complaint about its own order, so that each one opens a case with an ack."""
    return make_mail(
        sender=sender,
        subject=f"Reklamacja zamówienia {500000 + number}",
        body=f"Dzień dobry, czajnik z zamówienia {500000 + number} przecieka. Proszę o wymianę.",
        message_id=f"<c{number}.{sender.rpartition('@')[0]}@poczta.example>",
    )


def test_thirty_complaints_in_an_hour_get_the_hourly_cap_of_acks(make_desk: Any) -> None:
    desk = make_desk()
    cap = desk.services.config.limits.max_mails_per_recipient_hour
    for number in range(30):  # one every 90 seconds: under 45 minutes from first to last
        desk.receive(complaint(number), then=timedelta(seconds=90))
    assert len(desk.services.store.all_cases()) == 30  # every complaint is kept
    assert desk.to(CUSTOMER) == desk.to(CUSTOMER, "ack_new_case") == cap
    assert desk.to(STAFF, "staff_new_case") == 30  # staff notices are not capped
    assert not desk.mailbox.mails
    desk.assert_within_caps(CUSTOMER)


def test_the_next_hour_allows_more(make_desk: Any) -> None:
    desk = make_desk()
    cap = desk.services.config.limits.max_mails_per_recipient_hour
    for number in range(cap + 3):
        desk.receive(complaint(number), then=timedelta(minutes=1))
    assert desk.to(CUSTOMER) == cap
    desk.clock.advance(minutes=60)
    desk.receive(complaint(100))
    assert desk.to(CUSTOMER) == cap + 1


def test_the_daily_cap_holds_over_a_day_and_lifts_the_next(make_desk: Any) -> None:
    desk = make_desk()
    limits = desk.services.config.limits
    for number in range(24 * 5):  # one every 12 minutes for a day: within the hourly cap
        desk.receive(complaint(number), then=timedelta(minutes=12))
    assert desk.to(CUSTOMER) == limits.max_mails_per_recipient_day
    assert desk.to(STAFF, "staff_new_case") == 24 * 5
    desk.assert_within_caps(CUSTOMER)
    desk.clock.advance(hours=1)
    desk.receive(complaint(1000))
    assert desk.to(CUSTOMER) == limits.max_mails_per_recipient_day + 1


def test_caps_count_every_automatic_mail_not_only_acks(make_desk: Any) -> None:
    desk = make_desk()
    cap = desk.services.config.limits.max_mails_per_recipient_hour
    desk.receive(complaint(1))
    ack = desk.sender.to(CUSTOMER)[0]
    for number in range(30):
        desk.receive(
            make_mail(
                sender=CUSTOMER,
                subject=f"Re: {ack.subject}",
                body="Dzień dobry, jaki jest status mojej reklamacji?",
                message_id=f"<q{number}@poczta.example>",
                in_reply_to=ack.message_id,
            ),
            then=timedelta(minutes=1),
        )
    assert desk.to(CUSTOMER, "ack_new_case") == 1
    assert desk.to(CUSTOMER, "status_reply") == cap - 1
    assert len(desk.services.store.all_cases()) == 1
    desk.assert_within_caps(CUSTOMER)


def test_caps_are_per_recipient_and_ignore_the_case_of_the_address(make_desk: Any) -> None:
    desk = make_desk()
    cap = desk.services.config.limits.max_mails_per_recipient_hour
    for number in range(10):
        shouting = CUSTOMER.upper() if number % 2 else CUSTOMER
        desk.receive(complaint(number, sender=shouting), then=timedelta(minutes=1))
        desk.receive(complaint(number, sender="jan.nowak@poczta.example"))
    assert len([m for m in desk.sender.sent if m.to.lower() == CUSTOMER]) == cap
    assert desk.to("jan.nowak@poczta.example") == cap


def test_the_caps_come_from_the_config(make_desk: Any) -> None:
    desk = make_desk(max_mails_per_recipient_hour=2, max_mails_per_recipient_day=3)
    for number in range(6):
        desk.receive(complaint(number), then=timedelta(minutes=5))
    assert desk.to(CUSTOMER) == 2
    desk.clock.advance(hours=2)
    for number in range(6, 12):
        desk.receive(complaint(number), then=timedelta(minutes=5))
    assert desk.to(CUSTOMER) == 3


def test_the_caps_survive_a_restart_of_the_worker(make_desk: Any) -> None:
    desk = make_desk()
    cap = desk.services.config.limits.max_mails_per_recipient_hour
    for number in range(cap):
        desk.receive(complaint(number), then=timedelta(minutes=1))
    desk.services.store.close()
    reopened = CaseStore(desk.services.config.storage.path)
    desk.services = replace(desk.services, store=reopened)
    try:
        desk.receive(complaint(99))
        assert desk.to(CUSTOMER) == cap
        assert desk.to(STAFF, "staff_new_case") == cap + 1
    finally:
        reopened.close()


def test_mails_about_one_case_are_capped_per_day(make_desk: Any) -> None:
    desk = make_desk(
        max_mails_per_case_day=4, max_mails_per_recipient_hour=100, max_mails_per_recipient_day=100
    )
    desk.receive(complaint(1))  # ack + staff notice: 2 mails about the case
    (case,) = desk.services.store.all_cases()
    for n in range(10):  # the customer asks where the case stands, again and again
        desk.receive(
            make_mail(
                sender=CUSTOMER,
                subject=f"Re: [#{case.id}] status",
                body="Jaki jest status mojej reklamacji?",
                message_id=f"<q{n}@poczta.example>",
            )
        )
    to_customer = desk.to(CUSTOMER)
    assert to_customer == 3  # the ack and two status replies: 4 mails about the case
    desk.clock.advance(days=1)
    desk.receive(
        make_mail(
            sender=CUSTOMER,
            subject=f"Re: [#{case.id}] x",
            body="Jaki jest status?",
            message_id="<q-next-day@poczta.example>",
        )
    )
    assert desk.to(CUSTOMER) == to_customer + 1
