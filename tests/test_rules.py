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


def test_rule_names_are_unique_across_files(rules_copy: Path) -> None:
    _append(
        rules_copy / "resolutions.toml",
        '\n[[rule]]\nname = "damaged-broken-pl"\ndescription = "again"\nresolution = "repair"\n'
        'language = "pl"\nweight = 1\nphrases = ["serwis"]\n',
    )
    assert any("name already used at categories.toml" in p for p in check(rules_copy))


@pytest.mark.parametrize("flag", ["remedy", "ordered", "negatable"])
def test_rule_flags_must_be_booleans(rules_copy: Path, flag: str) -> None:
    _append(
        rules_copy / "categories.toml",
        f'\n[[rule]]\nname = "flag-test"\ndescription = "x"\ncategory = "return"\n'
        f'language = "pl"\nweight = 1\nphrases = ["oddać"]\n{flag} = "yes"\n',
    )
    assert any(f"'{flag}' must be true or false" in p for p in check(rules_copy))


def test_neutral_rule_needs_no_weight(rules_copy: Path) -> None:
    _append(
        rules_copy / "categories.toml",
        '\n[[rule]]\nname = "neutral-extra"\ndescription = "x"\ncategory = "none"\n'
        'language = "pl"\nphrases = ["brak czasu"]\n',
    )
    assert check(rules_copy) == []


def test_category_options_are_validated(rules_copy: Path) -> None:
    path = rules_copy / "categories.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('yields_to = ["refund"]', 'yields_to = ["money"]')
    text = text.replace("has_resolution = false", 'has_resolution = "no"')
    path.write_text(text, encoding="utf-8")
    problems = check(rules_copy)
    assert any("'yields_to' must be a list of categories" in p for p in problems)
    assert any("'has_resolution' must be true or false" in p for p in problems)


def test_alternatives_are_optional(rules_copy: Path) -> None:
    path = rules_copy / "language.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join(line for line in lines if not line.startswith("alternatives")), "utf-8"
    )
    assert check(rules_copy) == []
    assert load_rules(rules_copy).language.markers["pl"].alternatives == frozenset()


def test_diminutives_map_to_lists(rules_copy: Path) -> None:
    _append(rules_copy / "names.toml", '\nzuza = "zuzanna"\n')
    assert any("[diminutives] 'zuza' must map to a list" in p for p in check(rules_copy))
    rules = load_rules(RULES_DIR)
    assert "katarzyna" in rules.names.diminutives["kasia"]


def test_when_category_names_categories(rules_copy: Path) -> None:
    _append(
        rules_copy / "resolutions.toml",
        '\n[[rule]]\nname = "send-test"\ndescription = "x"\nresolution = "replacement"\n'
        'language = "pl"\nweight = 1\nphrases = ["wysłać"]\nwhen_category = ["lost"]\n',
    )
    assert any("'when_category' must be a list of categories" in p for p in check(rules_copy))
