"""Read-side views of the store: case listings, JSON, health, deadline reminders, previews."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from inbox_worker.casework import case_variables
from inbox_worker.compose import Letter, Templates
from inbox_worker.config import Config
from inbox_worker.deadlines import days_left, local_day
from inbox_worker.errors import StoreError
from inbox_worker.models import Case, CaseStatus, Category, Resolution
from inbox_worker.store import CaseStore
from inbox_worker.store import case_json as _case_json

if TYPE_CHECKING:
    from inbox_worker.pipeline import Services


def is_settled(case: Case) -> bool:
    """True once the deadline no longer runs: answered on the merits, or closed."""
    return case.answered_at is not None or case.status is CaseStatus.CLOSED


def deadline_state(case: Case, now: datetime, config: Config) -> str:
    """``settled`` (answered or closed), ``overdue``, ``due_soon`` or ``running``."""
    if is_settled(case):
        return "settled"
    left = days_left(case.deadline, now, config.shop)
    if left < 0:
        return "overdue"
    return "due_soon" if left <= config.shop.deadline_warning_days else "running"


def select_cases(
    store: CaseStore, config: Config, statuses: tuple[str, ...], overdue: bool, due_soon: bool
) -> list[Case]:
    now = datetime.now().astimezone()
    chosen = sorted(store.all_cases(), key=lambda case: case.created_at)
    if statuses:
        chosen = [case for case in chosen if case.status.value in statuses]
    wanted = {"overdue"} if overdue else set()
    wanted |= {"due_soon"} if due_soon else set()
    if wanted:
        chosen = [case for case in chosen if deadline_state(case, now, config) in wanted]
    return chosen


def case_json(store: CaseStore, case: Case) -> dict[str, Any]:
    return _case_json(case, store.events(case.id))


def shown_case(store: CaseStore, case_id: str) -> dict[str, Any] | None:
    """A case as `cases show` gives it: from the store, else from its archive file
    (``archived`` says which; the archived outbox stays in the file). None when neither has
    it. Raises ``StoreError`` for an unreadable archive file."""
    case = store.get(case_id)
    if case is not None:
        return {**case_json(store, case), "archived": False}
    record = store.archived(case_id)
    if record is None:
        return None
    return {**{key: value for key, value in record.items() if key != "outbox"}, "archived": True}


def case_table(cases: list[Case], config: Config) -> str:
    if not cases:
        return "no cases"
    now = datetime.now().astimezone()
    rows = [f"{'ID':<11} {'STATUS':<20} {'DEADLINE':<10} {'LEFT':>5}  {'CATEGORY':<13} CUSTOMER"]
    for case in cases:
        left = "-" if is_settled(case) else str(days_left(case.deadline, now, config.shop))
        category = case.category.value if case.category else "-"
        rows.append(
            f"{case.id:<11} {case.status.value:<20} {case.deadline:<10} {left:>5}  "
            f"{category:<13} {case.customer}"
        )
    return "\n".join(rows)


def queue_deadline_reminders(services: Services) -> str:
    """Warn staff of cases due soon and tell the owner of cases past their deadline."""
    store, config, now = services.store, services.config, services.clock()
    states = {case.id: deadline_state(case, now, config) for case in store.all_cases()}
    open_cases = [case for case in store.all_cases() if states[case.id] != "settled"]
    left = {case.id: days_left(case.deadline, now, config.shop) for case in open_cases}
    due = [c for c in open_cases if states[c.id] == "due_soon"]
    overdue = [c for c in open_cases if states[c.id] == "overdue"]
    letters = []
    if due:
        letters.append(_digest("staff_deadlines", config.shop.staff_notify, due, left, config))
    if overdue:
        owner = config.shop.owner_address or config.shop.staff_notify
        letters.append(_digest("owner_overdue", owner, overdue, left, config))
    for letter in letters:
        store.queue(services.templates.render(letter), now)
    return f"due soon: {len(due)}, overdue: {len(overdue)}, reminders queued: {len(letters)}"


def _digest(
    template: str, to: str, cases: list[Case], left: dict[str, int], config: Config
) -> Letter:
    rows = [
        {
            "id": c.id,
            "customer": c.customer,
            "deadline": c.deadline,
            "days_left": left[c.id],
            "status": c.status.value,
            "deadline_kind": c.deadline_kind,
            "category": c.category.value if c.category else "other",
        }
        for c in sorted(cases, key=lambda case: case.deadline)
    ]
    variables = {"shop_name": config.shop.name, "cases": rows}
    return Letter(template, to, config.shop.default_language, "", variables)


def store_health(store: CaseStore, config: Config, now: datetime) -> tuple[list[str], bool]:
    """Health lines from the store alone, and whether they look healthy."""
    healthy = True
    last_poll = store.last_beat()
    lines = [f"last successful poll: {last_poll or 'never'}"]
    if last_poll is None or now - datetime.fromisoformat(last_poll) > timedelta(
        seconds=max(600, 5 * config.schedule.poll_seconds)
    ):
        healthy = False
        lines.append("UNHEALTHY: no successful poll recently")
    pending = [d for d in store.outbox() if d["status"] == "pending"]
    failed = [d for d in store.outbox() if d["status"] == "failed"]
    oldest = min((d["queued_at"] for d in pending), default=None)
    lines.append(f"outbox: {len(pending)} waiting, oldest {oldest or '-'}; {len(failed)} failed")
    if oldest and now - datetime.fromisoformat(oldest) > timedelta(hours=1):
        healthy = False
        lines.append("UNHEALTHY: replies have waited in the outbox for over an hour")
    quarantined = store.quarantined()
    lines.append(f"quarantine: {len(quarantined)}")
    overdue = [c for c in store.all_cases() if deadline_state(c, now, config) == "overdue"]
    lines.append(f"cases overdue: {len(overdue)}")
    if overdue:
        healthy = False
    return lines, healthy


def sample_case(config: Config, language: str) -> Case:
    """A made-up case for previews and template tests."""
    today = date.today()
    return Case(
        id="R2611-0042",
        status=CaseStatus.IN_PROGRESS,
        customer="anna.kowalska@example.com",
        customer_name="Anna Kowalska",
        language=language,
        subject="Czajnik przecieka",
        received_at=f"{today.isoformat()}T09:30:00+01:00",
        deadline=(today + timedelta(days=config.shop.response_deadline_days)).isoformat(),
        created_at=f"{today.isoformat()}T09:31:00+00:00",
        updated_at=f"{today.isoformat()}T09:31:00+00:00",
        order_numbers=("482913",),
        category=Category.DEFECTIVE,
        resolution=Resolution.REPLACEMENT,
    )


def sample_variables(case: Case, config: Config) -> dict[str, Any]:
    """Every variable any template may use, filled with sample values."""
    from inbox_worker.digest import sample_digest  # the digest builds on this module

    return {
        **case_variables(case, config),
        "missing_order": False,
        "text": "Dzień dobry, czajnik przecieka od spodu. Proszę o wymianę.",
        "message": "Kurier odbierze czajnik w czwartek; nowy wyślemy od razu po odbiorze.",
        "old_status": "new",
        "status_changed": True,
        "last_update": case.updated_at,
        "applied": ["#status in_progress"],
        "customer_told": True,
        "problems": ["unknown tag '#stauts' (did you mean #status?)"],
        "cases": [
            {
                "id": case.id,
                "customer": case.customer,
                "deadline": case.deadline,
                "days_left": 2,
                "status": case.status.value,
                "deadline_kind": "complaint",
                "category": "defective",
            }
        ],
        "too_large_mb": 31.5,
        "event": "staff tags from a staff address without passing authentication",
        "sender": "anna.nowak@sklep.example",
        "message_id": "<forged@evil.example>",
        "auth_results": [],
        "archived_as": "data/mail/ab/abcdef.eml",
        "digest": sample_digest(case),
    }


def preview(config: Config, name: str, case_id: str | None, language: str | None) -> str:
    """One template rendered as the customer would get it (subject, then text)."""
    case = None
    if case_id:
        case = CaseStore.for_reading(config.storage.path).get(case_id)
        if case is None:
            raise StoreError(f"no case {case_id}")
    case = case or sample_case(config, language or config.shop.default_language)
    templates = Templates(config.templates.dir, config.shop.domain)
    letter = Letter(
        name, case.customer, language or case.language, case.id, sample_variables(case, config)
    )
    mail = templates.render(letter)
    return f"Subject: {mail.subject}\nTo: {mail.to}\n\n{mail.text}"


def opened_between(store: CaseStore, since: datetime, until: datetime | None) -> list[Case]:
    """The cases created at or after ``since`` and, when given, before ``until``."""
    return [
        case
        for case in store.all_cases()
        if since <= (created := datetime.fromisoformat(case.created_at))
        and (until is None or created < until)
    ]


def stage_report(
    store: CaseStore, config: Config, since: datetime, until: datetime | None = None
) -> dict[str, Any]:
    """Where the service process breaks: cases opened since ``since`` (and before ``until``)
    by stage and category, with how many were accepted or rejected, their ratings and how
    many were answered after the deadline. Stages come most cases first."""
    cases = opened_between(store, since, until)
    stages: dict[str, dict[str, Any]] = {}
    for case in cases:
        stage = case.stage.value if case.stage else "other"
        category = case.category.value if case.category else "other"
        row = stages.setdefault(stage, _empty_stage_row())
        row["cases"] += 1
        row["categories"][category] = row["categories"].get(category, 0) + 1
        row["accepted"] += reached(store, case, CaseStatus.ACCEPTED)
        row["rejected"] += reached(store, case, CaseStatus.REJECTED)
        row["late"] += answered_late(case, config)
        row["orders"].extend(case.order_numbers)
        if case.rating is not None:
            row["ratings"].append(case.rating)
    for row in stages.values():
        ratings = row.pop("ratings")
        row["ratings"] = len(ratings)
        row["average_rating"] = round(sum(ratings) / len(ratings), 2) if ratings else None
        row["orders"] = sorted(set(row["orders"]))
    # Ties go by name, so the stage named first does not depend on the order of the store.
    ordered = dict(sorted(stages.items(), key=lambda item: (-item[1]["cases"], item[0])))
    return {
        "since": since.isoformat(),
        "until": until.isoformat() if until else None,
        "cases": len(cases),
        "stages": ordered,
    }


def _empty_stage_row() -> dict[str, Any]:
    return {
        "cases": 0,
        "categories": {},
        "accepted": 0,
        "rejected": 0,
        "ratings": [],
        "late": 0,
        "orders": [],
    }


def render_stage_report(report: dict[str, Any]) -> str:
    lines = [f"{report['cases']} cases since {report['since'][:10]}, by stage of the process:"]
    for stage, row in report["stages"].items():
        categories = ", ".join(f"{name} {count}" for name, count in row["categories"].items())
        rating = row["average_rating"] if row["average_rating"] is not None else "-"
        lines.append(
            f"  {stage:<10} {row['cases']:>4} cases ({categories}); accepted {row['accepted']},"
            f" rejected {row['rejected']}, answered late {row['late']}, average rating {rating}"
        )
    return "\n".join(lines)


def reached(store: CaseStore, case: Case, status: CaseStatus) -> bool:
    """True when the case is in ``status`` or was at some point (a decided case is closed
    later, and may be reopened)."""
    return case.status is status or any(
        e["type"] == "status" and e.get("to") == status.value for e in store.events(case.id)
    )


def answered_late(case: Case, config: Config) -> bool:
    """True when the decision went out after the deadline day (shop time)."""
    if case.answered_at is None:
        return False
    answered = local_day(datetime.fromisoformat(case.answered_at), config.shop.tz)
    return answered.isoformat() > case.deadline
