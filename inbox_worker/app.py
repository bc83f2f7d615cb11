"""Wire the edges together from a ``Config``: the services, the mailbox, the sender, the jobs.

``opened(config)`` gives a ``Running`` worker whose methods are the jobs of DESIGN.md
section 1 (``poll``, ``deliver``, ``deadlines``, ``digest``, ``retention``); ``inbox-worker
poll`` calls one, ``run`` hands them all to the scheduler.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from inbox_worker import reports, retention
from inbox_worker.config import Config
from inbox_worker.digest import queue_digest
from inbox_worker.errors import InboxWorkerError, MailboxError, SendError
from inbox_worker.imap import ImapMailbox
from inbox_worker.pipeline import Services, open_services
from inbox_worker.smtp import Sender, SmtpSender
from inbox_worker.store import CaseStore
from inbox_worker.worker import PollReport, deliver, poll_once, run_scheduler

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]

# The retention job runs once a day at this hour (shop time), away from office hours.
RETENTION_HOUR = 3
# APScheduler skips a run that starts more than 1 s late by default; with one worker
# thread a poll in progress at the hour would make the daily job miss its day.
DAILY_JOB_GRACE_SECONDS = 6 * 3600


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Running:
    """A worker with its services loaded; each method is one job."""

    services: Services
    imap_password: str = ""
    smtp_password: str = ""

    @property
    def config(self) -> Config:
        return self.services.config

    def mailbox(self) -> ImapMailbox:
        return ImapMailbox(self.config.imap, self.imap_password)

    def sender(self) -> AbstractContextManager[Sender]:
        smtp = self.config.smtp
        sender: AbstractContextManager[Sender] = SmtpSender(
            smtp,
            self.smtp_password,
            self.config.shop.support_address,
            self.config.shop.name,
        )
        return sender

    def poll(self) -> PollReport:
        with self.mailbox() as mailbox:
            report = poll_once(self.services, mailbox, self.sender)
        self.services.store.beat(self.services.clock())
        return report

    def deliver(self) -> PollReport:
        """Send the outbox; a server that is down raises, so the scheduler backs off."""
        report = deliver(self.services, self.sender)
        if report.send_error:
            raise SendError(report.send_error)
        return report

    def deadlines(self) -> str:
        """Queue and send the deadline reminders; returns a one-line summary."""
        summary = reports.queue_deadline_reminders(self.services)
        self.services.store.commit()
        deliver(self.services, self.sender)  # if sending fails, the deliver job retries
        return summary

    def digest(self) -> str:
        """Queue the owner's digest of the days just past (once per period) and send it;
        returns a one-line summary."""
        services = self.services
        summary = queue_digest(services.store, services.templates, self.config, services.clock())
        services.store.commit()
        deliver(services, self.sender)  # if sending fails, the deliver job retries
        return summary

    def retention(self) -> str:
        """Archive the old closed cases (committed); returns a one-line summary."""
        store, now = self.services.store, self.services.clock()
        return retention.archive_old_cases(store, self.config, now)

    def run_forever(self) -> None:
        schedule = self.config.schedule
        now = datetime.now().astimezone()
        run_scheduler(
            {
                "poll": (
                    self.poll,
                    {"trigger": "interval", "seconds": schedule.poll_seconds, "next_run_time": now},
                ),
                "deliver": (
                    self.deliver,
                    {"trigger": "interval", "seconds": schedule.deliver_seconds},
                ),
                "deadlines": (
                    self.deadlines,
                    {
                        "trigger": "cron",
                        "hour": schedule.deadlines_cron_hour,
                        "timezone": self.config.shop.timezone,
                        "misfire_grace_time": DAILY_JOB_GRACE_SECONDS,
                    },
                ),
                "digest": (
                    self.digest,
                    {
                        "trigger": "cron",
                        "day_of_week": self.config.digest.weekday,
                        "hour": self.config.digest.hour,
                        "timezone": self.config.shop.timezone,
                        "misfire_grace_time": DAILY_JOB_GRACE_SECONDS,
                    },
                ),
                "retention": (
                    self.retention,
                    {
                        "trigger": "cron",
                        "hour": RETENTION_HOUR,
                        "timezone": self.config.shop.timezone,
                        "misfire_grace_time": DAILY_JOB_GRACE_SECONDS,
                    },
                ),
            }
        )


@contextmanager
def opened(config: Config, connect: bool = True, clock: Clock = _utc_now) -> Iterator[Running]:
    """Open the store (taking its lock) and load everything; close cleanly on the way out."""
    # Secrets are checked before anything is fetched: a missing one stops us at the start.
    imap_password = config.imap.resolve_password("imap") if connect else ""
    smtp_password = config.smtp.resolve_password("smtp")
    store = CaseStore(config.storage.path)
    try:
        running = Running(open_services(config, store, clock), imap_password, smtp_password)
        yield running
    except BaseException:
        store.abandon()
        raise
    store.close()


def health(config: Config) -> tuple[bool, list[str]]:
    """The lines of `inbox-worker status` and whether the worker is healthy."""
    store = CaseStore.for_reading(config.storage.path)
    now = _utc_now()
    lines, healthy = reports.store_health(store, config, now)
    try:
        with ImapMailbox(config.imap, config.imap.resolve_password("imap")) as mailbox:
            waiting, oldest = mailbox.waiting()
        lines.append(f"mails waiting in {config.imap.folder}: {waiting}")
        lines.append(f"oldest waiting mail: {oldest.isoformat() if oldest else '-'}")
        if oldest is not None and (now - oldest).total_seconds() > 3600:
            healthy = False
            lines.append("UNHEALTHY: mail has been waiting for over an hour")
    except InboxWorkerError as exc:
        healthy = False
        lines.append(f"UNHEALTHY: mailbox unreachable: {exc}")
    lines.insert(0, "status: " + ("healthy" if healthy else "UNHEALTHY"))
    return healthy, lines


def retry_quarantined(config: Config, quarantine_id: str) -> str:
    """Move a quarantined mail back to the inbox and forget its failures (only once the
    mail really is back: a failed move keeps the record, so it can be retried)."""
    with CaseStore(config.storage.path) as store:
        record = store.release(quarantine_id)
        if record is None:
            raise MailboxError(f"no quarantined mail {quarantine_id} (see `quarantine list`)")
        with ImapMailbox(config.imap, config.imap.resolve_password("imap")) as mailbox:
            mailbox.requeue_by_digest(record["sha256"])
    label = record["message_id"] or "no Message-ID"
    return f"{quarantine_id} ({label}) is back in {config.imap.folder}"
