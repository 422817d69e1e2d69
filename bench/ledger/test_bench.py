#!/usr/bin/env python3
"""Tests of the benchmark scripts themselves (not of TrainGate).

    python3 bench/ledger/test_bench.py

- generate.py is deterministic and writes well-formed rows of the documented shape;
- duckdb_job.py agrees with `reference_job` below, a plain-Python reading of the same rules,
  on a generated ledger and on hand-written edge cases;
- compare.py accepts a TrainGate-shaped report that agrees, and reports one that does not.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import math
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

import compare  # noqa: E402
import duckdb_job  # noqa: E402
import generate  # noqa: E402

AS_OF = dt.date(2026, 11, 1)
FIELDS = set(duckdb_job.LEDGER_COLUMNS)
OPTOUT_LABELS = {"train-ai", "train-genai", "bots"}


def day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def says_no(content_usage: str | None) -> bool:
    """Whether a "k=v, k=v" dictionary sets an AI-training label to n (a bare key means y)."""
    for member in (content_usage or "").split(","):
        key, has_value, value = member.partition("=")
        value = value.split(";")[0].strip() if has_value else "y"
        if key.strip() in OPTOUT_LABELS and value == "n":
            return True
    return False


def reference_job(folder: Path, as_of: dt.date = AS_OF) -> dict:
    """The job of duckdb_job.py, row by row in Python."""
    with open(folder / "erasure.csv", newline="") as handle:
        erased = {row["subject_ref"] for row in csv.DictReader(handle)}
    rows = [json.loads(line) for line in (folder / "ledger.jsonl").read_text().splitlines()]
    counts = dict.fromkeys(compare.RULES, 0)
    failing = []
    for row in rows:
        get = row.get
        status, status_day = get("consent_status"), day(get("consent_status_at"))
        consent = get("legal_basis") == "consent" and not (
            status in ("given", "renewed")
            or (status in ("withdrawn", "revoked", "expired") and status_day is not None and status_day > as_of))
        erasure = any(day(get(key)) is not None and day(get(key)) <= as_of
                      for key in ("erasure_requested_at", "objection_at"))
        optout = (get("robots_txt") in ("disallowed", "unreachable") or get("tdm_reservation") is True
                  or says_no(get("content_usage")) or bool(get("optout_signals"))) \
            and get("license_agreement_id") is None
        suppressed = get("subject_ref") in erased
        for rule, verdict in zip(compare.RULES, (consent, erasure, optout, suppressed)):
            counts[rule] += verdict
        failing.append(consent or erasure or optout or suppressed)
    bad = {row.get("content_sha256") for row, fails in zip(rows, failing) if fails}
    counts["REC-DUPLICATE"] = sum(1 for row, fails in zip(rows, failing)
                                  if not fails and row.get("content_sha256") in bad)
    domains: dict[str, list[int]] = {}
    for row in rows:
        if row.get("domain") is not None:
            entry = domains.setdefault(row["domain"], [0, 0])
            entry[0] += 1
            entry[1] += row.get("size_bytes") or 0
    ranked = sorted(domains.items(), key=lambda item: (-item[1][1], item[0]))
    top = ranked[: math.ceil(len(domains) * 0.10)]
    return {"rows": len(rows), **counts,
            "top_domains": [{"domain": d, "rows": r, "bytes": b} for d, (r, b) in top]}


def traingate_report(result: dict) -> dict:
    """A report in the shape TrainGate's JSON reporter is to write, with the given counts."""
    findings = [
        {"rule_id": rule, "subject": compare.SUBJECT, "status": "fail",
         "records": {"failing": result[rule], "total": result["rows"],
                     "share": result[rule] / result["rows"],
                     "samples": [{"file": "ledger.jsonl", "line": 1, "item_id": "web-000000000"}],
                     "breakdown": []}}
        for rule in compare.RULES if result[rule] > 0
    ]
    findings.append({"rule_id": "DSM-4-3", "subject": compare.SUBJECT, "status": "pass"})
    ledger = {"subject": compare.SUBJECT, "file": "ledger.jsonl", "rows": result["rows"],
              "bytes": 0, "tokens": 0,
              "top_domains": [{**entry, "tokens": 0} for entry in result["top_domains"]]}
    return {"findings": findings, "ledgers": [ledger]}


