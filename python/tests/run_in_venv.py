#!/usr/bin/env python3
"""ctest's `python.package`: the package's tests in a venv of their own.

    run_in_venv.py --venv DIR --library LIBAJAR_SO --ajar AJAR_BIN [pytest args]

Makes the venv once (--system-site-packages; pyspark is a ~300 MB
download, kept in the build tree for later runs), installs the package
from python/ with this build's libajar inside it (no CMake run: the
library is the one ctest just built), and runs pytest on python/tests
from outside the source tree, so the installed package is what is tested.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent
# pandas < 3: pyspark 4 warns that it does not support pandas 3 yet
REQUIREMENTS = ["pyspark[sql]>=3.5", "pandas>=2.2,<3", "pytest"]
PROBE = "import pyspark, pyarrow, pandas, pytest"


def venv_python(venv: Path) -> Path:
    return venv / "bin" / "python"


def run(cmd: list, **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--venv", required=True, type=Path)
    ap.add_argument("--library", required=True, help="libajar.so to ship")
    ap.add_argument("--ajar", required=True, help="the ajar tool, for comparisons")
    a, pytest_args = ap.parse_known_args()
    py = venv_python(a.venv)
    if not py.exists():
        run([sys.executable, "-m", "venv", "--system-site-packages", a.venv])
    if subprocess.run([py, "-c", PROBE], capture_output=True).returncode:
        run([py, "-m", "pip", "install", "-q", *REQUIREMENTS])
    # a copy of python/ so that building the wheel writes nothing into
    # the source tree
    stage = a.venv.parent / "python-package"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(PACKAGE, stage, ignore=shutil.ignore_patterns(
        "build", "*.egg-info", "tests", "__pycache__"))
    env = dict(os.environ, AJAR_PREBUILT_LIBRARY=str(Path(a.library).resolve()))
    run([py, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", stage],
        env=env)
    env = {k: v for k, v in os.environ.items()
           if k not in ("AJAR_LIBRARY", "PYTHONPATH")}
    env["AJAR_BIN"] = str(Path(a.ajar).resolve())
    proc = subprocess.run([py, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           str(HERE), *pytest_args], cwd=a.venv.parent, env=env)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
