#!/usr/bin/env python3
"""Generate a synthetic web-crawl ledger, a suppression list and the manifest naming both.

    python3 bench/ledger/generate.py --rows N --out DIR [--seed 1]

Writes, in DIR:

  ledger.jsonl   N rows of source "web", one flat JSON object per line
  erasure.csv    a suppression list keyed by subject_ref (header `subject_ref`)
  manifest.yaml  a traingate/v1 DatasetManifest naming the two files above

The output is deterministic: the same arguments give byte-identical files. Every value is
derived from DuckDB's `hash(row, seed, stream)`, never from a random number generator, and the
rows are written in row-number order whatever the thread count. Generation runs inside DuckDB:
a million rows take seconds, ten million (3.7 GB) well under a minute.

Row shape. Every row declares item_id, source_id, content_sha256, modality, size_bytes,
url, domain, retrieved_at, robots_txt and license; text rows also declare tokens. A field
that a row does not declare is left out of its line, except on about 5 % of clean rows,
which write `"tdm_reservation":null,"license_agreement_id":null` to exercise explicit nulls.
Dates are RFC 3339: date-times are written in UTC with a `Z` suffix
(`2025-03-04T05:06:07Z`); some consent and erasure dates are plain dates (`2026-03-04`).
`optout_signals` is a JSON array of strings, sometimes empty. Integers are plain integers.

Planted cases, chosen per row by `hash(row, seed, 1) % 10000` (rates are of all rows):

  2.0 %  consent fails: legal_basis consent with consent_status withdrawn, revoked, expired
         or refused dated before 2026-11-01, a few `unknown` or missing statuses, and a few
         withdrawals dated 2026-11-01 itself (a date-time on the as-of day counts on that day)
  1.5 %  erasure fails: erasure_requested_at or objection_at on or before 2026-11-01
  2.5 %  opt-outs: robots_txt disallowed or unreachable, tdm_reservation true, content_usage
         declaring train-ai=n (or the legacy train-genai=n / bots=n), or a non-empty
         optout_signals list; a fifth of them carry a license_agreement_id, which excuses them
  0.5 %  opt-out near misses that pass: train-ai=y, a bare `train-ai` key (means y),
         search=n, an empty optout_signals list, tdm_reservation false, robots_txt not_checked
  2.5 %  consent that passes: given or renewed, or withdrawn / expiring after 2026-11-01
  1.5 %  erasure near misses that pass: requests dated after 2026-11-01
  1.5 %  duplicates: clean rows whose content_sha256 is that of a planted failing row
         (a consent, erasure or unexcused opt-out row)

About 8 % of the remaining clean rows and every consent or erasure row carry a subject_ref
`subj-<n>` (about 14 % of all rows). erasure.csv holds min(100000, N/10) distinct keys, half
of which name ledger subjects, so about a tenth of the rows with a subject_ref (1.4 % of all
rows) are suppressed; a suppressed row may also be one of the planted cases above.

Domains follow a Zipf-like law (P(rank k) ~ 1/k) over min(50000, max(20, N/20)) registrable
domains, so the top ten per cent of domains hold most of the bytes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import duckdb

# The seconds from 2025-01-01T00:00:00Z to 2026-07-01T00:00:00Z: retrieved_at lies in
# 2025-01-01 .. 2026-06-30.
RETRIEVAL_SPAN_SECONDS = 546 * 86_400

DOMAIN_WORDS = [
    "acorn", "amber", "anchor", "arbor", "atlas", "aurora", "beacon", "birch",
    "bramble", "breeze", "brook", "canyon", "cedar", "cinder", "cobalt", "comet",
    "coral", "crest", "delta", "ember", "fable", "fern", "fjord", "flint",
    "garnet", "glade", "granite", "harbor", "hazel", "heron", "indigo", "iris",
    "juniper", "kestrel", "lagoon", "lantern", "larch", "lumen", "maple", "meadow",
    "mesa", "mist", "nectar", "nimbus", "oasis", "onyx", "orchid", "pebble",
    "pine", "prism", "quartz", "raven", "reef", "ridge", "river", "saffron",
    "sage", "solstice", "spruce", "summit", "thistle", "tundra", "willow", "zephyr",
]
TLDS = ["com", "com", "com", "org", "net", "de", "fr", "io", "co.uk", "eu"]
PATH_SECTIONS = ["articles", "news", "blog", "docs", "wiki", "forum", "p", "stories"]
LICENSES = [
    "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "CC-BY-NC-4.0",
    "all-rights-reserved", "all-rights-reserved", "all-rights-reserved", "unknown",
]


def sql_list(values: list[str]) -> str:
    """A DuckDB list literal of strings (the values hold no quotes)."""
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def macros(seed: int, domain_count: int, subject_count: int) -> list[str]:
    """The DuckDB macros every generated field is built from."""
    return [
        # One 64-bit pseudo-random draw per (row, stream).
        f"CREATE MACRO h(i, k) AS hash(i, {seed}, k)",
        "CREATE MACRO pick(i, k, n) AS h(i, k) % n",
        # One element of a list literal, chosen by stream k.
        "CREATE MACRO choose(i, k, xs) AS xs[1 + (h(i, k) % len(xs))::BIGINT]",
        # A date-time (UTC, `Z`) or a date in the `days` days from `start`.
        "CREATE MACRO datetime_in(i, k, start, days) AS "
        "strftime(CAST(start AS TIMESTAMP) + to_seconds((h(i, k) % (days * 86400))::BIGINT), "
        "'%Y-%m-%dT%H:%M:%SZ')",
        "CREATE MACRO date_in(i, k, start, days) AS "
        "strftime(CAST(start AS DATE) + to_days((h(i, k) % days)::INTEGER), '%Y-%m-%d')",
        # Either form, half and half (stream k decides the form, k + 1 the value).
        "CREATE MACRO day_or_time_in(i, k, start, days) AS CASE WHEN h(i, k) % 2 = 0 "
        "THEN date_in(i, k + 1, start, days) ELSE datetime_in(i, k + 1, start, days) END",
        # The planted case of a row: a number in 0 .. 9999 (see the module docstring).
        "CREATE MACRO cat(i) AS h(i, 1) % 10000",
        # Within a case, a second draw in 0 .. 99 chooses the variant.
        "CREATE MACRO variant(i) AS h(i, 2) % 100",
        "CREATE MACRO is_text(i) AS h(i, 3) % 100 < 90",
        "CREATE MACRO size_of(i) AS CASE WHEN is_text(i) "
        "THEN 256 + (h(i, 4) % 24000) + (h(i, 5) % 8) * (h(i, 6) % 12000) "
        "ELSE 20000 + (h(i, 4) % 400000) + (h(i, 5) % 8) * (h(i, 6) % 500000) END",
        # Zipf-like domain rank in 0 .. domain_count - 1: floor((D + 1)^u) - 1 for uniform u.
        f"CREATE MACRO domain_rank(i) AS least({domain_count - 1}, "
        f"floor(exp((h(i, 7) % 1000000007) / 1000000007.0 * ln({domain_count} + 1)))::BIGINT - 1)",
        # A distinct name per rank: the two words fix r % 4096 (37 and 11 scramble the order),
        # the number suffix r // 4096.
        "CREATE MACRO domain_of(r) AS "
        f"{sql_list(DOMAIN_WORDS)}[1 + (37 * r) % 64] || '-' || {sql_list(DOMAIN_WORDS)}[1 + (r // 64 + 11 * r) % 64] "
        "|| CASE WHEN r >= 4096 THEN (r // 4096)::VARCHAR ELSE '' END "
        f"|| '.' || {sql_list(TLDS)}[1 + (hash(r, 17) % {len(TLDS)})::BIGINT]",
        # A failing planted row: consent or erasure fails, or an opt-out without a licence.
        "CREATE MACRO excused(i) AS h(i, 20) % 5 = 0",
        "CREATE MACRO planted_failure(i) AS cat(i) < 350 OR (cat(i) < 600 AND NOT excused(i))",
        "CREATE MACRO is_duplicate(i) AS cat(i) >= 1050 AND cat(i) < 1200",
        "CREATE MACRO subject_of(i) AS 'subj-' || (h(i, 40) % " + str(subject_count) + ")::VARCHAR",
        "CREATE MACRO has_subject(i) AS cat(i) < 350 OR (cat(i) >= 650 AND cat(i) < 1050) "
        "OR (cat(i) >= 1200 AND h(i, 41) % 100 < 8)",
    ]


# Optional parts of a line: concat_ws skips the NULL ones, so undeclared fields are left out.
def q(key: str, value_sql: str) -> str:
    """The SQL for `"key":"value"` (a JSON string)."""
    return f"""'"{key}":"' || ({value_sql}) || '"'"""


def n(key: str, value_sql: str) -> str:
    """The SQL for `"key":value` (a JSON number, boolean, array or null)."""
    return f"""'"{key}":' || ({value_sql})"""


LINE_SQL = f"""
'{{' || concat_ws(',',
  {q('item_id', "printf('web-%09d', i)")},
  '"source_id":"web"',
  {q('content_sha256', "sha256('bench-content:' || $seed || ':' || ck)")},
  {q('modality', "CASE WHEN is_text(i) THEN 'text' ELSE 'image' END")},
  {n('size_bytes', 'size_of(i)')},
  CASE WHEN is_text(i) THEN {n('tokens', 'size_of(i) // 4')} END,
  {q('url', "'https://' || dom || '/' || choose(i, 8, " + sql_list(PATH_SECTIONS) + ") "
             "|| '/' || printf('%08x', h(i, 9) % 4294967296) "
             "|| CASE WHEN is_text(i) THEN '.html' ELSE '.jpg' END")},
  {q('domain', 'dom')},
  {q('retrieved_at', f"datetime_in(i, 10, '2025-01-01', {RETRIEVAL_SPAN_SECONDS // 86400})")},
  {q('robots_txt', '''CASE
      WHEN c >= 350 AND c < 600 AND v < 15 THEN 'disallowed'
      WHEN c >= 350 AND c < 600 AND v < 25 THEN 'unreachable'
      WHEN c >= 600 AND c < 650 AND v < 20 THEN 'not_checked'
      WHEN h(i, 11) % 100 < 3 THEN 'unavailable'
      ELSE 'allowed' END''')},
  CASE
    WHEN c >= 350 AND c < 600 AND v >= 25 AND v < 40 THEN '"tdm_reservation":true'
    WHEN c >= 600 AND c < 650 AND v >= 20 AND v < 35 THEN '"tdm_reservation":false'
    WHEN clean AND h(i, 12) % 100 < 5 THEN '"tdm_reservation":null' END,
  CASE
    WHEN c >= 350 AND c < 600 AND v >= 40 AND v < 52 THEN '"content_usage":"train-ai=n"'
    WHEN c >= 350 AND c < 600 AND v >= 52 AND v < 58 THEN '"content_usage":"search=y, train-ai=n"'
    WHEN c >= 350 AND c < 600 AND v >= 58 AND v < 64 THEN '"content_usage":"train-genai=n"'
    WHEN c >= 350 AND c < 600 AND v >= 64 AND v < 70 THEN '"content_usage":"bots=n"'
    WHEN c >= 600 AND c < 650 AND v >= 35 AND v < 55 THEN '"content_usage":"train-ai=y"'
    WHEN c >= 600 AND c < 650 AND v >= 55 AND v < 70 THEN '"content_usage":"train-ai, search=y"'
    WHEN c >= 600 AND c < 650 AND v >= 70 AND v < 85 THEN '"content_usage":"search=n"'
    WHEN clean AND h(i, 13) % 100 < 5 THEN '"content_usage":"train-ai=y, search=y"' END,
  CASE
    WHEN c >= 350 AND c < 600 AND v >= 70 AND v < 85 THEN '"optout_signals":["tdmrep"]'
    WHEN c >= 350 AND c < 600 AND v >= 85 THEN '"optout_signals":["aipref","ai_txt"]'
    WHEN c >= 600 AND c < 650 AND v >= 85 THEN '"optout_signals":[]' END,
  {q('license', 'choose(i, 14, ' + sql_list(LICENSES) + ')')},
  CASE
    WHEN c >= 350 AND c < 600 AND excused(i)
      THEN {q('license_agreement_id', "'lic-' || (h(i, 21) % 500)::VARCHAR")}
    WHEN clean AND h(i, 12) % 100 < 5 THEN '"license_agreement_id":null' END,
  CASE WHEN subj THEN '"personal_data":true' END,
  CASE WHEN subj THEN {q('subject_ref', 'subject_of(i)')} END,
  CASE
    WHEN c < 200 OR (c >= 650 AND c < 900) THEN '"legal_basis":"consent"'
    WHEN subj THEN '"legal_basis":"legitimate_interests"' END,
  CASE WHEN c < 200 OR (c >= 650 AND c < 900)
    THEN {q('consent_record_id', "'cr-' || printf('%010d', h(i, 30) % 10000000000)")} END,
  CASE
    WHEN c < 200 AND v < 5 THEN '"consent_status":"unknown"'
    WHEN c < 200 AND v < 10 THEN NULL
    WHEN c < 200 AND v < 15 THEN '"consent_status":"withdrawn"'
    WHEN c < 200 THEN {q('consent_status', "choose(i, 31, ['withdrawn', 'revoked', 'expired', 'refused'])")}
    WHEN c >= 650 AND c < 900 AND v < 10 THEN '"consent_status":"withdrawn"'
    WHEN c >= 650 AND c < 900 AND v < 20 THEN '"consent_status":"expired"'
    WHEN c >= 650 AND c < 900 THEN {q('consent_status', "choose(i, 31, ['given', 'given', 'given', 'renewed'])")}
    END,
  CASE
    WHEN c < 200 AND v >= 10 AND v < 15 THEN {q('consent_status_at', "datetime_in(i, 32, '2026-11-01', 1)")}
    WHEN c < 200 AND v >= 5 THEN {q('consent_status_at', "day_or_time_in(i, 32, '2025-01-01', 669)")}
    WHEN c >= 650 AND c < 900 AND v < 20 THEN {q('consent_status_at', "day_or_time_in(i, 32, '2026-11-02', 180)")}
    WHEN c >= 650 AND c < 900 THEN {q('consent_status_at', "day_or_time_in(i, 32, '2024-01-01', 700)")}
    END,
  CASE
    WHEN c >= 200 AND c < 350 AND v < 60 THEN {q('erasure_requested_at', "day_or_time_in(i, 34, '2025-06-01', 519)")}
    WHEN c >= 200 AND c < 350 AND v < 66 THEN '"erasure_requested_at":"2026-11-01"'
    WHEN c >= 900 AND c < 1050 AND v < 60 THEN {q('erasure_requested_at', "day_or_time_in(i, 34, '2026-11-02', 200)")}
    END,
  CASE
    WHEN c >= 200 AND c < 350 AND v >= 66 THEN {q('objection_at', "day_or_time_in(i, 36, '2025-06-01', 519)")}
    WHEN c >= 900 AND c < 1050 AND v >= 60 THEN {q('objection_at', "day_or_time_in(i, 36, '2026-11-02', 200)")}
    END
) || '}}'
"""


def ledger_query(rows: int, seed: int) -> str:
    """The SELECT that yields the ledger's lines, in row order."""
    return f"""
WITH
rows AS (SELECT i FROM range({rows}) t(i)),
-- Planted failing rows, numbered 0 .. k - 1 in row order: the targets of duplicates.
failing AS (
  SELECT i AS target, row_number() OVER (ORDER BY i) - 1 AS k
  FROM rows WHERE planted_failure(i)
),
failing_count AS (SELECT count(*) AS n FROM failing),
duplicates AS (
  SELECT r.i, f.target
  FROM rows r, failing_count fc, failing f
  WHERE fc.n > 0 AND is_duplicate(r.i) AND f.k = h(r.i, 50) % fc.n
),
-- The join does not keep row order, so the (narrow) keyed rows are sorted here; the
-- projections after it and COPY keep that order (preserve_insertion_order), and sorting
-- before the lines are built needs less than half the memory of sorting the lines.
keyed AS (
  SELECT r.i, coalesce(d.target, r.i) AS ck
  FROM rows r LEFT JOIN duplicates d USING (i)
  ORDER BY r.i
),
shaped AS (
  SELECT i, ck, cat(i) AS c, variant(i) AS v, domain_of(domain_rank(i)) AS dom,
         cat(i) >= 1050 AS clean, has_subject(i) AS subj
  FROM keyed
)
SELECT {LINE_SQL.replace('$seed', str(seed))} AS line
FROM shaped
"""


