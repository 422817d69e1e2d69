#!/usr/bin/env python3
"""Check a manifest's ledgers on Apache Spark with TrainGate's own record rules.

Each ledger is read with ``spark.read`` (Parquet, JSON Lines or CSV), its rows become JSON lines
naming their source (``@source``) and input file (``@file``), the rows of every source are
partitioned by the first four hexadecimal digits of ``content_sha256`` (so every copy of a
content meets in one partition), and each partition is piped through
``traingate ledger scan --partial``. The driver merges the partials with ``traingate ledger
merge``: the findings, report formats and exit codes are those of ``traingate check --pack
ledger`` on the same rows. The TrainGate binary, the manifest and its suppression lists reach
the executors through ``SparkFiles``.

    spark-submit integrations/spark/traingate_spark.py data/manifest.yaml \\
        --ledger web-crawl=s3a://bucket/ledgers/crawl/ --as-of 2026-11-22 \\
        --format sarif --output ledger.sarif

Exit codes are TrainGate's: 0 nothing failed at or above --fail-on, 1 findings at or above it,
2 the ledgers could not be checked (the error names the row's input and item), 64 usage error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import zipfile

FORMATS = {"parquet": "parquet", "jsonl": "json", "json": "json", "ndjson": "json", "csv": "csv"}
# Rows handed to the binary per write.
BATCH = 4096


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="traingate_spark.py",
        description="Run TrainGate's record rules over ledgers on Apache Spark; findings as traingate check gives them.",
    )
    parser.add_argument("manifest", help="the dataset manifest whose sources the ledgers belong to")
    parser.add_argument(
        "--ledger",
        action="append",
        default=[],
        metavar="SOURCE=URI",
        help="a source's ledger: a file, folder or glob Spark reads (repeat for every source whose ledger the manifest names)",
    )
    parser.add_argument(
        "--ledger-format",
        choices=sorted(FORMATS),
        help="the ledgers' format when their names do not say (.parquet, .jsonl, .json, .csv, optionally .gz)",
    )
    parser.add_argument("--as-of", required=True, help="judge the rules as of this date (YYYY-MM-DD)")
    parser.add_argument("--output", required=True, help="the report file")
    parser.add_argument("--format", default="json", help="the report format: json, sarif, junit, markdown, text, github (default: json)")
    parser.add_argument("--pack", action="append", default=[], help="a built-in pack name or a pack file (default: ledger)")
    parser.add_argument("--fail-on", default="high", help="the lowest severity that fails (default: high)")
    parser.add_argument("--partitions", type=int, help="partitions to scan (default: Spark's default parallelism)")
    parser.add_argument(
        "--traingate",
        default=os.environ.get("TRAINGATE") or shutil.which("traingate"),
        help="the traingate binary to ship to executors (default: $TRAINGATE, or traingate on PATH); "
        "on a cluster, a statically linked build for the executors' platform",
    )
    parser.add_argument("--master", help="Spark master, e.g. local[2] (default: as spark-submit sets it)")
    parser.add_argument("--keep-partials", metavar="DIR", help="also write each partition's partial to DIR")
    parser.add_argument("--timings", action="store_true", help="print how long each step took on standard error")
    args = parser.parse_args(argv)
    if not args.ledger:
        parser.error("name at least one ledger with --ledger SOURCE=URI")
    ledgers = []
    for value in args.ledger:
        source, sep, uri = value.partition("=")
        if not sep or not source or not uri:
            parser.error(f"--ledger takes SOURCE=URI, got {value!r}")
        ledgers.append((source, uri))
    args.ledgers = ledgers
    if not args.traingate or not os.access(args.traingate, os.X_OK):
        parser.error("no traingate binary: pass --traingate PATH or set $TRAINGATE")
    if args.partitions is not None and args.partitions < 1:
        parser.error("--partitions must be at least 1")
    return args


def ledger_format(uri: str, given: str | None) -> str:
    """Spark's reader for a ledger: the format given, else the name's extension."""
    if given:
        return FORMATS[given]
    name = uri.rstrip("/").lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for extension, reader in FORMATS.items():
        if name.endswith("." + extension):
            return reader
    raise SystemExit(f"traingate_spark.py: error: cannot tell the format of {uri!r} from its name; pass --ledger-format")


def bundle(traingate: str, manifest: str, packs: list[str], folder: str) -> str:
    """A zip of the files a scan reads besides the rows (the manifest and its suppression lists,
    as `traingate ledger inputs` lists them), at their places under the manifest's folder."""
    command = [traingate, "ledger", "inputs", "--manifest", manifest]
    for pack in packs:
        command += ["--pack", pack]
    listed = subprocess.run(command, capture_output=True, text=True)
    if listed.returncode != 0:
        sys.stderr.write(listed.stderr)
        raise SystemExit(2)
    root = os.path.dirname(os.path.abspath(manifest))
    path = os.path.join(folder, "traingate-bundle.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in listed.stdout.splitlines():
            full = os.path.abspath(name)
            relative = os.path.relpath(full, root)
            if relative.startswith(".."):
                continue  # a pack file outside the folder: shipped on its own
            archive.write(full, relative)
    return path


def rows_of(spark, source: str, uri: str, reader: str):
    """A ledger's rows as (bucket, JSON line) with @source first and @file."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType, DecimalType, DoubleType, FloatType

    read = spark.read
    if reader == "csv":
        # Cells as strings (the binary reads them as a CSV ledger's cells), empty cells as absent.
        frame = read.option("header", True).option("escape", '"').csv(uri)
    elif reader == "json":
        frame = read.json(uri)
    else:
        frame = read.parquet(uri)
    columns = []
    for field in frame.schema.fields:
        column = F.col(f"`{field.name}`")
        if isinstance(field.dataType, BinaryType):
            column = F.lower(F.hex(column))  # a digest stored as bytes
        elif isinstance(field.dataType, (DoubleType, FloatType, DecimalType)):
            # Counts stored as floating point (pandas' nullable integers): whole values as whole
            # numbers; any other value stays as it is, and the scan rejects it.
            column = F.when(column == F.floor(column), column.cast("long")).otherwise(column.cast("string"))
        columns.append(column.alias(field.name))
    line = F.to_json(F.struct(F.lit(source).alias("@source"), F.input_file_name().alias("@file"), *columns))
    # The bucket: the digest's first four hexadecimal digits, as the binary reads them (a
    # `sha256:` prefix is not part of the digest).
    if "content_sha256" not in frame.columns:
        bucket = F.lit("")
    elif isinstance(frame.schema["content_sha256"].dataType, BinaryType):
        bucket = F.lower(F.substring(F.hex(F.col("content_sha256")), 1, 4))
    else:
        digest = F.regexp_replace(F.col("content_sha256").cast("string"), "^(?i)sha256:", "")
        bucket = F.lower(F.substring(digest, 1, 4))
    return frame.select(bucket.alias("bucket"), line.alias("row"))


def prepare(binary: str, archive: str, manifest: str, as_of: str, packs: list[tuple[str, bool]]) -> list[str]:
    """On an executor: the binary made runnable, the bundle unpacked once, the scan's command."""
    from pyspark import SparkFiles

    program = SparkFiles.get(binary)
    os.chmod(program, os.stat(program).st_mode | stat.S_IXUSR)
    folder = os.path.join(SparkFiles.getRootDirectory(), "traingate-bundle")
    if not os.path.isdir(folder):
        scratch = tempfile.mkdtemp(dir=SparkFiles.getRootDirectory())
        with zipfile.ZipFile(SparkFiles.get(archive)) as bundle_zip:
            bundle_zip.extractall(scratch)
        try:
            os.rename(scratch, folder)
        except OSError:
            shutil.rmtree(scratch, ignore_errors=True)  # another task unpacked it first
    pack_args = []
    for name, shipped in packs:
        pack_args += ["--pack", SparkFiles.get(name) if shipped else name]
    return [program, "ledger", "scan", "--partial", "--manifest", os.path.join(folder, manifest), "--as-of", as_of] + pack_args


class Scan:
    """One partition's `traingate ledger scan --partial`: rows written to it, its partial read back."""

    def __init__(self, command: list[str]):
        self.errors = tempfile.TemporaryFile()
        self.output = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=self.output, stderr=self.errors)
        self.closed = False

    def write(self, data) -> None:
        """Writes rows; once the binary has stopped (a bad row), the rest are dropped and
        `finish` raises its error."""
        if self.closed:
            return
        try:
            self.process.stdin.write(data)
        except BrokenPipeError:
            self.closed = True

    def finish(self) -> str:
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        status = self.process.wait()
        self.errors.seek(0)
        message = self.errors.read().decode(errors="replace").strip()
        if status != 0:
            raise RuntimeError(f"traingate-scan-failed: {message}")
        self.output.seek(0)
        return self.output.read().decode().strip()


