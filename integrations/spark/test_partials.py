"""Random splits of the example's ledgers, scanned apart and merged in random order and
grouping with the CLI, give the findings `traingate check --pack ledger` gives on the files.

Needs only the traingate binary ($TRAINGATE, or the package's debug build).
"""

from __future__ import annotations

import csv
import gzip
import json
import random
import subprocess

import pytest

from test_traingate_spark import EXAMPLE, normalized, traingate

MANIFEST = "data/listening-consent.yaml"
AS_OF = "2026-11-22"


def rows() -> list[dict]:
    """Both ledgers' rows as stream rows: `@source` first, `@file`, CSV cells as strings."""
    found = []
    with gzip.open(EXAMPLE / "data" / "ledgers" / "listening.jsonl.gz", "rt") as file:
        for line in file:
            if line.strip():
                found.append({"@source": "app-events", "@file": "listening.jsonl.gz", **json.loads(line)})
    with open(EXAMPLE / "data" / "ledgers" / "artist-bios.csv", newline="") as file:
        for row in csv.DictReader(file):
            found.append({"@source": "artist-bios", "@file": "artist-bios.csv", **{k: v for k, v in row.items() if v != ""}})
    return found


def run(arguments: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([traingate(), *arguments], cwd=EXAMPLE, capture_output=True, text=True, **kwargs)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_splits_merge_into_the_check(tmp_path, seed):
    generator = random.Random(seed)
    parts = generator.randint(2, 7)
    owner: dict[str, int] = {}
    lines: list[list[str]] = [[] for _ in range(parts)]
    every = rows()
    generator.shuffle(every)
    for row in every:
        bucket = row["content_sha256"].lower().removeprefix("sha256:")[:4]
        part = owner.setdefault(bucket, generator.randrange(parts))
        lines[part].append(json.dumps(row, separators=(",", ":")))
    partials = []
    for index, part in enumerate(lines):
        if not part:
            continue
        result = run(["ledger", "scan", "--partial", "--manifest", MANIFEST, "--as-of", AS_OF], input="\n".join(part) + "\n")
        assert result.returncode == 0, result.stderr
        path = tmp_path / f"p{index}.json"
        path.write_text(result.stdout)
        partials.append(path)
    # Merged in a random tree of `merge --partial`, then to findings.
    generator.shuffle(partials)
    while len(partials) > 2:
        index = generator.randrange(len(partials) - 1)
        merged = tmp_path / f"m{len(partials)}.json"
        result = run(["ledger", "merge", "--partial", str(partials[index]), str(partials[index + 1]), "--output", str(merged)])
        assert result.returncode == 0, result.stderr
        partials[index : index + 2] = [merged]
    report = run(["ledger", "merge", *map(str, partials), "--manifest", MANIFEST, "--format", "json"])
    check = run(["check", MANIFEST, "--pack", "ledger", "--as-of", AS_OF, "--format", "json"])
    assert report.returncode == check.returncode == 1, report.stderr
    assert normalized(json.loads(report.stdout)) == normalized(json.loads(check.stdout))
    # The same partials merged again, or split across a bucket, are refused.
    again = run(["ledger", "merge", str(partials[0]), str(partials[0]), "--manifest", MANIFEST])
    assert again.returncode == 2
