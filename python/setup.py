"""Builds libajar with the project's CMake and ships it inside the package.

`pip install ./python` runs CMake on the repository's sources (the
directory above this one), builds the `ajar_shared` target and copies
libajar.so to ajar/_lib/. Environment:
  AJAR_PREBUILT_LIBRARY  copy this libajar.so instead of building
  AJAR_CMAKE_BUILD_DIR   build tree to use (default: python/build/cmake)
The package's version is the library's: project(VERSION) in the top
CMakeLists.txt, or ajar_version() of AJAR_PREBUILT_LIBRARY; it is written
to ajar/_version.py, and the package refuses a libajar of another version.
"""

import ctypes
import os
import re
import shutil
import subprocess
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent


def build_library() -> Path:
    """Path of a libajar.so built (or named) for this install."""
    pre = os.environ.get("AJAR_PREBUILT_LIBRARY")
    if pre:
        return Path(pre).resolve()
    if not (SOURCE / "CMakeLists.txt").exists():
        raise SystemExit(f"ajar: no CMakeLists.txt in {SOURCE}; set AJAR_PREBUILT_LIBRARY")
    bdir = Path(os.environ.get("AJAR_CMAKE_BUILD_DIR", HERE / "build" / "cmake"))
    subprocess.check_call(["cmake", "-S", str(SOURCE), "-B", str(bdir),
                           "-DCMAKE_BUILD_TYPE=RelWithDebInfo"])
    subprocess.check_call(["cmake", "--build", str(bdir), "--target", "ajar_shared",
                           "--parallel", str(os.cpu_count() or 2)])
    return (bdir / "libajar.so").resolve()


def project_version() -> str:
    """CMake's project(VERSION), else the prebuilt library's version."""
    cml = SOURCE / "CMakeLists.txt"
    if cml.exists():
        m = re.search(r"project\(\s*ajar\s+VERSION\s+([0-9.]+)", cml.read_text())
        if m:
            return m.group(1)
    pre = os.environ.get("AJAR_PREBUILT_LIBRARY")
    if pre:
        lib = ctypes.CDLL(str(Path(pre).resolve()))
        lib.ajar_version.restype = ctypes.c_char_p
        return lib.ajar_version().decode()
    raise SystemExit("ajar: no version: neither CMakeLists.txt nor AJAR_PREBUILT_LIBRARY")


class BuildWithLibrary(build_py):
    """build_py that also puts libajar.so into the package, and the
    version the package checks the library against."""

    def run(self) -> None:
        super().run()
        dest = Path(self.build_lib) / "ajar" / "_lib"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(build_library(), dest / "libajar.so")
        (dest.parent / "_version.py").write_text(
            f'"""Written by setup.py."""\n__version__ = "{project_version()}"\n')


class BinaryDistribution(Distribution):
    """The wheel carries a native library: tag it for this platform."""

    def has_ext_modules(self) -> bool:
        return True


setup(version=project_version(), cmdclass={"build_py": BuildWithLibrary},
      distclass=BinaryDistribution)
