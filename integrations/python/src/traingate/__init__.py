"""Gate ML training on TrainGate: check dataset manifests and model cards, verify attestations.

    import traingate
    traingate.verify("traingate.att.json", key="keys/ci.pub")   # raises TrainingBlocked
    result = traingate.check(["model-card.yaml"], as_of="2026-11-22")
    if not result.passed: ...

Both run the `traingate` binary this package carries (or $TRAINGATE_BINARY).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence, Union

__all__ = ["check", "verify", "CheckResult", "Finding", "TrainingBlocked", "TrainGateError", "binary"]

PathLike = Union[str, "os.PathLike[str]"]


class TrainGateError(Exception):
    """TrainGate could not run: invalid input, pack or key (its exit code 2), or no binary."""

    def __init__(self, message: str, *, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class TrainingBlocked(Exception):
    """Training must not start: the attestation does not hold. `reasons` says why, one each."""

    def __init__(self, reasons: Sequence[str], *, exit_code: int):
        super().__init__("training blocked: " + "; ".join(reasons))
        self.reasons = list(reasons)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Finding:
    """One result of a rule on one subject."""

    rule: str
    severity: str
    status: str
    message: str
    location: str
    """`file:line:column` of the offending node."""
    subject: str
    raw: dict = field(repr=False, compare=False)


@dataclass(frozen=True)
class CheckResult:
    """A check's outcome: `passed` is false when a finding fails at or above `fail_on`."""

    passed: bool
    verdict: str
    findings: list
    raw: dict = field(repr=False)
    exit_code: int = 0

    def __bool__(self) -> bool:
        return self.passed


def binary() -> str:
    """The traingate binary: $TRAINGATE_BINARY, else the one in this package."""
    given = os.environ.get("TRAINGATE_BINARY")
    if given:
        return given
    bundled = Path(__file__).resolve().parent / "bin" / "traingate"
    if not bundled.is_file():
        raise TrainGateError("the traingate binary is missing from the package; reinstall it or set TRAINGATE_BINARY")
    return str(bundled)


def _run(arguments: list) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([binary(), *arguments], capture_output=True, text=True)
    except OSError as error:
        raise TrainGateError(f"cannot run traingate: {error}") from error


def check(
    paths: Union[PathLike, Iterable[PathLike]],
    *,
    packs: Optional[Iterable[str]] = None,
    as_of: Optional[str] = None,
    fail_on: str = "high",
    config: Optional[PathLike] = None,
) -> CheckResult:
    """Checks model cards and manifests (files or folders). Raises TrainGateError when the check
    cannot run; otherwise returns the result, passed or not."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    arguments = ["check", *map(os.fspath, paths), "--format", "json", "--fail-on", fail_on]
    for pack in packs or []:
        arguments += ["--pack", pack]
    if as_of is not None:
        arguments += ["--as-of", as_of]
    arguments += ["--config", os.fspath(config)] if config is not None else ["--no-config"]
    process = _run(arguments)
    if process.returncode not in (0, 1):
        raise TrainGateError(process.stderr.strip() or f"traingate check exited {process.returncode}", exit_code=process.returncode)
    raw: dict[str, Any] = json.loads(process.stdout)
    findings = []
    for item in raw.get("findings", []):
        location = item.get("location") or {}
        findings.append(
            Finding(
                rule=item["rule_id"], severity=item["severity"], status=item["status"], message=item["message"],
                location=f"{location.get('file', '')}:{location.get('line', 0)}:{location.get('column', 0)}",
                subject=item.get("subject", ""), raw=item,
            )
        )
    return CheckResult(passed=process.returncode == 0, verdict=raw.get("verdict", ""), findings=findings, raw=raw,
                       exit_code=process.returncode)


def verify(envelope: PathLike, key: PathLike, root: PathLike = ".") -> None:
    """Verifies a check attestation: its signature with `key`, every attested file unchanged
    under `root`, and a passing verdict. Returns nothing, or raises TrainingBlocked."""
    process = _run(["verify", os.fspath(envelope), "--key", os.fspath(key), "--root", os.fspath(root)])
    if process.returncode == 0:
        return
    reasons = [line.split(": blocked: ", 1)[-1] for line in process.stderr.splitlines() if line.strip()]
    raise TrainingBlocked(reasons or [f"traingate verify exited {process.returncode}"], exit_code=process.returncode)
