"""The ``digest`` job (DESIGN.md section 1): once a week the owner gets the stage report of
the days just past by mail, the stage of the service process with the most cases named first,
so that the same mistakes stop repeating.

The mail's Message-ID is derived from the period it covers, and a period already in the
outbox is not queued again: a job run twice (a restart, a manual run beside the schedule)
sends one digest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from inbox_worker.compose import Letter, Templates
from inbox_worker.config import Config
from inbox_worker.deadlines import local_day, local_midnight
from inbox_worker.models import Case, CaseStatus, OutgoingMail
from inbox_worker.reports import (
    answered_late,
    deadline_state,
    is_settled,
    opened_between,
    stage_report,
)
from inbox_worker.store import CaseStore

log = logging.getLogger(__name__)

TEMPLATE = "owner_digest"


@dataclass(frozen=True)
class Period:
    """Whole days in shop time, ``first_day`` to ``last_day`` included."""

    first_day: date
    last_day: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        return local_midnight(self.first_day, self.tz)

    @property
    def end(self) -> datetime:
        """Midnight after ``last_day`` (excluded)."""
        return local_midnight(self.last_day + timedelta(days=1), self.tz)

    def __contains__(self, day: str) -> bool:
        return self.first_day.isoformat() <= day <= self.last_day.isoformat()


def period_before(now: datetime, config: Config) -> Period:
    """The ``digest.days`` whole days before today (shop time): sent on a Monday, at
    whatever hour, the default digest covers Monday to Sunday of the week before."""
    tz = config.shop.tz
    today = local_day(now, tz)
    return Period(today - timedelta(days=config.digest.days), today - timedelta(days=1), tz)


def digest_message_id(period: Period, domain: str) -> str:
    return f"<iw.{TEMPLATE}.{period.first_day}.{period.last_day}@{domain}>"


def digest_mail(
    store: CaseStore, templates: Templates, config: Config, now: datetime
) -> OutgoingMail:
    """The digest of the period before ``now``, rendered. Raises ``TemplateError``."""
    period = period_before(now, config)
    letter = Letter(
        TEMPLATE,
        config.digest.address(config.shop),
        config.shop.default_language,
        "",
        {"shop_name": config.shop.name, "digest": digest_variables(store, config, period, now)},
        message_id=digest_message_id(period, config.shop.domain),
    )
    return templates.render(letter)


def queue_digest(store: CaseStore, templates: Templates, config: Config, now: datetime) -> str:
    """Put the digest of the period before ``now`` in the outbox, unless it is there already
    (staged until commit); returns a one-line summary."""
    mail = digest_mail(store, templates, config, now)
    period = period_before(now, config)
    where = f"digest {period.first_day}..{period.last_day} to {mail.to}"
    if store.outgoing(mail.message_id) is not None:
        summary = f"{where}: already queued"
    else:
        store.queue(mail, now)
        summary = f"{where}: queued"
    log.info("digest: %s", summary)
    return summary


def digest_variables(
    store: CaseStore, config: Config, period: Period, now: datetime
) -> dict[str, Any]:
    """What the template shows: the period's cases by stage, decisions, ratings, missed
    deadlines, and the cases open now."""
    report = stage_report(store, config, period.start, period.end)
    stages = [_stage_row(name, row) for name, row in report["stages"].items()]
    opened = opened_between(store, period.start, period.end)
    ratings = [case.rating for case in opened if case.rating is not None]
    everything = store.all_cases()
    return {
        "first_day": period.first_day.isoformat(),
        "last_day": period.last_day.isoformat(),
        "cases": report["cases"],
        "stages": stages,
        "accepted": sum(row["accepted"] for row in stages),
        "rejected": sum(row["rejected"] for row in stages),
        "ratings": len(ratings),
        "average_rating": round(sum(ratings) / len(ratings), 1) if ratings else None,
        "missed": [_missed_row(c, config) for c in _missed_deadlines(everything, period, config)],
        "open": sum(1 for c in everything if c.status is not CaseStatus.CLOSED),
        "overdue": sum(1 for c in everything if deadline_state(c, now, config) == "overdue"),
    }


def _stage_row(name: str, row: dict[str, Any]) -> dict[str, Any]:
    categories = sorted(row["categories"].items(), key=lambda item: (-item[1], item[0]))
    return {
        "name": name,
        "cases": row["cases"],
        "categories": [{"name": category, "count": count} for category, count in categories],
        "accepted": row["accepted"],
        "rejected": row["rejected"],
    }


def _missed_deadlines(cases: list[Case], period: Period, config: Config) -> list[Case]:
    """Cases whose deadline fell in the period and passed without an answer in time:
    answered late, or not answered at all (a closed case no longer has a deadline)."""
    missed = [
        case
        for case in cases
        if case.deadline in period and (answered_late(case, config) or not is_settled(case))
    ]
    return sorted(missed, key=lambda case: (case.deadline, case.id))


def _missed_row(case: Case, config: Config) -> dict[str, Any]:
    answered = case.answered_at and datetime.fromisoformat(case.answered_at)
    return {
        "id": case.id,
        "deadline": case.deadline,
        "category": case.category.value if case.category else "other",
        "answered_on": local_day(answered, config.shop.tz) if answered else None,
    }


def sample_digest(case: Case) -> dict[str, Any]:
    """A made-up digest for previews and template tests."""
    delivery = [{"name": "damaged", "count": 3}, {"name": "not_delivered", "count": 1}]
    return {
        "first_day": "2026-11-09",
        "last_day": "2026-11-15",
        "cases": 6,
        "stages": [
            {"name": "delivery", "cases": 4, "categories": delivery, "accepted": 2, "rejected": 1},
            {
                "name": "product",
                "cases": 2,
                "categories": [{"name": "defective", "count": 2}],
                "accepted": 1,
                "rejected": 0,
            },
        ],
        "accepted": 3,
        "rejected": 1,
        "ratings": 2,
        "average_rating": 4.5,
        "missed": [
            {"id": case.id, "deadline": "2026-11-12", "category": "damaged", "answered_on": None}
        ],
        "open": 5,
        "overdue": 1,
    }


def printed(config: Config, now: datetime) -> str:
    """The digest as it would go out now (`inbox-worker digest --print`): the store is read
    beside a running worker and nothing is queued or sent."""
    store = CaseStore.for_reading(config.storage.path)
    templates = Templates(config.templates.dir, config.shop.domain)
    mail = digest_mail(store, templates, config, now)
    return f"Subject: {mail.subject}\nTo: {mail.to}\n\n{mail.text}"
