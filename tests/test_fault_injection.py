"""Kill the worker with SIGKILL at random points; nothing may be lost or doubled.

Each trial seeds a batch of customer mails (and a few robots) into a real IMAP server,
runs ``inbox-worker poll`` as a subprocess and kills it at a random moment, again and
again, until a poll completes. Then it checks: every mail left the inbox and reached the
processed folder, one case per complaint, one acknowledgement per case. The only duplicate
allowed is a reply the SMTP server accepted in the instant before it was recorded as sent:
such a resend carries the *same* Message-ID (the outbox stores the final mail), so it is
counted apart from a real duplicate (a second, differently rendered acknowledgement).

Trials: ``INBOX_WORKER_FAULT_TRIALS`` (default 50 in CI, 6 elsewhere).
"""

from __future__ import annotations

import email
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from imapclient import IMAPClient

from inbox_worker.embedded import EmbeddedSmtp, ImapAccount, start_smtp_sink
from tests.servers import reset_mailbox
from tests.support import make_mail, write_server_config

TRIALS = int(os.environ.get("INBOX_WORKER_FAULT_TRIALS", "50" if os.environ.get("CI") else "6"))
COMPLAINTS = 100
ROBOTS = 5
MAX_RUNS = 40


@dataclass
class Tally:
    trials: int = 0
    mails: int = 0
    runs: int = 0
    kills: int = 0
    lost: int = 0
    duplicated_cases: int = 0
    duplicated_replies: int = 0
    smtp_window_resends: int = 0
    notes: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def tally(request: pytest.FixtureRequest) -> Iterator[Tally]:
    result = Tally()
    yield result
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():  # the tally is the result: show it
        print(
            f"\nfault injection: {result.trials} trials, {result.mails} mails, "
            f"{result.runs} worker runs, {result.kills} SIGKILLs; lost {result.lost}, "
            f"duplicated cases {result.duplicated_cases}, duplicated replies "
            f"{result.duplicated_replies}, resends in the SMTP window {result.smtp_window_resends}"
        )


@pytest.fixture(scope="module")
def sink() -> Iterator[EmbeddedSmtp]:
    with start_smtp_sink() as smtp:
        yield smtp


def _mails(trial: int) -> list[bytes]:
    mails = [
        make_mail(
            sender=f"Klient {n} <klient{n}.{trial}@poczta.example>",
            subject=f"Reklamacja zamówienia {200000 + n}",
            body=f"Dzień dobry, czajnik z zamówienia {200000 + n} przecieka. Proszę o wymianę.",
            message_id=f"<t{trial}-m{n}@poczta.example>",
        )
        for n in range(COMPLAINTS)
    ]
    robots = [
        make_mail(
            sender=f"biuro{n}@firma.example",
            subject="Automatyczna odpowiedź: urlop",
            body="Jestem na urlopie do poniedziałku.",
            message_id=f"<t{trial}-r{n}@firma.example>",
            headers={"Auto-Submitted": "auto-replied"},
        )
        for n in range(ROBOTS)
    ]
    return mails + robots


def _run(config: Path, kill_after: float | None) -> int | None:
    """Run one poll; SIGKILL it after ``kill_after`` seconds. Its exit code, or None."""
    command = [sys.executable, "-m", "inbox_worker", "--config", str(config), "poll"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, stderr = process.communicate(timeout=kill_after)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.communicate()
        return None
    if process.returncode != 0:
        raise AssertionError(f"poll failed: {stderr.decode(errors='replace')[-2000:]}")
    return process.returncode


def _folder_ids(imap: ImapAccount, folder: str) -> Counter[str]:
    with IMAPClient(imap.host, imap.port, ssl=False) as client:
        client.login(imap.username, imap.password)
        client.select_folder(folder, readonly=True)
        uids = client.search("ALL")
        fetched = client.fetch(uids, ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"]) if uids else {}
    ids = Counter[str]()
    for item in fetched.values():
        header = item[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].decode()
        ids[header.partition(":")[2].strip()] += 1
    return ids


def _ack_ids(sink: EmbeddedSmtp) -> dict[str, list[str]]:
    """For each case id, the Message-IDs of every acknowledgement the sink received."""
    acks: dict[str, list[str]] = {}
    for received in sink.messages:
        message = email.message_from_bytes(received.data)
        if ".ack_new_case." in str(message["Message-ID"]):
            acks.setdefault(str(message["X-Inbox-Worker-Case"]), []).append(
                str(message["Message-ID"])
            )
    return acks


def test_sigkill_at_random_points_loses_and_doubles_nothing(
    tmp_path: Path, pymap_plain: ImapAccount, sink: EmbeddedSmtp, tally: Tally
) -> None:
    rng = random.Random(20261122)
    full_run = None
    for trial in range(TRIALS):
        reset_mailbox(pymap_plain)
        sink.clear()
        seeded = _mails(trial)
        pymap_plain.seed(seeded)
        data = tmp_path / f"trial-{trial}"
        config = data / "config.toml"
        data.mkdir()
        write_server_config(config, pymap_plain, sink, data, batch_size=25)
        started = time.monotonic()
        for run in range(MAX_RUNS):
            # Kill early runs at a random moment of a whole run; let the last ones finish.
            kill = rng.uniform(0.5, full_run) if full_run and run < 3 else None
            tally.runs += 1
            if _run(config, kill) is not None:
                break
            tally.kills += 1
        else:
            pytest.fail(f"trial {trial}: no poll completed in {MAX_RUNS} runs")
        if full_run is None:
            full_run = time.monotonic() - started
        _check(trial, pymap_plain, sink, data, len(seeded), tally)
    assert tally.lost == tally.duplicated_cases == tally.duplicated_replies == 0, tally.notes


def _check(
    trial: int, imap: ImapAccount, sink: EmbeddedSmtp, data: Path, seeded: int, tally: Tally
) -> None:
    tally.trials += 1
    tally.mails += seeded
    assert _folder_ids(imap, "INBOX") == Counter(), f"trial {trial}: mail left in INBOX"
    processed = _folder_ids(imap, "Processed")
    lost = seeded - len(processed)
    tally.lost += lost
    assert all(count == 1 for count in processed.values()), f"trial {trial}: copies doubled"
    to_robots = [m for m in sink.messages if any("firma.example" in r for r in m.rcpt_tos)]
    assert not to_robots, f"trial {trial}: answered a robot"
    store = json.loads((data / "cases.json").read_text())
    cases = list(store.get("cases", {}).values())
    customers = Counter(case["customer"] for case in cases)
    extra_cases = sum(count - 1 for count in customers.values())
    tally.duplicated_cases += extra_cases + abs(len(customers) - COMPLAINTS)
    acks = _ack_ids(sink)
    for case in cases:
        ids = acks.get(case["id"], [])
        distinct = len(set(ids))
        tally.duplicated_replies += max(distinct - 1, 0)
        tally.smtp_window_resends += len(ids) - distinct
        if distinct != 1:
            tally.notes.append(f"trial {trial}: case {case['id']} got {distinct} acknowledgements")
    if lost or extra_cases:
        tally.notes.append(f"trial {trial}: lost {lost}, duplicated cases {extra_cases}")
