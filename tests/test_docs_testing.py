"""docs/testing.md shows exactly the user test file that the suite runs."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_testing_doc_embeds_the_user_test_file_verbatim():
    doc = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    src = (ROOT / "docs" / "test_user_strategies.py").read_text(encoding="utf-8").rstrip("\n")
    assert f"```python\n{src}\n```" in doc
