"""The ``inbox-worker`` command line (DESIGN.md section 6); the only place that sets up logging.

Every command turns our errors into one clear line on stderr and a non-zero exit:
2 for a configuration or rules problem, 1 for anything else that went wrong.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from inbox_worker import config as config_module
from inbox_worker.config import Config
from inbox_worker.errors import ConfigError, InboxWorkerError, RulesError

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])
PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "config.toml"


def _setup_logging(verbose: int) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    logging.getLogger("mailparser").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(max(level, logging.WARNING))


def clear_errors(func: F) -> F:
    """Turn our exceptions into one line on stderr and an exit code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (ConfigError, RulesError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except InboxWorkerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def load_config(ctx: click.Context, example_ok: bool = False) -> Config:
    """The config named by --config or $INBOX_WORKER_CONFIG, else ./config.toml. Commands
    that only read mail files (``example_ok``) fall back to the project's example, so they
    work in a fresh clone; nothing that touches a mailbox or a store ever does."""
    path: Path | None = ctx.obj["config_path"]
    if path is None and example_ok and not config_module.DEFAULT_PATH.exists():
        path = PROJECT_CONFIG
    return config_module.load(path)


@click.group()
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path),
    default=None,
    envvar=config_module.ENV_VAR,
    help="Config file (default ./config.toml).",
)
@click.option("-v", "--verbose", count=True, help="-v: one line per mail; -vv: debug.")
@click.pass_context
def main(ctx: click.Context, config_path: Path | None, verbose: int) -> None:
    """A complaint desk that lives in a shop's support mailbox."""
    _setup_logging(verbose)
    ctx.obj = {"config_path": config_path, "verbose": verbose}


# -- the worker ------------------------------------------------------------------------


@main.command()
@click.pass_context
@clear_errors
def poll(ctx: click.Context) -> None:
    """One cycle: fetch, process, deliver, settle. Exit 0 when the cycle completed."""
    from inbox_worker import app

    if not ctx.obj["verbose"]:
        logging.getLogger("inbox_worker").setLevel(logging.INFO)
    with app.opened(load_config(ctx)) as running:
        report = running.poll()
    click.echo(report.summary())
    if report.send_error:
        sys.exit(1)


@main.command()
@click.pass_context
@clear_errors
def run(ctx: click.Context) -> None:
    """Run every job on its schedule until SIGTERM or SIGINT."""
    from inbox_worker import app

    logging.getLogger("inbox_worker").setLevel(logging.INFO)
    with app.opened(load_config(ctx)) as running:
        running.run_forever()


@main.command()
@click.option(
    "--keep",
    type=click.Path(path_type=Path),
    default=None,
    help="Keep the demo's data folder here instead of a temporary one.",
)
@clear_errors
def demo(keep: Path | None) -> None:
    """Run the worker on sample mail against embedded IMAP and SMTP servers."""
    from inbox_worker import demo as demo_module

    demo_module.run(keep)


@main.command()
@click.pass_context
@clear_errors
def status(ctx: click.Context) -> None:
    """Health: last poll, waiting mail, outbox, quarantine, overdue; non-zero when unhealthy."""
    from inbox_worker import app

    healthy, lines = app.health(load_config(ctx))
    click.echo("\n".join(lines))
    sys.exit(0 if healthy else 1)


@main.command()
@click.pass_context
@clear_errors
def deadlines(ctx: click.Context) -> None:
    """Send the deadline reminders now (the `deadlines` job, once)."""
    from inbox_worker import app

    with app.opened(load_config(ctx), connect=False) as running:
        click.echo(running.deadlines())


@main.command()
@click.option("--print", "only_print", is_flag=True, help="Print the mail; send nothing.")
@click.pass_context
@clear_errors
def digest(ctx: click.Context, only_print: bool) -> None:
    """Send the owner's digest of the days just past now (the `digest` job, once); with
    --print, only show it (read-only, safe beside a running worker)."""
    from datetime import UTC, datetime

    from inbox_worker import app
    from inbox_worker import digest as digest_job

    config = load_config(ctx)
    if only_print:
        click.echo(digest_job.printed(config, datetime.now(UTC)))
        return
    with app.opened(config, connect=False) as running:
        click.echo(running.digest())


@main.command()
@click.pass_context
@clear_errors
def retention(ctx: click.Context) -> None:
    """Move closed cases older than retention.archive_after_days to archive files (the
    `retention` job, once)."""
    from datetime import UTC, datetime

    from inbox_worker import retention as retention_job

    click.echo(retention_job.run_once(load_config(ctx), datetime.now(UTC)))


# -- understanding ------------------------------------------------------------------------


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@click.pass_context
@clear_errors
def classify(ctx: click.Context, files: tuple[Path, ...], as_json: bool) -> None:
    """What the worker understands of each mail."""
    from inbox_worker import evaluate

    config = load_config(ctx, example_ok=True)
    understanding, screening = _understanding(config)
    own = (config.shop.support_address,)
    for path in files:
        record = evaluate.classify_file(path, understanding, screening, own)
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(_describe(record))


def _describe(record: dict[str, Any]) -> str:
    lines = [f"{record['file']}:"]
    for key, value in record.items():
        if key not in ("file", "explanation"):
            lines.append(f"  {key}: {value}")
    lines.extend(f"  - {why}" for why in record.get("explanation") or [])
    return "\n".join(lines)


