"""Every template renders in both languages with strict variables; subjects are safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from inbox_worker.compose import Letter, Templates, long_date
from inbox_worker.errors import TemplateError
from inbox_worker.reports import sample_case, sample_variables
from tests.support import PROJECT, make_config

TEMPLATES = Templates(PROJECT / "templates", "sklep.example")


def test_every_template_exists_in_both_languages() -> None:
    names = set(TEMPLATES.names())
    for language in ("pl", "en"):
        files = {
            p.name.removesuffix(".txt.j2")
            for p in (PROJECT / "templates" / language).glob("*.txt.j2")
        }
        assert files == names


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("name", TEMPLATES.names())
def test_every_template_renders(tmp_path: Path, name: str, language: str) -> None:
    config = make_config(tmp_path)
    case = sample_case(config, language)
    letter = Letter(name, case.customer, language, case.id, sample_variables(case, config))
    mail = TEMPLATES.render(letter)
    assert mail.subject and "\n" not in mail.subject
    assert mail.text.strip() and mail.html and "<p>" in mail.html
    assert mail.message_id.startswith(f"<iw.{case.id}.{name}.")
    assert mail.message_id.endswith("@sklep.example>")


def test_missing_variable_fails_loudly(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    case = sample_case(config, "pl")
    variables = sample_variables(case, config)
    del variables["deadline"]
    with pytest.raises(TemplateError, match="deadline"):
        TEMPLATES.render(Letter("ack_new_case", case.customer, "pl", case.id, variables))


def test_customer_text_cannot_break_the_subject_or_the_html(tmp_path: Path) -> None:
    config = make_config(tmp_path)
    case = sample_case(config, "pl")
    variables = {**sample_variables(case, config), "subject": "x\r\nBcc: victim@example.com"}
    variables["message"] = "<script>alert(1)</script>"
    mail = TEMPLATES.render(Letter("ack_new_case", case.customer, "pl", case.id, variables))
    assert "\n" not in mail.subject and "\r" not in mail.subject
    update = TEMPLATES.render(Letter("progress_update", case.customer, "pl", case.id, variables))
    assert "<script>" not in (update.html or "")


def test_sandbox_blocks_python_internals(tmp_path: Path) -> None:
    evil = tmp_path / "templates"
    for language in ("pl", "en"):
        (evil / language).mkdir(parents=True)
        (evil / language / "x.txt.j2").write_text(
            "Subject: s\n{{ shop_name.__class__.__mro__[1].__subclasses__() }}"
        )
    templates = Templates(evil, "sklep.example")
    with pytest.raises(TemplateError):
        templates.render(Letter("x", "a@b.example", "pl", "R1", {"shop_name": "S"}))


def test_long_dates() -> None:
    assert long_date("2026-12-06", "pl") == "6 grudnia 2026"
    assert long_date("2026-12-06T10:00:00+00:00", "en") == "6 December 2026"
