"""docs/security.md names the test that proves each mitigation: every test it names exists."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITED = re.compile(r"`(test_\w+\.py)(?:::(test_\w+))?`|`::(test_\w+)`")


def test_every_test_the_threat_model_names_exists():
    text = (ROOT / "docs" / "security.md").read_text()
    missing, current, cited = [], None, 0
    for match in CITED.finditer(text):
        module, name, continued = match.groups()
        current = module or current
        path = ROOT / "tests" / current
        if not path.exists():
            missing.append(current)
            continue
        wanted = name or continued
        if wanted:
            cited += 1
            defined = {
                node.name
                for node in ast.walk(ast.parse(path.read_text()))
                if isinstance(node, ast.FunctionDef)
            }
            if wanted not in defined:
                missing.append(f"{current}::{wanted}")
    assert cited >= 20
    assert missing == []