def _understanding(config: Config) -> tuple[Any, Any]:
    from inbox_worker import nlp, screen

    rules_dir = config.understanding.rules_dir
    return (
        nlp.load(rules_dir, config.understanding.order_number_pattern),
        screen.load_rules(rules_dir),
    )


@main.group()
def rules() -> None:
    """Check the rules in rules/ and measure them on labelled mail."""


@rules.command("check")
@click.pass_context
@clear_errors
def rules_check(ctx: click.Context) -> None:
    """Validate every file in rules/; errors name the file and line."""
    from inbox_worker import rules as rules_module

    config = load_config(ctx, example_ok=True)
    problems = rules_module.check(config.understanding.rules_dir)
    _understanding(config)  # also builds the pipelines, which validates the patterns
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(2)
    click.echo(f"rules in {config.understanding.rules_dir}: OK")


@rules.command("eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="The report as one JSON object.")
@click.pass_context
@clear_errors
def rules_eval(ctx: click.Context, directory: Path, as_json: bool) -> None:
    """Accuracy on a labelled corpus (a folder of .eml files with labels.jsonl)."""
    from inbox_worker import evaluate

    config = load_config(ctx, example_ok=True)
    understanding, screening = _understanding(config)
    report = evaluate.evaluate_corpus(
        directory, understanding, screening, (config.shop.support_address,)
    )
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        click.echo(report.render_text())


# -- the store ----------------------------------------------------------------------------


@main.group()
def cases() -> None:
    """Look at the cases (read-only)."""


@contextmanager
def _read_store(ctx: click.Context) -> Iterator[Any]:
    from inbox_worker.store import CaseStore

    store = CaseStore.for_reading(load_config(ctx).storage.path)
    yield store


@cases.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.option("--status", "statuses", multiple=True, help="Only cases in this status.")
@click.option("--overdue", is_flag=True, help="Only open cases past their deadline.")
@click.option("--due-soon", is_flag=True, help="Only open cases whose deadline is near.")
@click.pass_context
@clear_errors
def cases_list(
    ctx: click.Context, as_json: bool, statuses: tuple[str, ...], overdue: bool, due_soon: bool
) -> None:
    """List the cases in the store, oldest first; archived cases are not listed (`cases show
    ID` still finds them)."""
    from inbox_worker import reports

    config = load_config(ctx)
    with _read_store(ctx) as store:
        chosen = reports.select_cases(store, config, statuses, overdue, due_soon)
        if as_json:
            click.echo(
                json.dumps([reports.case_json(store, c) for c in chosen], ensure_ascii=False)
            )
        else:
            click.echo(reports.case_table(chosen, config))


@cases.command("show")
@click.argument("case_id")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@clear_errors
def cases_show(ctx: click.Context, case_id: str, as_json: bool) -> None:
    """One case with its history, from the store or, once archived, from its archive file."""
    from inbox_worker import reports

    with _read_store(ctx) as store:
        data = reports.shown_case(store, case_id)
        if data is None:
            click.echo(f"error: no case {case_id}", err=True)
            sys.exit(1)
        if data["archived"] and not as_json:
            click.echo(f"archived case, from {store.archive_path(case_id)}")
        click.echo(json.dumps(data, ensure_ascii=False, indent=None if as_json else 2))


@cases.command("report")
@click.option("--days", default=30, show_default=True, help="Cases opened in the last N days.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
@clear_errors
def cases_report(ctx: click.Context, days: int, as_json: bool) -> None:
    """Where the service process breaks: cases by stage (delivery, warehouse, product, payments)."""
    from datetime import UTC, datetime, timedelta

    from inbox_worker import reports

    config = load_config(ctx)
    with _read_store(ctx) as store:
        since = datetime.now(UTC) - timedelta(days=days)
        report = reports.stage_report(store, config, since)
    click.echo(json.dumps(report) if as_json else reports.render_stage_report(report))


# -- templates and quarantine ---------------------------------------------------------------


@main.group()
def templates() -> None:
    """Look at the mail templates."""


@templates.command("preview")
@click.argument("name")
@click.option("--case", "case_id", default=None, help="Render with this case's data.")
@click.option("--language", default=None, help="pl or en (default: the case's or the shop's).")
@click.pass_context
@clear_errors
def templates_preview(
    ctx: click.Context, name: str, case_id: str | None, language: str | None
) -> None:
    """Show one template rendered with a sample case (or a real one)."""
    from inbox_worker import reports

    config = load_config(ctx, example_ok=case_id is None)
    click.echo(reports.preview(config, name, case_id, language))


@main.group()
def quarantine() -> None:
    """Mail that failed processing too often."""


@quarantine.command("list")
@click.pass_context
@clear_errors
def quarantine_list(ctx: click.Context) -> None:
    """List quarantined mails with their errors."""
    with _read_store(ctx) as store:
        rows = store.quarantined()
    for row in rows:
        click.echo(f"{row['id']}  {row['at'][:19]}  {row['message_id']}  {row['error']}")
    if not rows:
        click.echo("quarantine is empty")


@quarantine.command("retry")
@click.argument("quarantine_id")
@click.pass_context
@clear_errors
def quarantine_retry(ctx: click.Context, quarantine_id: str) -> None:
    """Move a quarantined mail back to the inbox for another try."""
    from inbox_worker import app

    click.echo(app.retry_quarantined(load_config(ctx), quarantine_id))


if __name__ == "__main__":
    main()