class GeneratorTests(unittest.TestCase):
    def test_deterministic_and_well_formed(self):
        with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
            for folder in (first, second):
                with redirect_stderr(io.StringIO()):
                    generate.generate(3000, Path(folder), 1)
            for name in ("ledger.jsonl", "erasure.csv", "manifest.yaml"):
                self.assertEqual(hashlib.sha256((Path(first) / name).read_bytes()).hexdigest(),
                                 hashlib.sha256((Path(second) / name).read_bytes()).hexdigest(), name)
            text = (Path(first) / "ledger.jsonl").read_text()
            lines = text.splitlines()
            self.assertEqual(len(lines), 3000)
            self.assertTrue(300 <= len(text) / len(lines) <= 400, len(text) / len(lines))
            rows = [json.loads(line) for line in lines]
            self.assertEqual(len({row["item_id"] for row in rows}), 3000)
            self.assertEqual([row["item_id"] for row in rows], sorted(row["item_id"] for row in rows))
            total = 0
            for row in rows:
                self.assertLessEqual(set(row), FIELDS)
                self.assertEqual(row["source_id"], "web")
                self.assertRegex(row["content_sha256"], r"^[0-9a-f]{64}$")
                self.assertIn(row["modality"], ("text", "image"))
                self.assertTrue(row["url"].startswith(f"https://{row['domain']}/"))
                self.assertRegex(row["retrieved_at"], r"^2025-|^2026-0[1-6]-")
                for key in ("size_bytes", "tokens"):
                    if key in row:
                        self.assertIs(type(row[key]), int)
                for key in ("retrieved_at", "consent_status_at", "erasure_requested_at", "objection_at"):
                    if key in row:
                        self.assertRegex(row[key], r"^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?$")
                        day(row[key])
                total += row["size_bytes"]
            self.assertIn(f"size: {{value: {total}, unit: bytes}}", (Path(first) / "manifest.yaml").read_text())
            keys = (Path(first) / "erasure.csv").read_text().splitlines()
            self.assertEqual(keys[0], "subject_ref")
            self.assertEqual(len(set(keys[1:])), 300)

    def test_every_rule_has_failures(self):
        with tempfile.TemporaryDirectory() as folder:
            with redirect_stderr(io.StringIO()):
                generate.generate(20000, Path(folder), 7)
            result = duckdb_job.run_job(Path(folder), AS_OF, 2)
            for rule in compare.RULES:
                self.assertTrue(0.005 * 20000 < result[rule] < 0.04 * 20000, (rule, result[rule]))


