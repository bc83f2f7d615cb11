"""Routing: threading that cannot be hijacked, staff commands, robots, reopening."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from inbox_worker.models import Case, CaseStatus, Findings, Kind, Screening
from inbox_worker.route import Action, Context, case_tags, route

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
HUMAN = Screening(None)
COMPLAINT = Findings(Kind.COMPLAINT, "pl", ("482913",))
CASE = Case(
    id="R2611-0001",
    status=CaseStatus.IN_PROGRESS,
    customer="anna@poczta.example",
    customer_name="Anna",
    language="pl",
    subject="s",
    received_at=NOW.isoformat(),
    deadline="2026-12-04",
    created_at=NOW.isoformat(),
    updated_at=NOW.isoformat(),
    order_numbers=("482913",),
)


def _route(
    sender: str, ctx: Context, findings: Findings = COMPLAINT, screening: Screening = HUMAN
) -> tuple[Action, str | None, str | None]:
    decision = route(sender, screening, findings, replace(ctx, now=NOW))
    return decision.action, decision.case_id, decision.security_event


def test_case_tags_are_found_in_any_case() -> None:
    assert case_tags("Re: [#r2611-0001] Reklamacja [# R2611-0002 ]") == ["R2611-0001", "R2611-0002"]


def test_customer_reply_by_tag_or_thread_joins_the_case() -> None:
    assert _route(CASE.customer, Context(tagged_case=CASE))[:2] == (Action.ADD_TO_CASE, CASE.id)
    assert _route(CASE.customer, Context(thread_case=CASE))[:2] == (Action.ADD_TO_CASE, CASE.id)


def test_a_stranger_with_someone_elses_tag_gets_a_case_of_their_own() -> None:
    action, case_id, security = _route("eve@evil.example", Context(tagged_case=CASE))
    assert (action, case_id) == (Action.OPEN_CASE, None)
    assert security and CASE.id in security


def test_same_order_without_tag_joins_the_open_case() -> None:
    ctx = Context(customer_cases=(CASE,))
    assert _route(CASE.customer, ctx)[:2] == (Action.ADD_TO_CASE, CASE.id)
    other_order = Findings(Kind.COMPLAINT, "pl", ("999999",))
    assert _route(CASE.customer, ctx, other_order)[0] is Action.OPEN_CASE


def test_authenticated_staff_tags_are_commands_forged_ones_are_not() -> None:
    staff = "anna.nowak@sklep.example"
    good = Context(
        sender_is_staff=True, staff_authenticated=True, has_staff_tags=True, tagged_case=CASE
    )
    assert _route(staff, good)[:2] == (Action.STAFF_COMMAND, CASE.id)
    forged = replace(good, staff_authenticated=False)
    action, _, security = _route(staff, forged)
    assert action is Action.OPEN_CASE  # treated as customer mail: the sender is not the customer
    assert security and "authentication" in security
    assert _route(staff, replace(good, tagged_case=None))[0] is Action.STAFF_NO_CASE


def test_customer_tags_are_just_text() -> None:
    ctx = Context(has_staff_tags=True, tagged_case=CASE)
    assert _route(CASE.customer, ctx)[:2] == (Action.ADD_TO_CASE, CASE.id)


def test_robots_are_ignored_and_bounces_of_our_mail_recorded() -> None:
    bounce = Screening(Kind.BOUNCE, "dsn", "delivery-status report")
    robot = Findings(Kind.BOUNCE, "en")
    assert _route("mailer-daemon@mx.example", Context(), robot, bounce)[0] is Action.IGNORE
    ctx = Context(bounced_case=CASE, tagged_case=CASE)
    assert _route("mailer-daemon@mx.example", ctx, robot, bounce)[:2] == (
        Action.RECORD_BOUNCE,
        CASE.id,
    )


def test_status_query_and_rating() -> None:
    query = Findings(Kind.STATUS_QUERY, "pl")
    assert _route(CASE.customer, Context(thread_case=CASE), query)[0] is Action.STATUS_QUERY
    rating = Findings(Kind.RATING, "pl", rating=4)
    surveyed = replace(
        CASE,
        status=CaseStatus.CLOSED,
        survey_sent=True,
        closed_at=(NOW - timedelta(days=1)).isoformat(),
    )
    assert _route(CASE.customer, Context(thread_case=surveyed), rating)[0] is Action.RATE
    rated = replace(surveyed, rating=5)  # only one rating per case
    assert _route(CASE.customer, Context(thread_case=rated), rating)[0] is Action.ADD_TO_CASE


def test_closed_case_reopens_only_within_the_period() -> None:
    recent = replace(
        CASE, status=CaseStatus.CLOSED, closed_at=(NOW - timedelta(days=3)).isoformat()
    )
    assert _route(CASE.customer, Context(thread_case=recent))[0] is Action.ADD_TO_CASE
    old = replace(recent, closed_at=(NOW - timedelta(days=90)).isoformat())
    assert _route(CASE.customer, Context(thread_case=old))[0] is Action.OPEN_CASE
