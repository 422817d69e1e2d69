"""The Python package, installed: `check`, `verify`, `TrainingBlocked` and the console script."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import traingate

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def as_of(example: str) -> str:
    return next(line.split()[-1] for line in (EXAMPLES / example / "expected.yaml").read_text().splitlines() if line.startswith("as_of:"))


def test_a_passing_and_a_failing_check():
    passed = traingate.check(EXAMPLES / "licensed-music-model", as_of=as_of("licensed-music-model"))
    assert passed.passed and passed.verdict == "pass" and passed.exit_code == 0
    assert all(finding.status != "fail" for finding in passed.findings)
    failed = traingate.check([EXAMPLES / "scraped-catalogue"], as_of=as_of("scraped-catalogue"))
    assert not failed.passed and failed.verdict == "fail" and failed.exit_code == 1
    first = failed.findings[0]
    assert first.status == "fail" and first.rule and first.severity in {"critical", "high", "medium", "low", "info"}
    assert first.location.count(":") == 2 and first.raw["rule_id"] == first.rule
    assert not failed
    # fail_on=never passes what fails at high.
    assert traingate.check(EXAMPLES / "scraped-catalogue", as_of=as_of("scraped-catalogue"), fail_on="never").passed


def test_an_input_that_cannot_be_checked_raises(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("apiVersion: traingate/v1\nkind: DatasetManifest\ndataset: {id: x\n")
    with pytest.raises(traingate.TrainGateError) as raised:
        traingate.check(broken)
    assert raised.value.exit_code == 2 and "broken.yaml" in str(raised.value)


def test_verify_passes_and_blocks(tmp_path):
    shutil.copytree(EXAMPLES / "licensed-music-model", tmp_path / "work")
    subprocess.run(["traingate", "keygen", str(tmp_path / "ci")], check=True, capture_output=True)
    run = subprocess.run(
        ["traingate", "check", "work", "--as-of", as_of("licensed-music-model"), "--attest", "att.json", "--key", str(tmp_path / "ci")],
        cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    traingate.verify(tmp_path / "att.json", key=tmp_path / "ci.pub", root=tmp_path)
    card = tmp_path / "work" / "model-card.yaml"
    card.write_text(card.read_text() + "\n")
    with pytest.raises(traingate.TrainingBlocked) as blocked:
        traingate.verify(tmp_path / "att.json", key=tmp_path / "ci.pub", root=tmp_path)
    assert blocked.value.exit_code == 1
    assert any("work/model-card.yaml: changed since the check" in reason for reason in blocked.value.reasons)
    (tmp_path / "att.json").write_text("{}")
    with pytest.raises(traingate.TrainingBlocked) as malformed:
        traingate.verify(tmp_path / "att.json", key=tmp_path / "ci.pub", root=tmp_path)
    assert malformed.value.exit_code == 2


def test_the_console_script_runs_the_binary():
    result = subprocess.run(["traingate", "packs", "list"], capture_output=True, text=True)
    assert result.returncode == 0 and "ledger" in result.stdout
