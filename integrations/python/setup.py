"""Builds the package with the TrainGate binary inside it.

The binary comes from $TRAINGATE_BINARY when set (any built traingate, e.g. the CI's), else it is
built from this repository with `scripts/build-static` (the Swift runtime, FoundationEssentials,
libyaml, zlib and the C++ runtime linked in), so the wheel runs on a machine with neither Swift nor
libyaml: only the C library. The wheel is tagged for this platform.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # pragma: no cover
    bdist_wheel = None

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[1]


def binary() -> Path:
    given = os.environ.get("TRAINGATE_BINARY")
    if given:
        # pip may run this file from the package's own folder: a relative path is tried from the
        # current folder, then from the repository's root (as the README's commands write it).
        candidates = [Path(given)] if Path(given).is_absolute() else [Path.cwd() / given, REPOSITORY / given]
        for path in candidates:
            if path.is_file():
                return path.resolve()
        raise SystemExit(f"TRAINGATE_BINARY={given}: no such file (looked at {', '.join(map(str, candidates))})")
    if not (REPOSITORY / "Package.swift").is_file():
        raise SystemExit("no traingate binary: set TRAINGATE_BINARY, or build from the TrainGate repository")
    built = subprocess.run([str(REPOSITORY / "scripts" / "build-static")], cwd=REPOSITORY, check=True, stdout=subprocess.PIPE, text=True)
    return Path(built.stdout.strip().splitlines()[-1])


class BuildWithBinary(build_py):
    def run(self):
        super().run()
        target = Path(self.build_lib) / "traingate" / "bin" / "traingate"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(binary(), target)
        target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        # Symbols are not needed to run it: a third of the size.
        if shutil.which("strip"):
            subprocess.run(["strip", str(target)], check=False)


commands = {"build_py": BuildWithBinary}
if bdist_wheel is not None:

    class PlatformWheel(bdist_wheel):
        """A wheel for this platform (it carries a native binary), for any Python 3."""

        def finalize_options(self):
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):
            _, _, platform = super().get_tag()
            return "py3", "none", platform

    commands["bdist_wheel"] = PlatformWheel

setup(cmdclass=commands)
