"""rules/ validation: the shipped files are clean; broken files are reported with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from inbox_worker.errors import RulesError
from inbox_worker.models import Category, Stage
from inbox_worker.rules import check, load_rules

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def test_shipped_rules_are_clean() -> None:
    assert check(RULES_DIR) == []


def test_every_category_has_a_stage() -> None:
    rules = load_rules(RULES_DIR)
    assert set(rules.categories) == set(Category)
    assert rules.categories[Category.DAMAGED].stage is Stage.DELIVERY
    assert rules.categories[Category.WRONG_ITEM].stage is Stage.WAREHOUSE
    assert rules.categories[Category.DEFECTIVE].stage is Stage.PRODUCT
    assert rules.categories[Category.BILLING].stage is Stage.PAYMENTS


def test_rule_names_are_unique_and_documented() -> None:
    rules = load_rules(RULES_DIR)
    names = [rule.name for rule in rules.phrase_rules]
    assert len(names) == len(set(names))
    assert all(rule.description for rule in rules.phrase_rules)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_bad_rule_is_reported_with_file_and_line(rules_copy: Path) -> None:
    _append(
        rules_copy / "categories.toml",
        '\n[[rule]]\nname = "Bad Name"\ncategory = "nonsense"\nlanguage = "pl"\nweight = 0\n',
    )
    problems = check(rules_copy)
    lines = (rules_copy / "categories.toml").read_text(encoding="utf-8").splitlines()
    line = lines.index('name = "Bad Name"') + 1
    assert any(p.startswith(f"categories.toml:{line}: rule 'Bad Name'") for p in problems)
    assert any("kebab-case" in p for p in problems)
    assert any("'category' must be one of" in p for p in problems)
    assert any("'weight'" in p for p in problems)
    assert any("needs 'phrases'" in p for p in problems)


def test_toml_syntax_error_names_the_line(rules_copy: Path) -> None:
    _append(rules_copy / "resolutions.toml", "\n[[rule]\n")
    problems = check(rules_copy)
    assert any(p.startswith("resolutions.toml:") and "not valid TOML" in p for p in problems)


def test_duplicate_rule_name(rules_copy: Path) -> None:
    _append(
        rules_copy / "resolutions.toml",
        '\n[[rule]]\nname = "repair-pl"\ndescription = "again"\nresolution = "repair"\n'
        'language = "pl"\nweight = 1\nphrases = ["serwis"]\n',
    )
    assert any("duplicate name" in p for p in check(rules_copy))


def test_missing_file_and_unknown_file(rules_copy: Path) -> None:
    (rules_copy / "ratings.toml").unlink()
    (rules_copy / "stray.toml").write_text("", encoding="utf-8")
    problems = check(rules_copy)
    assert any(p.startswith("ratings.toml:1: file missing") for p in problems)
    assert any(p.startswith("stray.toml:1: unknown file") for p in problems)


def test_load_raises_rules_error_listing_problems(rules_copy: Path) -> None:
    _append(rules_copy / "kinds.toml", '\n[[rule]]\nname = "x"\n')
    with pytest.raises(RulesError, match=r"kinds.toml:\d+"):
        load_rules(rules_copy)


def test_missing_list_key_is_a_problem(rules_copy: Path) -> None:
    path = rules_copy / "names.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("closings =", "closing ="), "utf-8")
    assert any("closings must be a list" in p for p in check(rules_copy))
