"""End to end on real servers: IMAP (pymap, and Dovecot where installed) and an SMTP sink.

Customer mail appended to INBOX → poll → one case per complaint, one acknowledgement per
case captured by the SMTP server, mail moved to the processed folder; replies thread into
their case; polling again changes nothing.
"""

from __future__ import annotations

import email
import email.policy
import subprocess
import sys
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from imapclient import IMAPClient

from inbox_worker import app
from inbox_worker.config import Config
from inbox_worker.embedded import EmbeddedSmtp, ImapAccount
from tests.support import NOW, PROJECT, Clock, make_config, make_mail

DEMO_MAIL = sorted((PROJECT / "inbox_worker" / "demo_mail").glob("*.eml"))


def _config(tmp_path: Path, imap: ImapAccount, smtp: EmbeddedSmtp) -> Config:
    return make_config(
        tmp_path,
        imap={
            "host": imap.host,
            "port": imap.port,
            "security": "none",
            "username": imap.username,
            "password": imap.password,
        },
        smtp={"host": smtp.host, "port": smtp.port, "security": "none", "username": ""},
    )


def _folder_count(config: Config, folder: str) -> int:
    """How many mails ``folder`` holds, asked with a plain client of our own."""
    with IMAPClient(config.imap.host, config.imap.port, ssl=False) as client:
        client.login(config.imap.username, config.imap.password or "")
        return int(client.select_folder(folder, readonly=True)[b"EXISTS"])


def _parsed(smtp: EmbeddedSmtp) -> list[EmailMessage]:
    return [
        email.message_from_bytes(m.data, policy=email.policy.default)  # type: ignore[misc]
        for m in smtp.messages
    ]


def _text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    return body.get_content() if body is not None else ""


