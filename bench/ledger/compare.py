#!/usr/bin/env python3
"""Check that TrainGate and the DuckDB job agree on a generated ledger.

    python3 bench/ledger/compare.py DIR TRAINGATE_JSON DUCKDB_JSON

TRAINGATE_JSON is the report of
`traingate check DIR/manifest.yaml --pack ledger --as-of 2026-11-01 --format json --output X`;
DUCKDB_JSON is the output of `duckdb_job.py DIR --out Y`.

From the TrainGate report it reads:

  - per rule, the failing rows: `records.failing` of the findings with that `rule_id`, status
    `fail` and subject `dataset:bench/source:web` (no such finding means 0 rows);
  - the ledger entry of that subject in `ledgers`: its `rows` and its `top_domains`
    (domain, rows, bytes).

It compares rows, REC-CONSENT, REC-ERASURE, REC-OPTOUT, REC-SUPPRESSED, REC-DUPLICATE and
the top domains (same domains, same order, same rows and bytes) exactly, prints what it
compared, and exits 0 when everything agrees, 1 on a mismatch (with the differences), 2 when
an input is missing or not in the expected shape.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SUBJECT = "dataset:bench/source:web"
RULES = ["REC-CONSENT", "REC-ERASURE", "REC-OPTOUT", "REC-SUPPRESSED", "REC-DUPLICATE"]


class ShapeError(Exception):
    """An input file is not in the shape this script expects."""


def load_json(path: Path, what: str) -> object:
    try:
        return json.loads(path.read_text())
    except OSError as error:
        raise ShapeError(f"cannot read the {what} {path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise ShapeError(f"the {what} {path} is not JSON: {error}") from None


def is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def domain_rows(entries: object, where: str) -> list[tuple[str, int, int]]:
    """[(domain, rows, bytes)] of a top_domains list; extra keys (e.g. tokens) are ignored."""
    if not isinstance(entries, list):
        raise ShapeError(f"{where} is not a list")
    rows = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ShapeError(f"{where}[{index}] is not an object")
        domain, count, size = entry.get("domain"), entry.get("rows"), entry.get("bytes")
        if not isinstance(domain, str) or not is_count(count) or not is_count(size):
            raise ShapeError(f"{where}[{index}] lacks a string domain and integer rows and bytes: {entry}")
        rows.append((domain, count, size))
    return rows


def traingate_summary(report: object) -> tuple[dict, list[str]]:
    """The counts and top domains of a TrainGate JSON report, and notes on what looked odd."""
    if not isinstance(report, dict):
        raise ShapeError("the TrainGate report is not a JSON object")
    notes: list[str] = []
    findings = report.get("findings")
    if not isinstance(findings, list):
        raise ShapeError("the TrainGate report has no `findings` list")
    counts = {rule: 0 for rule in RULES}
    seen = {rule: 0 for rule in RULES}
    totals = set()
    for index, finding in enumerate(findings):
        if not isinstance(finding, dict) or finding.get("rule_id") not in counts:
            continue
        rule = finding["rule_id"]
        if finding.get("subject") != SUBJECT:
            notes.append(f"findings[{index}] ({rule}) is about {finding.get('subject')!r}, not {SUBJECT}; skipped")
            continue
        if finding.get("status") != "fail":
            notes.append(f"findings[{index}] ({rule}) has status {finding.get('status')!r}; skipped")
            continue
        records = finding.get("records")
        if not isinstance(records, dict) or not is_count(records.get("failing")):
            raise ShapeError(f"findings[{index}] ({rule}) has no integer records.failing")
        counts[rule] += records["failing"]
        seen[rule] += 1
        if is_count(records.get("total")):
            totals.add(records["total"])
    for rule, number in seen.items():
        if number > 1:
            notes.append(f"{rule} has {number} failing findings for {SUBJECT}; their rows were added up")

    ledgers = report.get("ledgers")
    if not isinstance(ledgers, list):
        raise ShapeError("the TrainGate report has no `ledgers` list")
    matching = [entry for entry in ledgers if isinstance(entry, dict) and entry.get("subject") == SUBJECT]
    if len(matching) != 1:
        raise ShapeError(f"the TrainGate report has {len(matching)} ledger entries for {SUBJECT}, not 1")
    ledger = matching[0]
    if not is_count(ledger.get("rows")):
        raise ShapeError(f"the ledger entry for {SUBJECT} has no integer rows")
    if totals - {ledger["rows"]}:
        notes.append(f"records.total {sorted(totals)} differs from the ledger's rows {ledger['rows']}")
    summary = {"rows": ledger["rows"], **counts,
               "top_domains": domain_rows(ledger.get("top_domains"), "ledgers[].top_domains"),
               "bytes": ledger.get("bytes"), "file": ledger.get("file")}
    return summary, notes


def duckdb_summary(result: object) -> dict:
    if not isinstance(result, dict):
        raise ShapeError("the DuckDB result is not a JSON object")
    summary = {}
    for key in ["rows", *RULES]:
        if not is_count(result.get(key)):
            raise ShapeError(f"the DuckDB result has no integer {key!r}")
        summary[key] = result[key]
    summary["top_domains"] = domain_rows(result.get("top_domains"), "top_domains")
    return summary


def manifest_size(folder: Path) -> int | None:
    """The manifest's size.value (generate.py writes the sum of size_bytes there), if readable."""
    try:
        for line in (folder / "manifest.yaml").read_text().splitlines():
            line = line.strip()
            if line.startswith("size:") and "value:" in line:
                return int(line.split("value:")[1].split(",")[0].strip())
    except (OSError, ValueError):
        pass
    return None


