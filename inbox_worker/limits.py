"""Caps on automatic mail, so that no conversation with a robot or a person runs away.

Mailman's ``autoresponse_grace_period`` idea: however the screening is fooled, one address
gets at most a few automatic mails an hour and a day from us.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from inbox_worker.config import LimitsConfig
from inbox_worker.store import CaseStore


def over_cap(
    store: CaseStore, recipient: str, case_id: str, now: datetime, limits: LimitsConfig
) -> bool:
    """True when one more automatic mail to ``recipient`` (about ``case_id``) would exceed
    a cap: per recipient per hour and per day, and per case per day."""
    hour = store.mails_to(recipient, now - timedelta(hours=1))
    day = store.mails_to(recipient, now - timedelta(days=1))
    about_case = store.mails_about(case_id, now - timedelta(days=1)) if case_id else 0
    return (
        hour >= limits.max_mails_per_recipient_hour
        or day >= limits.max_mails_per_recipient_day
        or about_case >= limits.max_mails_per_case_day
    )