def test_mailbox_to_cases_to_acknowledgements(
    tmp_path: Path, imap_server: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    config = _config(tmp_path, imap_server, smtp_server)
    imap_server.seed([(path.read_bytes(), NOW) for path in DEMO_MAIL])
    with app.opened(config) as running:
        report = running.poll()
        cases = running.services.store.all_cases()
    assert (report.fetched, report.new_cases, report.ignored) == (5, 4, 1)
    assert len(cases) == 4
    acks = [m for m in _parsed(smtp_server) if m["To"] != "obsluga@sklep.example"]
    assert sorted(m["To"] for m in acks) == sorted(case.customer for case in cases)
    for case in cases:
        (ack,) = [m for m in acks if m["To"] == case.customer]
        assert f"[#{case.id}]" in ack["Subject"]
        assert ack["Auto-Submitted"] == "auto-replied"
        assert ack["Message-ID"].endswith("@sklep.example>")
        assert ack["In-Reply-To"] in case.thread_ids
        deadline = "30 listopada 2026" if case.language == "pl" else "30 November 2026"
        assert deadline in _text(ack)
        assert ack.get_body(("html",)) is not None
    assert _folder_count(config, "INBOX") == 0
    assert _folder_count(config, "Processed") == 5


def test_a_reply_joins_its_case_and_a_second_poll_changes_nothing(
    tmp_path: Path, imap_server: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    config = _config(tmp_path, imap_server, smtp_server)
    imap_server.seed([make_mail(message_id="<c1@poczta.example>")])
    with app.opened(config) as running:
        running.poll()
        (ack,) = [m for m in _parsed(smtp_server) if m["To"] == "anna@poczta.example"]
        reply = make_mail(
            subject=f"Re: {ack['Subject']}",
            in_reply_to=ack["Message-ID"],
            body="Dodaję zdjęcie, czajnik nadal przecieka.\n\nAnna",
        )
        imap_server.seed([reply])
        report = running.poll()
        assert (report.fetched, report.new_cases, report.updates) == (1, 0, 1)
        (case,) = running.services.store.all_cases()
        assert len(case.thread_ids) >= 3
        sent_before = len(smtp_server.messages)
        store_before = config.storage.path.read_bytes()
        again = running.poll()
    assert again.fetched == 0 and len(smtp_server.messages) == sent_before
    to_customer = [m for m in _parsed(smtp_server) if m["To"] == "anna@poczta.example"]
    assert len(to_customer) == 1  # the follow-up got no second acknowledgement
    assert _folder_count(config, "Processed") == 2
    assert store_before.count(b"R2611-0001") > 0


def test_poll_command_prints_a_summary_and_fails_clearly(
    tmp_path: Path, imap_server: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    imap_server.seed([make_mail(message_id="<c1@poczta.example>")])
    config_file = tmp_path / "config.toml"
    config_file.write_text(f"""
[shop]
support_address = "reklamacje@sklep.example"
staff_notify = "obsluga@sklep.example"
[imap]
host = "{imap_server.host}"
port = {imap_server.port}
security = "none"
username = "{imap_server.username}"
password_env = "TEST_IMAP_PASSWORD"
[smtp]
host = "{smtp_server.host}"
port = {smtp_server.port}
security = "none"
[understanding]
rules_dir = "{PROJECT / "rules"}"
[templates]
dir = "{PROJECT / "templates"}"
""")
    env = {"PATH": "/usr/bin:/bin", "TEST_IMAP_PASSWORD": imap_server.password}
    command = [sys.executable, "-m", "inbox_worker", "--config", str(config_file), "poll"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert "fetched 1, new cases 1" in done.stdout
    assert "action=open_case" in done.stderr  # one disposition line per mail
    env["TEST_IMAP_PASSWORD"] = "wrong-password"
    failed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert failed.returncode == 1
    assert failed.stderr.startswith("error: ") and failed.stderr.count("\n") == 1
    assert "wrong-password" not in failed.stderr


AUTH = {"Authentication-Results": "mx.sklep.example; dkim=pass header.d=sklep.example"}
STAFF = "anna.nowak@sklep.example"


def _last_to(smtp: EmbeddedSmtp, address: str) -> EmailMessage:
    return [m for m in _parsed(smtp) if m["To"] == address][-1]


def _answer(ours: EmailMessage, sender: str, body: str, **kw: object) -> bytes:
    return make_mail(
        sender=sender,
        subject=f"Re: {ours['Subject']}",
        body=body,
        in_reply_to=ours["Message-ID"],
        **kw,
    )  # type: ignore[arg-type]


def test_whole_case_by_mail_on_real_servers(
    tmp_path: Path, imap_server: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    config = _config(tmp_path, imap_server, smtp_server)
    clock = Clock(NOW)
    customer, staff_box = "anna@poczta.example", "obsluga@sklep.example"
    imap_server.seed([(make_mail(message_id="<c1@poczta.example>"), NOW)])
    with app.opened(config, clock=clock) as running:
        store = running.services.store

        def poll(mail: bytes) -> None:
            imap_server.seed([mail])
            clock.now += timedelta(hours=1)
            running.poll()

        running.poll()
        (case,) = store.all_cases()
        notice = _last_to(smtp_server, staff_box)
        assert "Nowa reklamacja" in notice["Subject"]
        assert _last_to(smtp_server, staff_box)["Reply-To"] == "reklamacje@sklep.example"
        poll(
            _answer(
                notice,
                STAFF,
                "#status in_progress\n\nKurier odbierze czajnik w czwartek.\n\nAnna Nowak",
                headers=AUTH,
            )
        )
        update = _last_to(smtp_server, customer)
        assert "Kurier odbierze czajnik w czwartek." in _text(update)
        assert f"[#{case.id}]" in update["Subject"]
        poll(_answer(notice, STAFF, "#status closed\n\nZamykam."))  # forged
        assert store.get(case.id).status.value == "in_progress"
        assert (
            "Security" in _last_to(smtp_server, staff_box)["Subject"]
            or "bezpiecze" in (_last_to(smtp_server, staff_box)["Subject"])
        )
        poll(_answer(notice, STAFF, "#status accepted\nWymienimy czajnik.", headers=AUTH))
        assert "uznana" in _last_to(smtp_server, customer)["Subject"]
        clock.now = NOW + timedelta(days=20)
        running.deadlines()  # the forged mail's own new case is due; ours was answered
        assert store.get(case.id).answered_at is not None
        assert case.id not in _text(_last_to(smtp_server, staff_box))
        poll(_answer(notice, STAFF, "#status zamknieta", headers=AUTH))
        survey = _last_to(smtp_server, customer)
        assert "1" in _text(survey) and "5" in _text(survey)
        poll(_answer(survey, customer, "4\nSprawnie, dziękuję."))
        assert store.get(case.id).rating == 4
        surveys = [m for m in _parsed(smtp_server) if ".closing_survey." in m["Message-ID"]]
        assert len(surveys) == 1


def test_stranger_missing_order_and_deadline_job_on_real_servers(
    tmp_path: Path, imap_server: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    config = _config(tmp_path, imap_server, smtp_server)
    clock = Clock(NOW)
    no_order = make_mail(
        sender="Jan <jan@poczta.example>",
        message_id="<n1@poczta.example>",
        body="Dzien dobry, w paczce brakuje ladowarki. Prosze o doslanie.",
    )
    imap_server.seed([(make_mail(message_id="<c1@poczta.example>"), NOW), (no_order, NOW)])
    with app.opened(config, clock=clock) as running:
        store = running.services.store
        running.poll()
        anna = store.cases_for_customer("anna@poczta.example")[0]
        waiting = store.cases_for_customer("jan@poczta.example")[0]
        assert waiting.waiting_for == "order_number"
        assert "numeru zamówienia" in _text(_last_to(smtp_server, "jan@poczta.example"))
        stranger = make_mail(
            sender="eve@evil.example",
            subject=f"Re: [#{anna.id}] zmiana",
            body="Proszę zmienić adres dostawy.",
        )
        answer = _answer(
            _last_to(smtp_server, "jan@poczta.example"),
            "jan@poczta.example",
            "Numer zamowienia: 523363",
        )
        imap_server.seed([(stranger, NOW), (answer, NOW)])
        running.poll()
        assert len(store.cases_for_customer("eve@evil.example")) == 1
        assert store.get(anna.id).thread_ids == anna.thread_ids  # the stranger did not join
        completed = store.get(waiting.id)
        assert completed.order_numbers == ("523363",) and completed.waiting_for is None
        clock.now = NOW + timedelta(days=12)
        assert running.deadlines().startswith("due soon: 3, overdue: 0")
        clock.now = NOW + timedelta(days=15)
        assert running.deadlines().startswith("due soon: 0, overdue: 3")
    overdue = _last_to(smtp_server, "obsluga@sklep.example")
    assert anna.id in _text(overdue) and waiting.id in _text(overdue)