def domain_differences(left: list, right: list, limit: int = 10) -> list[str]:
    """Readable differences between two top-domain lists (TrainGate first, DuckDB second)."""
    lines = []
    if len(left) != len(right):
        lines.append(f"  length: traingate {len(left)}, duckdb {len(right)}")
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else None
        b = right[index] if index < len(right) else None
        if a != b:
            lines.append(f"  #{index + 1}: traingate {a}, duckdb {b}")
            if len(lines) >= limit:
                lines.append("  …")
                break
    only_left = {d for d, _, _ in left} - {d for d, _, _ in right}
    only_right = {d for d, _, _ in right} - {d for d, _, _ in left}
    if only_left:
        lines.append(f"  only in traingate: {', '.join(sorted(only_left)[:limit])}")
    if only_right:
        lines.append(f"  only in duckdb: {', '.join(sorted(only_right)[:limit])}")
    return lines


def compare(folder: Path, traingate: dict, duckdb: dict) -> list[str]:
    """The mismatches, after printing what was compared."""
    mismatches = []
    width = max(len(key) for key in ["rows", *RULES])
    print(f"{folder}:")
    print(f"  {'':<{width}}  {'traingate':>12}  {'duckdb':>12}")
    for key in ["rows", *RULES]:
        same = traingate[key] == duckdb[key]
        print(f"  {key:<{width}}  {traingate[key]:>12}  {duckdb[key]:>12}  {'ok' if same else 'MISMATCH'}")
        if not same:
            mismatches.append(f"{key}: traingate {traingate[key]}, duckdb {duckdb[key]}")
    same = traingate["top_domains"] == duckdb["top_domains"]
    print(f"  {'top_domains':<{width}}  {len(traingate['top_domains']):>12}  {len(duckdb['top_domains']):>12}  "
          f"{'ok' if same else 'MISMATCH'}")
    if not same:
        mismatches.append("top_domains differ:\n" + "\n".join(domain_differences(traingate["top_domains"],
                                                                                 duckdb["top_domains"])))
    declared = manifest_size(folder)
    if declared is not None and traingate.get("bytes") is not None and traingate["bytes"] != declared:
        print(f"  note: the ledger's bytes ({traingate['bytes']}) differ from the manifest's size "
              f"({declared}, the sum of size_bytes); not compared")
    return mismatches


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    folder, traingate_path, duckdb_path = (Path(arg) for arg in argv)
    try:
        traingate, notes = traingate_summary(load_json(traingate_path, "TrainGate report"))
        duckdb = duckdb_summary(load_json(duckdb_path, "DuckDB result"))
    except ShapeError as error:
        print(f"compare: {error}", file=sys.stderr)
        return 2
    for note in notes:
        print(f"note: {note}")
    mismatches = compare(folder, traingate, duckdb)
    if mismatches:
        print("MISMATCH between TrainGate and DuckDB:", file=sys.stderr)
        for mismatch in mismatches:
            print(f"- {mismatch}", file=sys.stderr)
        return 1
    print("TrainGate and DuckDB agree.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
