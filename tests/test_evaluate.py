"""classify_file follows the classify --json contract; evaluate_corpus scores a folder."""

from __future__ import annotations

import json
from pathlib import Path

from test_nlp import RULES_DIR, load_understanding

from inbox_worker.evaluate import classify_file, evaluate_corpus
from inbox_worker.screen import load_rules as load_screening_rules

COMPLAINT = """\
From: Anna Kowalska <anna@gmail.example>
To: reklamacje@sklep.example
Subject: czajnik przecieka
Message-ID: <a1@gmail.example>
Date: Wed, 4 Nov 2026 10:00:00 +0100
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Dzien dobry, czajnik z zamowienia nr 482913 nie dziala. Prosze o wymiane.

Pozdrawiam
Anna Kowalska
"""

KEYS = {
    "file",
    "kind",
    "language",
    "order_numbers",
    "category",
    "stage",
    "resolution",
    "customer_name",
    "rating",
    "explanation",
}


def test_classify_file_contract(tmp_path: Path) -> None:
    path = tmp_path / "a.eml"
    path.write_text(COMPLAINT, encoding="utf-8")
    result = classify_file(path, load_understanding(), load_screening_rules(RULES_DIR))
    assert set(result) == KEYS
    assert result["file"] == str(path)
    assert result["kind"] == "complaint"
    assert result["order_numbers"] == ["482913"]
    assert result["category"] == "defective" and result["stage"] == "product"
    assert result["resolution"] == "replacement"
    assert result["customer_name"] == "Anna Kowalska"
    assert isinstance(result["explanation"], list) and result["explanation"]
    json.dumps(result)


def test_evaluate_corpus_reports_errors(tmp_path: Path) -> None:
    (tmp_path / "a.eml").write_text(COMPLAINT, encoding="utf-8")
    label = {
        "file": "a.eml",
        "kind": "complaint",
        "language": "pl",
        "order_numbers": ["482913"],
        "category": "damaged",
        "resolution": "replacement",
        "customer_name": "Anna Kowalska",
        "rating": None,
        "notes": "",
    }
    (tmp_path / "labels.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    report = evaluate_corpus(tmp_path, load_understanding(), load_screening_rules(RULES_DIR))
    data = report.as_dict()
    json.dumps(data)
    assert data["accuracy"]["kind"] == 1.0  # type: ignore[index]
    assert data["accuracy"]["category"] == 0.0  # type: ignore[index]
    assert report.misclassified == [
        {"file": "a.eml", "errors": {"category": {"expected": "damaged", "got": "defective"}}}
    ]
    assert report.confusion["damaged"] == {"defective": 1}
    text = report.render_text()
    assert "a.eml" in text and "expected 'damaged', got 'defective'" in text
