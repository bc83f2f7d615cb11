"""The command line on real servers: run + SIGTERM, status, cases, quarantine, preview."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from inbox_worker.embedded import EmbeddedSmtp, ImapAccount
from tests.support import PROJECT, make_mail, write_server_config

CASE_KEYS = {
    "id",
    "status",
    "customer",
    "customer_name",
    "language",
    "order_numbers",
    "category",
    "resolution",
    "deadline",
    "rating",
    "events",
}


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "inbox_worker", "--config", str(config), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)


@pytest.fixture
def config(tmp_path: Path, pymap_plain: ImapAccount, smtp_server: EmbeddedSmtp) -> Path:
    from tests.servers import reset_mailbox

    reset_mailbox(pymap_plain)
    extra = "[schedule]\npoll_seconds = 5"
    return write_server_config(tmp_path / "config.toml", pymap_plain, smtp_server, extra=extra)


def test_run_polls_on_schedule_and_stops_cleanly_on_sigterm(
    config: Path, pymap_plain: ImapAccount, smtp_server: EmbeddedSmtp
) -> None:
    pymap_plain.seed([make_mail(message_id="<r1@poczta.example>")])
    command = [sys.executable, "-m", "inbox_worker", "--config", str(config), "run"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(smtp_server.messages) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert len(smtp_server.messages) == 2
    assert "scheduler stopped" in stderr


def test_status_is_healthy_after_a_poll_and_unhealthy_when_the_mailbox_is_down(
    config: Path, pymap_plain: ImapAccount, smtp_server: EmbeddedSmtp, tmp_path: Path
) -> None:
    pymap_plain.seed([make_mail(message_id="<s1@poczta.example>")])
    assert _cli(config, "poll").returncode == 0
    healthy = _cli(config, "status")
    assert healthy.returncode == 0, healthy.stdout
    assert healthy.stdout.startswith("status: healthy")
    assert "outbox: 0 waiting" in healthy.stdout
    broken = config.read_text().replace(f"port = {pymap_plain.port}", "port = 9")
    config.write_text(broken)
    unhealthy = _cli(config, "status")
    assert unhealthy.returncode == 1
    assert "UNHEALTHY: mailbox unreachable" in unhealthy.stdout


def test_cases_list_and_show_follow_the_json_contract(
    config: Path, pymap_plain: ImapAccount
) -> None:
    pymap_plain.seed([make_mail(message_id="<j1@poczta.example>")])
    assert _cli(config, "poll").returncode == 0
    listed = json.loads(_cli(config, "cases", "list", "--json").stdout)
    assert len(listed) == 1 and set(listed[0]) >= CASE_KEYS
    case_id = listed[0]["id"]
    shown = json.loads(_cli(config, "cases", "show", case_id, "--json").stdout)
    assert shown["id"] == case_id and shown["order_numbers"] == ["482913"]
    event = shown["events"][0]
    assert {"at", "type", "message_id"} <= set(event) and event["type"] == "mail_in"
    assert "T" in event["at"] and len(shown["deadline"]) == 10
    assert _cli(config, "cases", "show", "R9999-9999").returncode == 1
    table = _cli(config, "cases", "list").stdout
    assert case_id in table and "DEADLINE" in table


def test_quarantine_list_and_retry(
    config: Path, pymap_plain: ImapAccount, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A mail with no header line at all cannot be parsed: it fails until quarantined.
    pymap_plain.seed([b"\x00\x01 this is not a mail at all \xff\xfe" * 10])
    for _ in range(4):
        assert _cli(config, "poll").returncode == 0
    listed = _cli(config, "quarantine", "list").stdout
    assert "failed 3 times" in listed, listed
    quarantine_id = listed.split()[0]
    working = config.read_text()
    config.write_text(working.replace(f"port = {pymap_plain.port}", "port = 9"))
    assert _cli(config, "quarantine", "retry", quarantine_id).returncode == 1  # IMAP down
    assert quarantine_id in _cli(config, "quarantine", "list").stdout  # the record is kept
    config.write_text(working)
    retried = _cli(config, "quarantine", "retry", quarantine_id)
    assert retried.returncode == 0, retried.stderr
    assert "back in INBOX" in retried.stdout
    assert _cli(config, "quarantine", "list").stdout.strip() == "quarantine is empty"


def test_templates_preview_and_classify_json(config: Path) -> None:
    preview = _cli(config, "templates", "preview", "ack_new_case", "--language", "en")
    assert preview.returncode == 0 and "Subject: [#R2611-0042]" in preview.stdout
    mails = sorted((PROJECT / "inbox_worker" / "demo_mail").glob("*.eml"))
    done = _cli(config, "classify", "--json", *map(str, mails))
    records = [json.loads(line) for line in done.stdout.splitlines()]
    keys = {
        "file",
        "kind",
        "language",
        "order_numbers",
        "category",
        "resolution",
        "customer_name",
        "rating",
        "explanation",
    }
    assert len(records) == len(mails) and all(keys <= set(r) for r in records)
    assert records[0]["order_numbers"] == ["482913"]
