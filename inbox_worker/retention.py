"""The ``retention`` job: closed cases older than ``retention.archive_after_days`` leave the
hot store for one JSON file each in ``archive/`` beside it (DESIGN.md section 3), and the
sent copies of mail about no case (staff notices, the digest) older than that are dropped.

The store lives in memory and is rewritten at every commit, so without this job the worker's
memory and every commit grow with each case the shop ever had.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from inbox_worker.config import Config
from inbox_worker.deadlines import local_day, local_midnight
from inbox_worker.store import CaseStore

log = logging.getLogger(__name__)


def cutoff(now: datetime, config: Config) -> datetime:
    """Midnight (shop time) of the day ``archive_after_days`` before today: whatever the hour
    of the run, a case closed before it has been closed for longer than that."""
    day = local_day(now, config.shop.tz) - timedelta(days=config.retention.archive_after_days)
    return local_midnight(day, config.shop.tz)


def archive_old_cases(store: CaseStore, config: Config, now: datetime) -> str:
    """Archive the cases closed before the cut-off, drop the sent mail without a case queued
    before it, and commit; returns a one-line summary. Raises ``StoreError``.
    """
    before = cutoff(now, config)
    archived = store.archive_closed(before)
    dropped = store.drop_mail_without_case(before)
    store.commit()
    noun = "case" if len(archived) == 1 else "cases"
    summary = f"archived {len(archived)} closed {noun} (closed before {before.date()})"
    log.info("retention: %s; dropped %d sent or failed mails without a case", summary, dropped)
    if dropped:  # kept off the line when there were none, so the usual line stays short
        mails = "mail" if dropped == 1 else "mails"
        summary += f"; dropped {dropped} sent or failed {mails} without a case"
    return summary


def run_once(config: Config, now: datetime) -> str:
    """The job on its own (`inbox-worker retention`): it needs the store alone, not the
    servers, rules or templates. Raises ``StoreLockedError`` while a worker runs."""
    with CaseStore(config.storage.path) as store:
        return archive_old_cases(store, config, now)