def erasure_query(seed: int, keys: int, subject_count: int) -> str:
    """The SELECT of erasure.csv's keys.

    The keys are spread over subject numbers 0 .. 2 * subject_count - 1, one per stride, so
    they are distinct; the half below subject_count can match ledger rows, the rest cannot.
    """
    stride = max(1, (2 * subject_count) // keys)
    return f"""
SELECT 'subj-' || (k * {stride} + hash(k, {seed}, 60) % {stride})::VARCHAR AS subject_ref
FROM range({keys}) t(k)
ORDER BY k
"""


MANIFEST = """\
apiVersion: traingate/v1
kind: DatasetManifest
dataset: {{id: bench, name: Benchmark crawl, version: "1"}}
suppression_lists:
  - {{path: erasure.csv, key: subject_ref, kind: erasure}}
sources:
  - id: web
    name: Benchmark web crawl
    source_type: web_crawl
    modalities: [text, image]
    size: {{value: {size}, unit: bytes}}
    tdm_opt_out: {{checked: true, handling: excluded, protocols: [robots_txt, tdmrep, aipref]}}
    personal_data: {{present: true, lawful_basis: consent}}
    ledger: {{path: ledger.jsonl, format: jsonl}}
"""


def sql_path(path: Path) -> str:
    """A path as a DuckDB string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def generate(rows: int, out: Path, seed: int) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    domain_count = min(50_000, max(20, rows // 20))
    # erasure.csv holds min(100000, N/10) keys; ledger subjects are drawn from five times as
    # many numbers, so about a tenth of the subjects, and of the rows with a subject_ref, are
    # suppressed whatever the size.
    keys = max(1, min(100_000, rows // 10))
    subject_count = 5 * keys
    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = true")
    for statement in macros(seed, domain_count, subject_count):
        con.execute(statement)

    # Each file is written under a temporary name and renamed, so a folder holding
    # manifest.yaml (written last) holds a complete set.
    ledger, erasure, manifest = out / "ledger.jsonl", out / "erasure.csv", out / "manifest.yaml"
    manifest.unlink(missing_ok=True)
    # A one-column CSV without quoting or header writes each line verbatim.
    con.execute(
        f"COPY ({ledger_query(rows, seed)}) TO {sql_path(ledger.with_suffix('.tmp'))} "
        "(FORMAT CSV, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\t')"
    )
    os.replace(ledger.with_suffix(".tmp"), ledger)

    query = erasure_query(seed, keys, subject_count)
    con.execute(f"COPY ({query}) TO {sql_path(erasure.with_suffix('.tmp'))} (FORMAT CSV, HEADER true)")
    os.replace(erasure.with_suffix(".tmp"), erasure)

    (size,) = con.execute(f"SELECT coalesce(sum(size_of(i)), 0)::BIGINT FROM range({rows}) t(i)").fetchone()
    manifest.with_suffix(".tmp").write_text(MANIFEST.format(size=size))
    os.replace(manifest.with_suffix(".tmp"), manifest)
    return {"rows": rows, "domains": domain_count, "erasure_keys": keys, "size_bytes": size,
            "ledger_bytes": ledger.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, required=True, help="number of ledger rows")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=1, help="seed of the pseudo-random draws (default 1)")
    args = parser.parse_args()
    if args.rows < 1:
        parser.error("--rows must be at least 1")
    if args.seed < 0:
        parser.error("--seed must not be negative")
    started = time.monotonic()
    info = generate(args.rows, args.out, args.seed)
    elapsed = time.monotonic() - started
    print(
        f"{args.out}: {info['rows']} rows, {info['ledger_bytes'] / 1e6:.1f} MB "
        f"({info['ledger_bytes'] / info['rows']:.0f} B/row), {info['domains']} domains, "
        f"{info['erasure_keys']} erasure keys, in {elapsed:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
