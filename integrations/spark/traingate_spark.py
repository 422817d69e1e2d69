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


def bundle(manifest: str, skip: set[str], folder: str) -> str:
    """A zip of the manifest's folder (its suppression lists are inside it), without the ledgers read here."""
    root = os.path.dirname(os.path.abspath(manifest))
    path = os.path.join(folder, "traingate-bundle.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for directory, names, files in os.walk(root):
            names[:] = [name for name in names if not name.startswith(".")]
            for name in files:
                full = os.path.join(directory, name)
                if os.path.abspath(full) in skip:
                    continue
                archive.write(full, os.path.relpath(full, root))
    return path


def rows_of(spark, source: str, uri: str, reader: str):
    """A ledger's rows as (bucket, JSON line) with @source first and @file."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType

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
        columns.append(column.alias(field.name))
    line = F.to_json(F.struct(F.lit(source).alias("@source"), F.input_file_name().alias("@file"), *columns))
    bucket = F.lower(F.substring(F.col("content_sha256").cast("string"), 1, 4)) if "content_sha256" in frame.columns else F.lit("")
    if any(isinstance(field.dataType, BinaryType) and field.name == "content_sha256" for field in frame.schema.fields):
        bucket = F.lower(F.substring(F.hex(F.col("content_sha256")), 1, 4))
    return frame.select(bucket.alias("bucket"), line.alias("row"))


def scanner(binary: str, archive: str, manifest: str, as_of: str, packs: list[str]):
    """The function each partition runs: its rows through `traingate ledger scan --partial`."""

    def scan(rows):
        from pyspark import SparkFiles

        first = next(rows, None)
        if first is None:
            return
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
        for pack in packs:
            pack_args += ["--pack", SparkFiles.get(os.path.basename(pack)) if os.sep in pack or pack.endswith((".yaml", ".yml")) else pack]
        command = [program, "ledger", "scan", "--partial", "--manifest", os.path.join(folder, manifest), "--as-of", as_of] + pack_args
        with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=output, stderr=errors)
            batch = [first]
            for row in rows:
                batch.append(row)
                if len(batch) >= BATCH:
                    process.stdin.write(("\n".join(batch) + "\n").encode())
                    batch = []
            if batch:
                process.stdin.write(("\n".join(batch) + "\n").encode())
            process.stdin.close()
            status = process.wait()
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
            if status != 0:
                raise RuntimeError(f"traingate-scan-failed: {message}")
            output.seek(0)
            yield output.read().decode().strip()

    return scan


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("traingate ledger check").config("spark.sql.session.timeZone", "UTC")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    work = tempfile.mkdtemp(prefix="traingate-spark-")
    try:
        manifest = os.path.abspath(args.manifest)
        local = {os.path.abspath(uri) for _, uri in args.ledgers if "://" not in uri and os.path.exists(uri)}
        archive = bundle(manifest, local, work)
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
        scan = scanner(os.path.basename(args.traingate), os.path.basename(archive), os.path.basename(manifest), args.as_of, args.pack)
        try:
            partials = rows.select("row").rdd.map(lambda row: row[0]).mapPartitions(scan).collect()
        except Exception as error:  # a task's failure arrives wrapped in Spark's own
            text = str(error)
            marker = "traingate-scan-failed: "
            if marker in text:
                detail = text.rsplit(marker, 1)[1].splitlines()[0]
                print(f"traingate_spark.py: {detail}", file=sys.stderr)
                return 2
            raise
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
        return subprocess.call(command)
    finally:
        spark.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
