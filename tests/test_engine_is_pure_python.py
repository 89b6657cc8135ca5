"""The engine imports no Django and keeps no module-level mutable state."""

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "council_sm" / "engine"


def test_importing_the_engine_loads_no_django_module():
    code = (
        "import sys, council_sm.engine\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=ENGINE.parent.parent,
    )
    assert result.stdout.strip() == ""


def test_no_engine_module_names_django_in_an_import():
    offenders = []
    for path in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [
                f"{path.name}: {name}" for name in names if name.split(".")[0] == "django"
            ]
    assert offenders == []


def test_engine_modules_hold_no_mutable_globals():
    mutable = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)
    offenders = []
    for path in ENGINE.glob("*.py"):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, mutable):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