def arrow_scanner(binary: str, archive: str, manifest: str, as_of: str, packs: list[tuple[str, bool]]):
    """The function each partition runs, fed Arrow batches (with PyArrow): each batch's rows are
    written to the binary as one buffer, without a Python object per row."""

    def scan(batches):
        import pyarrow as pa
        import pyarrow.compute as pc

        scan = None
        for batch in batches:
            column = batch.column(0)
            if len(column) == 0:
                continue
            if scan is None:
                scan = Scan(prepare(binary, archive, manifest, as_of, packs))
            # Each row and a line break, end to end in one buffer.
            lines = pc.binary_join_element_wise(column, pa.scalar("", column.type), "\n")
            end = lines.offsets[-1].as_py() if hasattr(lines, "offsets") else None
            scan.write(memoryview(lines.buffers()[2])[: end])
        if scan is not None:
            yield pa.RecordBatch.from_arrays([pa.array([scan.finish()], pa.string())], names=["partial"])

    return scan


def row_scanner(binary: str, archive: str, manifest: str, as_of: str, packs: list[tuple[str, bool]]):
    """The function each partition runs without PyArrow: rows one by one, written in batches."""

    def scan(rows):
        first = next(rows, None)
        if first is None:
            return
        scan = Scan(prepare(binary, archive, manifest, as_of, packs))
        batch = [first]
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                scan.write(("\n".join(batch) + "\n").encode())
                batch = []
        if batch:
            scan.write(("\n".join(batch) + "\n").encode())
        yield scan.finish()

    return scan


