"""The owner's digest: the period's cases by stage, worst first, mailed once per period."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from click.testing import CliRunner

from inbox_worker import app
from inbox_worker.cli import main
from inbox_worker.compose import Templates
from inbox_worker.config import Config
from inbox_worker.digest import digest_mail, digest_variables, period_before, queue_digest
from inbox_worker.embedded import EmbeddedSmtp
from inbox_worker.models import STAGE_OF, Case, CaseStatus, Category
from inbox_worker.pipeline import Services, open_services
from inbox_worker.smtp import Sender
from inbox_worker.store import CaseStore
from tests.support import NOW, PROJECT, Clock, FakeSender, make_config, write_server_config

# NOW is Monday 2026-11-16: the default digest covers Monday 9 to Sunday 15 November.
TEMPLATES = Templates(PROJECT / "templates", "sklep.example")


def _case(
    store: CaseStore,
    created: str,
    category: Category,
    status: CaseStatus = CaseStatus.IN_PROGRESS,
    deadline: str = "2026-11-30",
    answered_at: str | None = None,
    rating: int | None = None,
) -> str:
    case_id = store.next_case_id(NOW)
    store.save(
        Case(
            id=case_id,
            status=status,
            customer=f"{case_id.lower()}@poczta.example",
            customer_name=None,
            language="pl",
            subject="Reklamacja",
            received_at=created,
            deadline=deadline,
            created_at=created,
            updated_at=created,
            category=category,
            stage=STAGE_OF[category],
            answered_at=answered_at,
            rating=rating,
        )
    )
    return case_id


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture
def store(config: Config) -> Iterator[CaseStore]:
    with CaseStore(config.storage.path) as store:
        yield store


def _variables(store: CaseStore, config: Config) -> dict:  # type: ignore[type-arg]
    return digest_variables(store, config, period_before(NOW, config), NOW)


@pytest.mark.parametrize(
    ("now", "days", "first", "last"),
    [
        ("2026-11-15T23:30:00+00:00", 7, "2026-11-09", "2026-11-15"),  # Monday 00:30 in Warsaw
        ("2026-11-16T22:59:00+00:00", 7, "2026-11-09", "2026-11-15"),  # Monday 23:59
        ("2026-11-16T10:00:00+00:00", 1, "2026-11-15", "2026-11-15"),
    ],
)
def test_the_period_is_the_whole_days_before_today_in_shop_time(
    tmp_path: Path, now: str, days: int, first: str, last: str
) -> None:
    config = make_config(tmp_path, digest={"days": days})
    period = period_before(datetime.fromisoformat(now), config)
    assert (period.first_day.isoformat(), period.last_day.isoformat()) == (first, last)
    assert period.start.isoformat() == f"{first}T00:00:00+01:00"


def test_only_cases_opened_in_the_period_shop_time_count(store: CaseStore, config: Config) -> None:
    _case(store, "2026-11-08T22:30:00+00:00", Category.BILLING)  # Sunday 23:30 in Warsaw
    _case(store, "2026-11-08T23:30:00+00:00", Category.DAMAGED)  # Monday 00:30 in Warsaw
    _case(store, "2026-11-12T10:00:00+00:00", Category.DEFECTIVE, CaseStatus.REJECTED)
    _case(store, "2026-11-15T22:59:00+00:00", Category.DAMAGED, CaseStatus.ACCEPTED, rating=4)
    _case(store, "2026-11-15T23:00:00+00:00", Category.REFUND)  # Monday 00:00 in Warsaw
    _case(store, "2026-11-16T09:00:00+00:00", Category.REFUND)  # today
    digest = _variables(store, config)
    assert (digest["first_day"], digest["last_day"]) == ("2026-11-09", "2026-11-15")
    assert digest["cases"] == 3
    assert [(s["name"], s["cases"]) for s in digest["stages"]] == [("delivery", 2), ("product", 1)]
    assert digest["stages"][0]["categories"] == [{"name": "damaged", "count": 2}]
    assert (digest["accepted"], digest["rejected"]) == (1, 1)
    assert (digest["ratings"], digest["average_rating"]) == (1, 4.0)
    assert (digest["open"], digest["overdue"]) == (6, 0)  # decided is not closed yet


def test_an_accepted_case_closed_since_still_counts_as_accepted(
    store: CaseStore, config: Config
) -> None:
    case_id = _case(store, "2026-11-10T10:00:00+00:00", Category.DAMAGED, CaseStatus.CLOSED)
    store.add_event(case_id, NOW, "status", to="accepted")
    digest = _variables(store, config)
    assert (digest["accepted"], digest["rejected"], digest["open"]) == (1, 0, 0)


def test_the_stage_with_most_cases_comes_first_and_ties_go_by_name(
    store: CaseStore, config: Config
) -> None:
    for category in (Category.WRONG_ITEM, Category.BILLING, Category.MISSING_ITEM):
        _case(store, "2026-11-10T10:00:00+00:00", category)
    _case(store, "2026-11-11T10:00:00+00:00", Category.DEFECTIVE)
    _case(store, "2026-11-11T10:00:00+00:00", Category.NOT_DELIVERED)
    names = [stage["name"] for stage in _variables(store, config)["stages"]]
    assert names == ["warehouse", "delivery", "payments", "product"]
    text = digest_mail(store, TEMPLATES, config, NOW).text
    assert text.startswith("Najwięcej problemów: magazyn (kompletowanie, pakowanie), 2 z 5")


def test_missed_deadlines_are_those_that_fell_in_the_period(
    store: CaseStore, config: Config
) -> None:
    opened = "2026-10-27T10:00:00+00:00"
    unanswered = _case(store, opened, Category.DAMAGED, deadline="2026-11-10")
    late = _case(
        store, opened, Category.DEFECTIVE, deadline="2026-11-12", answered_at="2026-11-12T23:30Z"
    )
    _case(store, opened, Category.DEFECTIVE, deadline="2026-11-12", answered_at="2026-11-12T22:30Z")
    _case(store, opened, Category.DAMAGED, CaseStatus.CLOSED, deadline="2026-11-11")
    _case(store, opened, Category.DAMAGED, deadline="2026-11-08")  # before the period
    digest = _variables(store, config)
    assert [(row["id"], str(row["answered_on"])) for row in digest["missed"]] == [
        (unanswered, "None"),
        (late, "2026-11-13"),  # 00:30 in Warsaw
    ]
    assert digest["overdue"] == 2
    text = digest_mail(store, TEMPLATES, config, NOW).text
    assert f"[#{unanswered}] termin 10 listopada 2026" in text and "nadal bez odpowiedzi" in text
    assert "odpowiedź 13 listopada 2026" in text
    assert "Otwarte teraz: 4, w tym po terminie bez odpowiedzi: 2." in text


@pytest.mark.parametrize(
    ("language", "subject", "worst", "ratings"),
    [
        (
            "pl",
            "Sklep Domowy: reklamacje od 9 listopada 2026 do 15 listopada 2026",
            "Najwięcej problemów: dostawa (transport, kurier), 2 z 3",
            "oceny klientów: 2, średnio 3,5 na 5.",
        ),
        (
            "en",
            "Sklep Domowy: complaints from 9 November 2026 to 15 November 2026",
            "Where the process breaks most: delivery (transport, carrier), 2 of 3",
            "customers rated 2, on average 3.5 of 5.",
        ),
    ],
)
def test_it_goes_to_the_owner_in_the_shops_language(
    tmp_path: Path, language: str, subject: str, worst: str, ratings: str
) -> None:
    config = make_config(tmp_path, shop={"default_language": language})
    with CaseStore(config.storage.path) as store:
        _case(store, "2026-11-10T10:00:00+00:00", Category.DAMAGED, rating=5)
        _case(store, "2026-11-10T10:00:00+00:00", Category.NOT_DELIVERED, rating=2)
        _case(store, "2026-11-11T10:00:00+00:00", Category.DEFECTIVE)
        mail = digest_mail(store, TEMPLATES, config, NOW)
    assert mail.subject == subject and mail.to == "obsluga@sklep.example"
    assert mail.text.startswith(worst) and ratings in mail.text
    assert mail.case_id == "" and mail.template == "owner_digest"


def test_a_period_without_cases_says_so(store: CaseStore, config: Config) -> None:
    text = digest_mail(store, TEMPLATES, config, NOW).text
    assert text.startswith("W tym okresie nie było nowych zgłoszeń.\n\nTerminy ustawowe")


def test_the_recipient_is_the_configured_one_else_the_owner(tmp_path: Path) -> None:
    owner = make_config(tmp_path, shop={"owner_address": "szef@sklep.example"})
    chosen = make_config(tmp_path, digest={"recipient": "raporty@sklep.example"})
    assert owner.digest.address(owner.shop) == "szef@sklep.example"
    assert chosen.digest.address(chosen.shop) == "raporty@sklep.example"


# -- the job, the scheduler and the command line --------------------------------------------


@pytest.fixture
def services(config: Config) -> Iterator[Services]:
    services = open_services(config, CaseStore(config.storage.path), Clock(NOW))
    yield services
    services.store.close()


@dataclass
class _Running(app.Running):
    """The worker's jobs with a sender that records what it sends."""

    fake: FakeSender = field(default_factory=FakeSender)

    def sender(self) -> AbstractContextManager[Sender]:
        return self.fake()


