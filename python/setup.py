"""Builds libajar with the project's CMake and ships it inside the package.

`pip install ./python` runs CMake on the repository's sources (the
directory above this one), builds the `ajar_shared` target and copies
libajar.so to ajar/_lib/. Environment:
  AJAR_PREBUILT_LIBRARY  copy this libajar.so instead of building
  AJAR_CMAKE_BUILD_DIR   build tree to use (default: python/build/cmake)
"""

import os
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


class BuildWithLibrary(build_py):
    """build_py that also puts libajar.so into the package."""

    def run(self) -> None:
        super().run()
        dest = Path(self.build_lib) / "ajar" / "_lib"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(build_library(), dest / "libajar.so")


class BinaryDistribution(Distribution):
    """The wheel carries a native library: tag it for this platform."""

    def has_ext_modules(self) -> bool:
        return True


setup(cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution)