def arrow_available() -> bool:
    """Whether rows can reach the scans as Arrow batches (PyArrow on the driver; then on the executors too)."""
    if os.environ.get("TRAINGATE_SPARK_ARROW") == "0":
        return False
    try:
        import pandas  # noqa: F401  (PySpark's Arrow path needs both)
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    started = time.monotonic()

    def step(name: str) -> None:
        if args.timings:
            print(f"traingate_spark.py: {name}: {time.monotonic() - started:.1f} s", file=sys.stderr)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("traingate ledger check").config("spark.sql.session.timeZone", "UTC")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    step("Spark started")
    context = spark.sparkContext
    work = tempfile.mkdtemp(prefix="traingate-spark-")
    try:
        manifest = os.path.abspath(args.manifest)
        archive = bundle(os.path.abspath(args.traingate), args.manifest, args.pack, work)
        context.addFile(archive)
        context.addFile(os.path.abspath(args.traingate))
        for pack in args.pack:
            if os.path.isfile(pack):
                context.addFile(os.path.abspath(pack))
        frames = [rows_of(spark, source, uri, ledger_format(uri, args.ledger_format)) for source, uri in args.ledgers]
        rows = frames[0]
        for frame in frames[1:]:
            rows = rows.unionByName(frame)
        partitions = args.partitions or context.defaultParallelism
        rows = rows.repartition(partitions, "bucket")
        # Pack files travel with SparkFiles (by name); built-in packs by name. Decided here, where the paths are.
        packs = [(os.path.basename(pack), True) if os.path.isfile(pack) else (pack, False) for pack in args.pack]
        shipped = (os.path.basename(args.traingate), os.path.basename(archive), os.path.basename(manifest), args.as_of, packs)
        try:
            if arrow_available():
                partials = [row[0] for row in rows.select("row").mapInArrow(arrow_scanner(*shipped), "partial string").collect()]
            else:
                partials = rows.select("row").rdd.map(lambda row: row[0]).mapPartitions(row_scanner(*shipped)).collect()
        except Exception as error:  # a task's failure arrives wrapped in Spark's own
            text = str(error)
            marker = "traingate-scan-failed: "
            if marker in text:
                detail = text.rsplit(marker, 1)[1].splitlines()[0]
                print(f"traingate_spark.py: {detail}", file=sys.stderr)
            else:
                # Not a verdict: Spark could not read a ledger, or a task failed otherwise.
                print(f"traingate_spark.py: error: the Spark job failed: {text.splitlines()[0] if text else error!r}", file=sys.stderr)
            return 2
        step(f"{len(partials)} partials scanned")
        folder = args.keep_partials or os.path.join(work, "partials")
        os.makedirs(folder, exist_ok=True)
        paths = []
        for index, partial in enumerate(partials):
            path = os.path.join(folder, f"partial-{index:05d}.json")
            with open(path, "w") as file:
                file.write(partial + "\n")
            paths.append(path)
        if not paths:
            print("traingate_spark.py: error: the ledgers hold no rows", file=sys.stderr)
            return 2
        command = [
            os.path.abspath(args.traingate), "ledger", "merge", *paths, "--manifest", args.manifest, "--as-of", args.as_of,
            "--format", args.format, "--output", args.output, "--fail-on", args.fail_on,
        ]
        for pack in args.pack:
            command += ["--pack", pack]
        status = subprocess.call(command)
        step("merged")
        return status
    finally:
        spark.stop()
        step("Spark stopped")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
