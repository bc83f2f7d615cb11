"""The worker's logic over a fake mailbox and sender (the real servers: test_end_to_end.py).

These check the decisions of a poll cycle with plain data; crossing the IMAP and SMTP seams
is proven against real servers elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from inbox_worker.models import CaseStatus
from inbox_worker.pipeline import Services, open_services
from inbox_worker.store import CaseStore
from inbox_worker.worker import poll_once
from tests.support import NOW, FakeMailbox, FakeSender, make_config, make_mail

AUTH = {"Authentication-Results": "mx.sklep.example; dkim=pass header.d=sklep.example"}


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    config = make_config(tmp_path)
    store = CaseStore(config.storage.path)
    clock = iter(NOW + timedelta(seconds=n) for n in range(10**6))
    services = open_services(config, store, clock=lambda: next(clock))
    yield services
    services.store.close()  # the store the test left in place


def test_a_complaint_opens_a_case_with_ack_and_staff_notice(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    report = poll_once(services, mailbox, sender)
    assert (report.fetched, report.new_cases, report.sent) == (1, 1, 2)
    (case,) = services.store.all_cases()
    assert case.order_numbers == ("482913",) and case.status is CaseStatus.NEW
    assert case.deadline == "2026-11-30"
    (ack,) = sender.to("anna@poczta.example")
    assert f"[#{case.id}]" in ack.subject and "30 listopada 2026" in ack.text
    assert ack.in_reply_to == "<c1@poczta.example>"
    assert sender.to("obsluga@sklep.example")[0].reply_to == "reklamacje@sklep.example"
    assert mailbox.processed == [1] and not mailbox.mails


def test_the_same_mail_twice_is_processed_once(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))  # re-delivered copy
    report = poll_once(services, mailbox, sender)
    assert (report.new_cases, report.duplicates, len(sender.sent)) == (1, 1, 2)
    assert mailbox.processed == [1, 2]


def test_smtp_down_keeps_replies_in_the_outbox_and_ingestion_goes_on(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender(down=True)
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    report = poll_once(services, mailbox, sender)
    assert report.send_error and report.new_cases == 1 and mailbox.processed == [1]
    sender.down = False
    services.clock = lambda: NOW + timedelta(hours=1)
    assert poll_once(services, mailbox, sender).sent == 2


def test_a_poison_mail_is_quarantined_and_does_not_block_others(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import inbox_worker.pipeline as pipeline

    real = pipeline.understand

    def explode(mail, screening, understanding):  # type: ignore[no-untyped-def]
        if "BOOM" in mail.subject:
            raise RuntimeError("bug triggered by this mail")
        return real(mail, screening, understanding)

    monkeypatch.setattr(pipeline, "understand", explode)
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(subject="BOOM", message_id="<bad@x.example>"))
    mailbox.add(make_mail(message_id="<good@x.example>"))
    for _ in range(3):
        poll_once(services, mailbox, sender)
    assert mailbox.processed == [2]
    assert mailbox.mails == {1: mailbox.mails[1]}
    report = poll_once(services, mailbox, sender)
    assert report.quarantined == 1 and mailbox.quarantined == [1]
    assert "bug triggered" in services.store.quarantined()[0]["error"]


def test_robots_get_no_answer(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(subject="Out of office", headers={"Auto-Submitted": "auto-replied"}))
    mailbox.add(
        make_mail(
            sender="MAILER-DAEMON@mx.example",
            subject="Undelivered Mail Returned to Sender",
            body="This is the mail system at host mx.example.\n\n"
            "I'm sorry to have to inform you that your message could not be delivered.",
        )
    )
    report = poll_once(services, mailbox, sender)
    assert report.ignored == 2 and sender.sent == [] and services.store.all_cases() == []


def test_whole_case_by_mail(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    notice = sender.to("obsluga@sklep.example")[0]

    def staff(text: str, headers: dict[str, str] = AUTH) -> None:
        mailbox.add(
            make_mail(
                sender="anna.nowak@sklep.example",
                subject=f"Re: {notice.subject}",
                body=text,
                in_reply_to=notice.message_id,
                headers=headers,
            )
        )
        poll_once(services, mailbox, sender)

    staff("#status in_progress\n\nKurier odbierze czajnik w czwartek.\n\n-- \nAnna")
    update = sender.to("anna@poczta.example")[-1]
    assert update.template == "progress_update" and "Kurier odbierze czajnik" in update.text
    assert "-- \nAnna" not in update.text
    staff("#status closed", headers={})  # forged: no authentication
    assert services.store.get(case.id).status is CaseStatus.IN_PROGRESS
    assert sender.to("obsluga@sklep.example")[-1].template == "staff_security_alert"
    staff("#status uznana\n\nWymienimy czajnik na nowy.")
    assert sender.to("anna@poczta.example")[-1].template == "decision"
    assert services.store.get(case.id).answered_at is not None
    staff("#status zamknieta")
    survey = sender.to("anna@poczta.example")[-1]
    assert survey.template == "closing_survey"
    mailbox.add(
        make_mail(
            subject=f"Re: {survey.subject}",
            body="4\nDziękuję, sprawnie.",
            in_reply_to=survey.message_id,
        )
    )
    poll_once(services, mailbox, sender)
    assert services.store.get(case.id).rating == 4
    types = [event["type"] for event in services.store.events(case.id)]
    assert types.count("survey_sent") == 1 and "rated" in types


def test_unreadable_survey_answer_does_not_reopen_and_asks_once(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    notice = sender.to("obsluga@sklep.example")[0]
    mailbox.add(
        make_mail(
            sender="anna.nowak@sklep.example",
            subject=f"Re: {notice.subject}",
            body="#status closed",
            in_reply_to=notice.message_id,
            headers=AUTH,
        )
    )
    poll_once(services, mailbox, sender)
    survey = sender.to("anna@poczta.example")[-1]
    for answer in ("7", "dziesięć"):
        mailbox.add(
            make_mail(subject=f"Re: {survey.subject}", body=answer, in_reply_to=survey.message_id)
        )
        poll_once(services, mailbox, sender)
    stored = services.store.get(case.id)
    assert stored.status is CaseStatus.CLOSED and stored.rating is None
    asked = [m for m in sender.to("anna@poczta.example") if m.template == "survey_invalid"]
    assert len(asked) == 1


def test_staff_reply_without_tags_stays_internal(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    notice = sender.to("obsluga@sklep.example")[0]
    customer_mails = len(sender.to("anna@poczta.example"))
    mailbox.add(
        make_mail(
            sender="anna.nowak@sklep.example",
            subject=f"Re: {notice.subject}",
            body="Sprawdzę to jutro z magazynem.",
            in_reply_to=notice.message_id,
            headers=AUTH,
        )
    )
    poll_once(services, mailbox, sender)
    assert len(sender.to("anna@poczta.example")) == customer_mails
    assert sender.to("anna.nowak@sklep.example")[-1].template == "staff_error"
    (case,) = services.store.all_cases()
    assert any(e["type"] == "note" for e in services.store.events(case.id))


def test_disk_full_stops_the_cycle_safely_and_the_next_one_recovers(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import json
    import os

    import inbox_worker.store as store_module
    from inbox_worker.errors import StoreError

    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    path = services.config.storage.path
    before = path.read_bytes() if path.exists() else b""
    real_replace = os.replace

    def disk_full(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", disk_full)
    with pytest.raises(StoreError, match="No space left"):
        poll_once(services, mailbox, sender)
    assert mailbox.processed == [] and sender.sent == []  # nothing settled, nothing sent
    assert (path.read_bytes() if path.exists() else b"") == before  # nothing half-written
    assert not list(path.parent.glob(".*.tmp"))
    monkeypatch.setattr(store_module.os, "replace", real_replace)
    services.store.abandon()
    services.store = CaseStore(path)  # what a restarted worker finds
    report = poll_once(services, mailbox, sender)
    assert (report.new_cases, len(sender.sent), mailbox.processed) == (1, 2, [1])
    assert len(json.loads(path.read_text())["cases"]) == 1


def _staff_reply(sender: FakeSender, text: str) -> bytes:
    notice = sender.to("obsluga@sklep.example")[0]
    return make_mail(
        sender="anna.nowak@sklep.example",
        subject=f"Re: {notice.subject}",
        body=text,
        in_reply_to=notice.message_id,
        headers=AUTH,
    )


def test_caps_never_hold_back_what_staff_wrote(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    for n in range(8):  # the customer exhausts the hourly cap with status questions
        mailbox.add(
            make_mail(
                subject=f"Re: [#{case.id}] ?",
                body="Jaki jest status?",
                message_id=f"<q{n}@poczta.example>",
            )
        )
        poll_once(services, mailbox, sender)
    mailbox.add(_staff_reply(sender, "#status uznana\n\nWymienimy czajnik."))
    poll_once(services, mailbox, sender)
    assert sender.to("anna@poczta.example")[-1].template == "decision"
    assert services.store.get(case.id).answered_at is not None


def test_the_proof_of_an_answer_survives_a_crash_before_commit(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    mailbox.add(_staff_reply(sender, "#status uznana\n\nWymienimy czajnik."))
    sender.down = True  # the decision is committed to the outbox but not sent
    poll_once(services, mailbox, sender)
    decision = services.store.pending(NOW + timedelta(days=1))[0]
    services.store.mark_sent(decision.message_id, NOW, "250 ok")  # journalled at once ...
    services.store.abandon()  # ... and the worker dies before the next commit
    services.store = CaseStore(services.config.storage.path)
    answered = services.store.get(case.id)
    assert answered.answered_at is not None
    assert [e for e in services.store.events(case.id) if e["type"] == "answered"]


def test_a_broken_template_stops_the_cycle_instead_of_quarantining_mail(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inbox_worker.errors import TemplateError

    def broken(letter: object) -> None:
        raise TemplateError("template pl/ack_new_case.txt.j2: 'deadlin' is undefined")

    monkeypatch.setattr(services.templates, "render", broken)
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    for _ in range(4):
        with pytest.raises(TemplateError):
            poll_once(services, mailbox, sender)
    assert list(mailbox.mails) == [1] and mailbox.quarantined == []


def test_a_reused_message_id_is_not_taken_for_a_copy(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<1@localhost>"))
    mailbox.add(
        make_mail(
            sender="Jan <jan@poczta.example>",
            message_id="<1@localhost>",
            body="Paczka z zamówienia 512345 nie doszła.",
        )
    )
    report = poll_once(services, mailbox, sender)
    assert (report.new_cases, report.duplicates) == (2, 0)


def test_a_reopened_case_gets_a_new_clock(services: Services) -> None:
    mailbox, sender = FakeMailbox(), FakeSender()
    mailbox.add(make_mail(message_id="<c1@poczta.example>"))
    poll_once(services, mailbox, sender)
    (case,) = services.store.all_cases()
    mailbox.add(_staff_reply(sender, "#status uznana\nWymienimy."))
    mailbox.add(_staff_reply(sender, "#status zamknieta"))
    poll_once(services, mailbox, sender)
    later = NOW + timedelta(days=5)
    mailbox.add(
        make_mail(
            subject=f"Re: [#{case.id}]",
            body="Nowy czajnik też przecieka!",
            message_id="<c9@poczta.example>",
        ),
        at=later,
    )
    poll_once(services, mailbox, sender)
    reopened = services.store.get(case.id)
    assert reopened.status is CaseStatus.IN_PROGRESS and reopened.answered_at is None
    assert (case.deadline, reopened.deadline) == ("2026-11-30", "2026-12-05")
