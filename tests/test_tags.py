"""Staff tags: parsing, aliases, typos, message and signature."""

from __future__ import annotations

from inbox_worker.models import CaseStatus, Category, Resolution
from inbox_worker.tags import has_tags, parse_command


def test_tags_on_top_then_message_without_signature() -> None:
    command = parse_command(
        "#status w_toku\n#resolution replacement\n#assign Anna\n\n"
        "Kurier odbierze czajnik w czwartek.\n\n-- \nAnna Nowak\nSklep Domowy"
    )
    assert command.status is CaseStatus.IN_PROGRESS
    assert command.resolution is Resolution.REPLACEMENT
    assert command.assign == "Anna"
    assert command.message == "Kurier odbierze czajnik w czwartek."
    assert command.errors == ()


def test_polish_aliases_with_and_without_diacritics() -> None:
    assert parse_command("#status zamknięta").status is CaseStatus.CLOSED
    assert parse_command("#status zamknieta").status is CaseStatus.CLOSED
    assert parse_command("#status: uznana").status is CaseStatus.ACCEPTED
    assert parse_command("#kategoria damaged").category is Category.DAMAGED


def test_typos_are_errors_with_a_suggestion() -> None:
    command = parse_command("#stauts in_progress")
    assert command.errors and "did you mean #status" in command.errors[0]
    assert "did you mean in_progress" in parse_command("#status in_progres").errors[0]
    assert parse_command("#category broken").errors


def test_note_and_silent_flags() -> None:
    command = parse_command("#note\nKlient dzwonił, sprawa pilna.")
    assert command.note and not command.silent
    assert command.message == "Klient dzwonił, sprawa pilna."
    assert parse_command("#silent\n#status closed").silent


def test_tags_below_text_or_order_numbers_are_not_tags() -> None:
    assert not has_tags("Dzień dobry,\n#status closed")
    assert not has_tags("#482913 to mój numer zamówienia")
    assert has_tags("\n\n#status closed\n")