class JobTests(unittest.TestCase):
    def test_generated_ledger_matches_reference(self):
        with tempfile.TemporaryDirectory() as folder:
            with redirect_stderr(io.StringIO()):
                generate.generate(20000, Path(folder), 3)
            self.assertEqual(duckdb_job.run_job(Path(folder), AS_OF, 2), reference_job(Path(folder)))

    def test_edge_cases(self):
        rows = [
            # consent: the as-of day itself is not after it; missing status fails; future withdrawal passes
            {"legal_basis": "consent", "consent_status": "withdrawn", "consent_status_at": "2026-11-01T23:59:59Z"},
            {"legal_basis": "consent", "consent_status": "withdrawn", "consent_status_at": "2026-11-02"},
            {"legal_basis": "consent"},
            {"legal_basis": "consent", "consent_status": None},
            {"legal_basis": "consent", "consent_status": "refused", "consent_status_at": "2027-01-01"},
            {"legal_basis": "consent", "consent_status": "renewed"},
            {"legal_basis": "contract", "consent_status": "withdrawn"},
            # erasure
            {"erasure_requested_at": "2026-11-01"},
            {"objection_at": "2026-11-01T00:00:00Z"},
            {"erasure_requested_at": "2026-11-02T00:00:00Z", "objection_at": None},
            # opt-out
            {"content_usage": "train-ai"},
            {"content_usage": "search=n, train-ai=y"},
            {"content_usage": "search=y,train-genai=n;src=x"},
            {"content_usage": "bots = n"},
            {"content_usage": "xtrain-ai=n"},
            {"optout_signals": []},
            {"optout_signals": None},
            {"optout_signals": ["c2pa"]},
            {"optout_signals": ["c2pa"], "license_agreement_id": "lic-1"},
            {"robots_txt": "unreachable", "license_agreement_id": None},
            {"robots_txt": "not_checked"},
            {"tdm_reservation": False},
            {"tdm_reservation": None},
            {"tdm_reservation": True},
            # suppression and duplicates
            {"subject_ref": "subj-1", "content_sha256": "a" * 64},
            {"content_sha256": "a" * 64},
            {"content_sha256": "a" * 64, "robots_txt": "disallowed"},
            {"subject_ref": "subj-2", "content_sha256": "b" * 64},
        ]
        with tempfile.TemporaryDirectory() as folder:
            lines = []
            for index, row in enumerate(rows):
                full = {"item_id": f"e{index}", "source_id": "web", "content_sha256": f"{index:064x}",
                        "size_bytes": index, "domain": f"d{index % 3}.com", **row}
                lines.append(json.dumps(full))
            (Path(folder) / "ledger.jsonl").write_text("\n".join(lines) + "\n")
            (Path(folder) / "erasure.csv").write_text("subject_ref\nsubj-1\nsubj-9\n")
            expected = reference_job(Path(folder))
            self.assertEqual(
                {rule: expected[rule] for rule in compare.RULES},
                {"REC-CONSENT": 4, "REC-ERASURE": 2, "REC-OPTOUT": 6, "REC-SUPPRESSED": 1, "REC-DUPLICATE": 1})
            self.assertEqual(duckdb_job.run_job(Path(folder), AS_OF, 1), expected)


class CompareTests(unittest.TestCase):
    RESULT = {"rows": 1000, "REC-CONSENT": 17, "REC-ERASURE": 11, "REC-OPTOUT": 0,
              "REC-SUPPRESSED": 21, "REC-DUPLICATE": 6,
              "top_domains": [{"domain": "a.com", "rows": 10, "bytes": 900},
                              {"domain": "b.org", "rows": 20, "bytes": 800}]}

    def run_compare(self, report: dict, result: dict) -> tuple[int, str]:
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "traingate.json").write_text(json.dumps(report))
            (Path(folder) / "duckdb.json").write_text(json.dumps(result))
            out = io.StringIO()
            with redirect_stdout(out), redirect_stderr(out):
                code = compare.main([folder, f"{folder}/traingate.json", f"{folder}/duckdb.json"])
            return code, out.getvalue()

    def test_agreement(self):
        code, out = self.run_compare(traingate_report(self.RESULT), self.RESULT)
        self.assertEqual(code, 0, out)
        self.assertIn("agree", out)

    def test_count_mismatch(self):
        report = traingate_report({**self.RESULT, "REC-ERASURE": 12})
        code, out = self.run_compare(report, self.RESULT)
        self.assertEqual(code, 1)
        self.assertRegex(out, r"REC-ERASURE: traingate 12, duckdb 11")

    def test_domain_mismatch(self):
        swapped = {**self.RESULT, "top_domains": list(reversed(self.RESULT["top_domains"]))}
        code, out = self.run_compare(traingate_report(swapped), self.RESULT)
        self.assertEqual(code, 1)
        self.assertIn("#1: traingate ('b.org', 20, 800), duckdb ('a.com', 10, 900)", out)

    def test_bad_shape(self):
        code, out = self.run_compare({"findings": []}, self.RESULT)
        self.assertEqual(code, 2)
        self.assertIn("ledgers", out)


if __name__ == "__main__":
    unittest.main()