def test_the_job_sends_one_digest_per_period(services: Services) -> None:
    running = _Running(services)
    sender = running.fake
    _case(services.store, "2026-11-10T10:00:00+00:00", Category.DAMAGED)
    assert running.digest().endswith("to obsluga@sklep.example: queued")
    assert isinstance(services.clock, Clock)
    services.clock.advance(hours=5)  # a restart, or a run by hand, the same day
    assert running.digest().endswith(": already queued")
    (mail,) = sender.sent
    assert mail.message_id == "<iw.owner_digest.2026-11-09.2026-11-15@sklep.example>"
    assert [doc["status"] for doc in services.store.outbox()] == ["sent"]
    services.clock.advance(days=7)
    assert running.digest().startswith("digest 2026-11-16..2026-11-22 ")
    assert len(sender.sent) == 2


def test_queued_twice_before_a_commit_is_still_queued_once(
    store: CaseStore, config: Config
) -> None:
    assert queue_digest(store, TEMPLATES, config, NOW).endswith(": queued")
    assert queue_digest(store, TEMPLATES, config, NOW).endswith(": already queued")
    assert len(store.pending(NOW)) == 1


def test_run_schedules_the_digest_weekly_in_shop_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = make_config(tmp_path, digest={"weekday": "fri", "hour": 16})
    jobs: dict[str, tuple[object, dict[str, object]]] = {}
    monkeypatch.setattr(app, "run_scheduler", jobs.update)
    with CaseStore(config.storage.path) as store:
        app.Running(replace_services(config, store)).run_forever()
    job, trigger = jobs["digest"]
    scheduled = BackgroundScheduler().add_job(job, **trigger)
    assert scheduled.misfire_grace_time == app.DAILY_JOB_GRACE_SECONDS
    first = scheduled.trigger.get_next_fire_time(None, NOW)
    assert first.isoformat() == "2026-11-20T16:00:00+01:00"


