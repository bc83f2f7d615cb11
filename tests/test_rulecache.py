"""The rule cache: a warm start understands exactly what a cold one does, and stale,
corrupt or unwritable caches cost a rebuild, never a wrong answer or a failed start."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from inbox_worker import rulecache
from inbox_worker.nlp import Understanding, load

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    ("Paczka doszla uszkodzona, pekniety czajnik. Prosze o zwrot pieniedzy, zam. 482913", "pl"),
    ("nie dostałam przesyłki do dzisiaj, kurier nic nie dostarczył", "pl"),
    ("W paczce brakowało ładowarki, a zamiast niebieskiego przyszedł czerwony", "pl"),
    ("The kettle arrived broken and I would like a replacement, order no. 482913", "en"),
    ("I was charged twice for my order, please refund the second payment", "en"),
]


def analysis(understanding: Understanding) -> list[object]:
    return [
        [(h.family, h.target, h.rule, h.negated) for h in understanding.analyse(text, lang)]
        + understanding.lemmas(text, lang)
        for text, lang in SAMPLES
    ]


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("rules-*.json"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("INBOX_WORKER_CACHE_DIR", str(directory))
    return directory


def test_warm_start_understands_what_a_cold_one_does(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = load(ROOT / "rules")
    [written] = cache_files(cache_dir)
    warm = load(ROOT / "rules")
    monkeypatch.setenv("INBOX_WORKER_CACHE_DIR", "off")
    uncached = load(ROOT / "rules")
    assert analysis(cold) == analysis(warm) == analysis(uncached)
    assert analysis(warm)[0][0]  # the samples do hit rules: the comparison means something
    # Words typed without diacritics are found through the cached form index.
    assert warm.lemmas("doszla pekniety", "pl") == [("doszla", "dojść"), ("pekniety", "pęknąć")]
    segments = [("body", "w zamówieniu 482913, tel. 600 123 456, kod 123456")]
    assert warm.orders.find(segments) == cold.orders.find(segments)
    assert [hit.number for hit in warm.orders.find(segments)] == ["482913"]
    assert cache_files(cache_dir) == [written]


def test_a_changed_rule_file_is_a_new_cache(cache_dir: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    before = load(rules)
    text = "mój jamnik zjadł fakturę"
    assert "dog-ate-it-pl" not in {h.rule for h in before.analyse(text, "pl")}
    categories = rules / "categories.toml"
    categories.write_text(
        categories.read_text(encoding="utf-8")
        + '\n[[rule]]\nname = "dog-ate-it-pl"\ndescription = "test"\ncategory = "billing"\n'
        'language = "pl"\nweight = 2.0\nphrases = ["jamnik zjeść"]\n',
        encoding="utf-8",
    )
    after = load(rules)
    assert "dog-ate-it-pl" in {h.rule for h in after.analyse(text, "pl")}
    assert len(cache_files(cache_dir)) == 2


def test_a_corrupt_cache_is_rebuilt(cache_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    expected = analysis(load(ROOT / "rules"))
    [written] = cache_files(cache_dir)
    written.write_text('{"format": 1, "polish": {"vocab', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="inbox_worker.rulecache"):
        assert analysis(load(ROOT / "rules")) == expected
    assert "unreadable" in caplog.text
    assert json.loads(written.read_text(encoding="utf-8"))["format"] == rulecache.FORMAT


def test_an_unwritable_cache_directory_does_not_stop_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    monkeypatch.setenv("INBOX_WORKER_CACHE_DIR", str(blocker / "cache"))
    assert analysis(load(ROOT / "rules"))[0][0]


def test_only_a_few_caches_are_kept(cache_dir: Path) -> None:
    cache_dir.mkdir()
    for index in range(6):
        (cache_dir / f"rules-old{index}.json").write_text("{}")
    load(ROOT / "rules")
    assert len(cache_files(cache_dir)) == 4
