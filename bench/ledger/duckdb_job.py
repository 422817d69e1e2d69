#!/usr/bin/env python3
"""The ledger check of the benchmark, done in DuckDB: the baseline TrainGate is timed against.

    python3 bench/ledger/duckdb_job.py DIR [--as-of 2026-11-01] [--threads 2] [--out result.json]

Reads DIR/ledger.jsonl (source "web", a web crawl) and the suppression list DIR/erasure.csv,
as written by generate.py, and prints (and with --out also writes) one JSON object:

    {"rows": N, "REC-CONSENT": n, "REC-ERASURE": n, "REC-OPTOUT": n,
     "REC-SUPPRESSED": n, "REC-DUPLICATE": n,
     "top_domains": [{"domain": d, "rows": n, "bytes": n}, ...]}

The rules, for as-of day A (a date-time counts on the calendar day it names, i.e. its first
ten characters; an undeclared or JSON-null field is "not declared"):

  REC-CONSENT     legal_basis is consent, and consent_status is neither given nor renewed,
                  nor withdrawn, revoked or expired on a day after A (a missing status fails)
  REC-ERASURE     erasure_requested_at or objection_at is on or before A
  REC-OPTOUT      robots_txt is disallowed or unreachable, or tdm_reservation is true, or
                  content_usage (a structured-field dictionary "k=v, k=v"; a bare key means
                  y, parameters after ";" are ignored) sets train-ai, train-genai or bots to
                  n, or optout_signals is a non-empty list; and license_agreement_id is not
                  declared
  REC-SUPPRESSED  subject_ref is one of erasure.csv's subject_ref keys
  REC-DUPLICATE   a row failing none of the four rules above whose content_sha256 is that of
                  a row failing at least one of them
  top_domains     rows and sum(size_bytes) per declared domain, over all rows, ordered by
                  bytes descending then domain ascending; the first ceil(10 %) of the
                  distinct domains

All of it is one SQL statement: one scan of each file, the per-row verdicts materialised
once, and every count and the domain ranking computed from them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import duckdb

# The ledger's columns as declared to read_json: no type sniffing, no surprises. Dates stay
# text, so a date and a date-time are both read as written and compared by their day.
LEDGER_COLUMNS = {
    "item_id": "VARCHAR",
    "source_id": "VARCHAR",
    "content_sha256": "VARCHAR",
    "modality": "VARCHAR",
    "size_bytes": "BIGINT",
    "tokens": "BIGINT",
    "url": "VARCHAR",
    "domain": "VARCHAR",
    "retrieved_at": "VARCHAR",
    "robots_txt": "VARCHAR",
    "tdm_reservation": "BOOLEAN",
    "content_usage": "VARCHAR",
    "optout_signals": "VARCHAR[]",
    "license": "VARCHAR",
    "license_agreement_id": "VARCHAR",
    "personal_data": "BOOLEAN",
    "subject_ref": "VARCHAR",
    "legal_basis": "VARCHAR",
    "consent_record_id": "VARCHAR",
    "consent_status": "VARCHAR",
    "consent_status_at": "VARCHAR",
    "erasure_requested_at": "VARCHAR",
    "objection_at": "VARCHAR",
}

# Only the columns the job needs are projected out of the scan; DuckDB's JSON reader then
# skips the others while parsing.
JOB_SQL = """
WITH
ledger AS (
  SELECT domain, size_bytes, content_sha256, legal_basis, consent_status, consent_status_at,
         erasure_requested_at, objection_at, robots_txt, tdm_reservation, content_usage,
         optout_signals, license_agreement_id, subject_ref
  FROM read_json($ledger, format = 'newline_delimited', columns = $columns)
),
erasure AS (
  SELECT DISTINCT subject_ref
  FROM read_csv($erasure, header = true, columns = {'subject_ref': 'VARCHAR'})
  WHERE subject_ref IS NOT NULL
),
verdicts AS MATERIALIZED (
  SELECT
    domain,
    size_bytes,
    content_sha256,
    coalesce(legal_basis = 'consent' AND NOT coalesce(
        consent_status IN ('given', 'renewed')
        OR (consent_status IN ('withdrawn', 'revoked', 'expired')
            AND try_cast(left(consent_status_at, 10) AS DATE) > $as_of),
        false), false) AS consent,
    coalesce(try_cast(left(erasure_requested_at, 10) AS DATE) <= $as_of, false)
      OR coalesce(try_cast(left(objection_at, 10) AS DATE) <= $as_of, false) AS erasure,
    (coalesce(robots_txt IN ('disallowed', 'unreachable'), false)
      OR coalesce(tdm_reservation, false)
      -- a member "train-ai=n", "train-genai=n" or "bots=n", parameters (";...") allowed
      OR coalesce(regexp_matches(content_usage,
           '(?:^|,)\s*(?:train-ai|train-genai|bots)\s*=\s*n\s*(?:[;,]|$)'), false)
      OR coalesce(len(optout_signals) > 0, false))
      AND license_agreement_id IS NULL AS optout,
    coalesce(subject_ref IN (SELECT subject_ref FROM erasure), false) AS suppressed
  FROM ledger
),
failing_content AS (
  SELECT DISTINCT content_sha256 FROM verdicts
  WHERE (consent OR erasure OR optout OR suppressed) AND content_sha256 IS NOT NULL
),
counts AS (
  SELECT
    count(*) AS rows,
    count(*) FILTER (consent) AS consent,
    count(*) FILTER (erasure) AS erasure,
    count(*) FILTER (optout) AS optout,
    count(*) FILTER (suppressed) AS suppressed,
    count(*) FILTER (NOT (consent OR erasure OR optout OR suppressed)
                     AND content_sha256 IN (SELECT content_sha256 FROM failing_content))
      AS duplicate
  FROM verdicts
),
domains AS (
  SELECT domain, count(*) AS rows, coalesce(sum(size_bytes), 0)::BIGINT AS bytes
  FROM verdicts WHERE domain IS NOT NULL
  GROUP BY domain
),
top_domains AS (
  SELECT list({'domain': domain, 'rows': rows, 'bytes': bytes} ORDER BY bytes DESC, domain ASC)
           [1 : ceil(count(*) * 0.10)::BIGINT] AS top
  FROM domains
)
SELECT counts.*, top_domains.top FROM counts, top_domains
"""


def run_job(folder: Path, as_of: dt.date, threads: int | None) -> dict:
    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    row = con.execute(
        JOB_SQL,
        {
            "ledger": str(folder / "ledger.jsonl"),
            "erasure": str(folder / "erasure.csv"),
            "columns": LEDGER_COLUMNS,
            "as_of": as_of,
        },
    ).fetchone()
    rows, consent, erasure, optout, suppressed, duplicate, top = row
    return {
        "rows": rows,
        "REC-CONSENT": consent,
        "REC-ERASURE": erasure,
        "REC-OPTOUT": optout,
        "REC-SUPPRESSED": suppressed,
        "REC-DUPLICATE": duplicate,
        "top_domains": [{"domain": d["domain"], "rows": d["rows"], "bytes": d["bytes"]} for d in top or []],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder holding ledger.jsonl and erasure.csv")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2026, 11, 1),
                        help="the as-of day, YYYY-MM-DD (default 2026-11-01)")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: DuckDB's own)")
    parser.add_argument("--out", type=Path, help="also write the result to this file")
    args = parser.parse_args()
    for name in ("ledger.jsonl", "erasure.csv"):
        if not (args.folder / name).is_file():
            parser.error(f"{args.folder / name} does not exist")
    result = run_job(args.folder, args.as_of, args.threads)
    text = json.dumps(result, indent=2) + "\n"
    if args.out:
        args.out.write_text(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