def replace_services(config: Config, store: CaseStore) -> Services:
    """Services without loading rules or templates: run_forever only reads the config."""
    return Services(config, store, None, None, TEMPLATES, None)  # type: ignore[arg-type]


def _cli_config(tmp_path: Path, smtp: object) -> Path:
    imap = SimpleNamespace(host="127.0.0.1", port=143, username="", password="")
    return write_server_config(tmp_path / "config.toml", imap, smtp)


def test_print_shows_the_mail_and_neither_sends_nor_writes(tmp_path: Path) -> None:
    store_path = tmp_path / "data" / "cases.json"
    today = datetime.now(NOW.tzinfo)  # the command runs on the real clock
    with CaseStore(store_path) as store:
        _case(store, (today - timedelta(days=2)).isoformat(), Category.DAMAGED)
    before = store_path.read_bytes(), sorted(p.name for p in store_path.parent.iterdir())
    nowhere = SimpleNamespace(host="127.0.0.1", port=9)  # nothing listens: sending would fail
    result = CliRunner().invoke(
        main, ["--config", str(_cli_config(tmp_path, nowhere)), "digest", "--print"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Subject: Sklep: reklamacje od ")
    assert "To: obsluga@sklep.example\n\nNajwięcej problemów: dostawa" in result.stdout
    assert (store_path.read_bytes(), sorted(p.name for p in store_path.parent.iterdir())) == before


def test_the_command_queues_and_sends(tmp_path: Path, smtp_server: EmbeddedSmtp) -> None:
    config = _cli_config(tmp_path, smtp_server)
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(main, ["--config", str(config), "digest"])
        assert result.exit_code == 0, result.output
    assert result.stdout.endswith(": already queued\n")
    (received,) = smtp_server.messages
    assert received.rcpt_tos == ("obsluga@sklep.example",)
    assert received.message["Subject"].startswith("Sklep: reklamacje od ")
