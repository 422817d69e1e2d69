"""The Spark driver in local[2] gives the findings `traingate check --pack ledger` gives on the same rows.

Run with pytest; needs PySpark, a Java runtime and the traingate binary ($TRAINGATE, or the
package's debug build); PyArrow and pandas for the Arrow path (else it is skipped). Ledgers are
written as Parquet by Spark itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "integrations" / "spark" / "traingate_spark.py"
EXAMPLE = ROOT / "examples" / "listener-consent-ledger"


def traingate() -> str:
    if os.environ.get("TRAINGATE"):
        return os.environ["TRAINGATE"]
    folder = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return str(Path(folder) / "traingate")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("traingate-test")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def normalized(report: dict) -> tuple[list, list]:
    """Findings with samples as item ids (where a row came from is Spark's file, not a line), and
    the ledger aggregates without the storage description."""
    findings = []
    for finding in report["findings"]:
        finding = dict(finding)
        if "records" in finding:
            records = dict(finding["records"])
            records["samples"] = [sample["item_id"] for sample in records["samples"]]
            finding["records"] = records
        findings.append(finding)
    ledgers = [{k: v for k, v in ledger.items() if k not in ("file", "format", "compressed", "file_bytes")} for ledger in report["ledgers"]]
    return findings, ledgers


def run_driver(manifest: Path, ledgers: list[str], as_of: str, output: Path, cwd: Path, extra: list[str] = (), arrow: bool = True) -> int:
    command = [sys.executable, str(DRIVER), str(manifest.relative_to(cwd)), "--as-of", as_of, "--output", str(output), "--master", "local[2]",
               "--traingate", traingate(), *extra]
    for ledger in ledgers:
        command += ["--ledger", ledger]
    environment = dict(os.environ, TRAINGATE_SPARK_ARROW="1" if arrow else "0")
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=environment)
    assert result.returncode in (0, 1), result.stderr[-3000:]
    return result.returncode


def run_check(manifest: Path, as_of: str, cwd: Path) -> tuple[int, dict]:
    result = subprocess.run(
        [traingate(), "check", str(manifest.relative_to(cwd)), "--pack", "ledger", "--as-of", as_of, "--format", "json"],
        cwd=cwd, capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.returncode, json.loads(result.stdout)


@pytest.mark.parametrize("arrow", [True, False], ids=["arrow-batches", "python-rows"])
def test_example_ledgers_from_parquet_and_csv(spark, tmp_path, arrow):
    """The scenario's JSON Lines ledger as Parquet written by Spark (typed columns, timestamps),
    its CSV ledger read by Spark as it is (every cell a string)."""
    if arrow:
        pytest.importorskip("pyarrow")
        pytest.importorskip("pandas")
    from pyspark.sql import functions as F

    ledgers = EXAMPLE / "data" / "ledgers"
    parquet = tmp_path / "listening.parquet"
    frame = spark.read.json(str(ledgers / "listening.jsonl.gz"))
    if "retrieved_at" in frame.columns:
        frame = frame.withColumn("retrieved_at", F.to_timestamp("retrieved_at"))
    frame.repartition(3).write.parquet(str(parquet))
    output = tmp_path / "spark.json"
    status = run_driver(
        EXAMPLE / "data" / "listening-consent.yaml",
        [f"app-events={parquet}", f"artist-bios={ledgers / 'artist-bios.csv'}"],
        "2026-11-22", output, EXAMPLE, arrow=arrow,
    )
    single_status, single = run_check(EXAMPLE / "data" / "listening-consent.yaml", "2026-11-22", EXAMPLE)
    report = json.loads(output.read_text())
    assert status == single_status == 1
    assert normalized(report) == normalized(single)
    assert {finding["rule_id"] for finding in report["findings"]} >= {"REC-CONSENT", "REC-ERASURE", "REC-DUPLICATE", "REC-OPTOUT"}
    samples = [sample for finding in report["findings"] for sample in finding.get("records", {}).get("samples", [])]
    assert samples and all(sample["file"].startswith("file:") and "line" not in sample for sample in samples)


def test_planted_ledger_from_parquet(spark, tmp_path):
    """A generated ledger with planted violations of every record rule, as Parquet (prefixed
    digests, counts as doubles), in five partitions."""
    pytest.importorskip("duckdb")
    folder = tmp_path / "planted"
    subprocess.run([sys.executable, str(ROOT / "bench" / "ledger" / "generate.py"), "--rows", "20000", "--out", str(folder)], check=True,
                   capture_output=True)
    from pyspark.sql import functions as F

    # Written as other tools write Parquet: digests with a `sha256:` prefix, counts as doubles.
    parquet = tmp_path / "ledger.parquet"
    frame = spark.read.json(str(folder / "ledger.jsonl"))
    frame = frame.withColumn("content_sha256", F.concat(F.lit("sha256:"), "content_sha256"))
    frame = frame.withColumn("size_bytes", F.col("size_bytes").cast("double"))
    frame.write.parquet(str(parquet))
    output = tmp_path / "spark.sarif.json"
    status = run_driver(folder / "manifest.yaml", [f"web={parquet}"], "2026-11-01", output, folder, ["--format", "json", "--partitions", "5"])
    single_status, single = run_check(folder / "manifest.yaml", "2026-11-01", folder)
    assert status == single_status
    assert normalized(json.loads(output.read_text())) == normalized(single)
    assert len([finding for finding in single["findings"] if finding["status"] == "fail"]) >= 5


def test_a_bad_row_stops_the_run_with_its_item(spark, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(EXAMPLE / "data" / "listening-consent.yaml", folder / "manifest.yaml")
    shutil.copytree(EXAMPLE / "data" / "lists", folder / "lists")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"item_id": "x-1", "source_id": "artist-bios", "content_sha256": "nope"}) + "\n")
    command = [sys.executable, str(DRIVER), "manifest.yaml", "--as-of", "2026-11-22", "--output", str(tmp_path / "out.json"),
               "--master", "local[2]", "--traingate", traingate(), "--ledger", f"artist-bios={rows}"]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "content_sha256" in result.stderr
