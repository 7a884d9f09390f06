#!/usr/bin/env python3
"""ctest's `python.package`: the package's tests in a venv of their own.

    run_in_venv.py --venv DIR --library LIBAJAR_SO --ajar AJAR_BIN [pytest args]

Makes the venv once (--system-site-packages; pyspark is a ~300 MB
download, kept in the build tree for later runs), installs the package
from python/ with this build's libajar inside it (no CMake run: the
library is the one ctest just built), and runs pytest on python/tests
from outside the source tree, so the installed package is what is tested.

Spark reads Avro only with the spark-avro package (Maven Central): fetched
once with the Ivy that pyspark ships into the venv (the pyspark version's
own, else the newest release of the same major version), and given to the
tests as $AJAR_TEST_AVRO_JAR. When Maven Central cannot be reached, the
Avro test is skipped and says why.
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


def avro_jar(py: Path, venv: Path) -> str:
    """The spark-avro jar for the venv's pyspark (fetched once), or ""."""
    out = venv / "spark-avro"
    have = sorted(out.glob("spark-avro_*.jar"))
    if have:
        return str(have[-1])
    probe = subprocess.run([py, "-c", "import glob, os, pyspark; from ajar.spark import "
                            "avro_package; print(avro_package()); print(glob.glob(os.path."
                            "join(os.path.dirname(pyspark.__file__), 'jars', 'ivy-*.jar'))[0])"],
                           capture_output=True, text=True)
    if probe.returncode:
        print("no spark-avro: " + probe.stderr.strip()[-300:], flush=True)
        return ""
    coord, ivy = probe.stdout.split()
    org, module, version = coord.split(":")
    major = int(version.split(".")[0])
    for rev in (version, f"[{major}.0,{major + 1}.0["):
        cmd = ["java", "-jar", ivy, "-m2compatible", "-cache", str(venv / "ivy-cache"),
               "-dependency", org, module, rev, "-notransitive",
               "-retrieve", str(out / "[artifact]-[revision].[ext]")]
        try:
            subprocess.run(cmd, capture_output=True, timeout=180)
        except subprocess.TimeoutExpired:
            break
        have = sorted(out.glob("spark-avro_*.jar"))
        if have:
            print(f"spark-avro for pyspark {version}: {have[-1].name}", flush=True)
            return str(have[-1])
    print(f"no spark-avro for {coord} from Maven Central: the Avro test is skipped",
          flush=True)
    return ""


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
    env["AJAR_TEST_AVRO_JAR"] = avro_jar(py, a.venv)
    proc = subprocess.run([py, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
                           str(HERE), *pytest_args], cwd=a.venv.parent, env=env)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
