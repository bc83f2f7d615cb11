"""How long `inbox-worker poll` takes for N mails, on pymap and on Dovecot (when installed).

Not a test: prints numbers. Each run seeds N distinct complaint mails into an empty INBOX,
then runs one `poll` (as the CLI does: load, fetch, process, commit, send, settle) in a
subprocess against an SMTP sink, and reports the wall time, mails/s and the worker's peak RSS.

    python benchmarks/bench_poll.py            # 100 and 1000 mails
    python benchmarks/bench_poll.py 100 5000
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from inbox_worker.embedded import (  # noqa: E402
    EmbeddedSmtp,
    ImapAccount,
    start_imap_server,
    start_smtp_sink,
)
from tests.servers import Dovecot, dovecot_binary, reset_mailbox  # noqa: E402
from tests.support import make_mail, write_server_config  # noqa: E402


def mails(count: int) -> list[bytes]:
    return [
        make_mail(
            sender=f"Klient {n} <klient{n}@poczta.example>",
            subject=f"Reklamacja zamówienia {300000 + n}",
            body=f"Dzień dobry, odkurzacz z zamówienia {300000 + n} przestał działać po "
            "tygodniu. Proszę o naprawę albo wymianę.\n\nPozdrawiam\nKlient",
            message_id=f"<bench-{n}@poczta.example>",
        )
        for n in range(count)
    ]


def run(server: str, imap: ImapAccount, smtp: EmbeddedSmtp, count: int) -> None:
    reset_mailbox(imap)
    started = time.monotonic()
    imap.seed(mails(count))
    seeded = time.monotonic() - started
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config.toml"
        extra = "[limits]\nmax_mails_per_recipient_hour = 1000"
        write_server_config(config, imap, smtp, Path(tmp), extra)
        command = [sys.executable, "-m", "inbox_worker", "--config", str(config), "poll"]
        output = Path(tmp) / "poll.out"
        started = time.monotonic()
        with output.open("wb") as sink:
            worker = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL)
            _pid, status, usage = os.wait4(worker.pid, 0)  # wait4: this child's own peak RSS
        took = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"poll failed with {os.waitstatus_to_exitcode(status)}")
        summary = output.read_text().strip()
    print(
        f"{server:8} {count:6} mails: poll {took:6.1f} s ({count / took:6.1f} mails/s, "
        f"incl. ~1.2 s start-up), peak RSS {usage.ru_maxrss / 1024:.0f} MB; "
        f"seeding {seeded:5.1f} s; {summary}"
    )


def main(counts: list[int]) -> None:
    with ExitStack() as stack:
        smtp = stack.enter_context(start_smtp_sink())
        servers = [("pymap", stack.enter_context(start_imap_server()))]
        binary = dovecot_binary()
        if binary:
            dovecot = stack.enter_context(Dovecot(None))
            dovecot.start(binary)
            servers.append(("dovecot", dovecot.account()))
        else:
            print("dovecot not installed: pymap only")
        for count in counts:
            for name, account in servers:
                run(name, account, smtp, count)
                smtp.clear()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [100, 1000])
