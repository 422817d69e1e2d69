#!/usr/bin/env python3
"""Writes the ledgers and the erasure list of the listener-consent-ledger scenario.

    python3 generate.py           regenerate data/ledgers/ and data/lists/, the ledger digests,
                                  sizes, reservations found and top domains in
                                  data/listening-consent.yaml, and the table in README.md
    python3 generate.py --check   exit 1 if any of those files differs from what would be written

Python 3 standard library only. The output is deterministic: a fixed seed, gzip written with
mtime 0 and no file name, CSV with "\\n" line ends. A gzip stream also depends on the zlib
build, so the gzipped ledger counts as current when it decompresses to the expected bytes; the
manifest must then carry the digest of the file as committed. The counts printed (and written to README.md)
are those `traingate check examples/listener-consent-ledger --as-of 2026-11-22` must find; they
are computed here from the rows with the rules as documented in the README, independently of
TrainGate.
"""

import csv
import gzip
import hashlib
import io
import json
import re
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from random import Random

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
LISTENING = DATA / "ledgers" / "listening.jsonl.gz"
BIOS = DATA / "ledgers" / "artist-bios.csv"
ERASURE = DATA / "lists" / "erasure.csv"
MANIFEST = DATA / "listening-consent.yaml"
README = HERE / "README.md"

AS_OF = date(2026, 11, 22)
SEED = 20261122
RULES = ["REC-CONSENT", "REC-ERASURE", "REC-OPTOUT", "REC-SUPPRESSED", "REC-DUPLICATE"]
SOURCES = ["app-events", "artist-bios"]


# ----------------------------------------------------------------------------- helpers

def sha256_hex(data):
    return hashlib.sha256(data if isinstance(data, bytes) else data.encode("utf-8")).hexdigest()


def stamp(moment):
    """RFC 3339 date-time in UTC, seconds precision: 2026-03-14T10:22:00Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def day(moment):
    """A calendar date: 2026-03-14."""
    return moment.strftime("%Y-%m-%d")


def moment_between(rng, start, end):
    """A date-time (UTC, whole seconds) uniformly in [start, end)."""
    span = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(span))


def utc(y, m, d, hh=0, mm=0, ss=0):
    return datetime(y, m, d, hh, mm, ss, tzinfo=timezone.utc)


def as_date(text):
    """The calendar date of a "2026-03-14" or "2026-03-14T10:22:00Z" value."""
    return date.fromisoformat(text[:10])


def gzip_bytes(data):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- app-events

# Listener-level consent states. Counts are listeners, not rows.
WITHDRAWN_BEFORE = 13     # withdrew in the app before the as-of date
REVOKED_BEFORE = 5        # revoked by the family-plan manager before the as-of date
EXPIRED_BEFORE = 7        # the 12-month consent lapsed before the as-of date and was not renewed
REFUSED = 2               # refused at the prompt; their events were logged while it was open
REQUESTED = 3             # prompt shown, never answered
WITHDRAWN_AFTER = 4       # withdrew after the as-of date: not due yet
EXPIRED_AFTER = 3         # consent lapses after the as-of date: not due yet
RENEWED = 140
ERASED_BEFORE = 9         # Art. 17 request recorded on the rows, on or before the as-of date
OBJECTED_BEFORE = 6       # Art. 21 objection recorded on the rows, on or before the as-of date
ERASED_AFTER = 3
OBJECTED_AFTER = 2
SUPPRESSED_IN_LEDGER = 17  # on the privacy team's erasure list and still in the ledger
SUPPRESSED_ELSEWHERE = 12  # on the list, not in the ledger (already removed or never trained on)
LISTENERS = 800
REKEYED_DUE = 19           # listeners whose rows must go, with some events copied to a new pseudonym
REKEYED_CLEAN = 36         # ordinary listeners with some events copied to a new pseudonym


def listeners(rng):
    people = []
    for _ in range(LISTENERS):
        ref = "lst-%016x" % rng.getrandbits(64)
        record = "cr-%012x" % rng.getrandbits(48)
        given = moment_between(rng, utc(2025, 1, 10), utc(2026, 4, 30))
        people.append({"subject_ref": ref, "consent_record_id": record,
                       "given": given, "status": "given", "status_at": given,
                       "erasure": None, "objection": None, "date_only": rng.random() < 0.25})
    order = list(range(LISTENERS))
    rng.shuffle(order)
    take = iter(order)

    def pick(count):
        return [people[next(take)] for _ in range(count)]

    # Consent states that end consent before the as-of date.
    for person in pick(WITHDRAWN_BEFORE):
        person["status"], person["status_at"] = "withdrawn", moment_between(rng, utc(2026, 6, 1), utc(2026, 11, 20))
    for person in pick(REVOKED_BEFORE):
        person["status"], person["status_at"] = "revoked", moment_between(rng, utc(2026, 6, 1), utc(2026, 11, 20))
    for person in pick(EXPIRED_BEFORE):
        # consent given 2025-05..2025-10, valid for 12 months, not renewed
        given = moment_between(rng, utc(2025, 5, 1), utc(2025, 11, 1))
        person["given"] = given
        person["status"], person["status_at"] = "expired", given + timedelta(days=365)
    for person in pick(REFUSED):
        person["status"], person["status_at"] = "refused", moment_between(rng, utc(2026, 2, 1), utc(2026, 4, 1))
    for person in pick(REQUESTED):
        person["status"], person["status_at"] = "requested", moment_between(rng, utc(2026, 2, 1), utc(2026, 4, 1))
    # Changes after the as-of date: recorded in the export, not yet due.
    for person in pick(WITHDRAWN_AFTER):
        person["status"], person["status_at"] = "withdrawn", moment_between(rng, utc(2026, 11, 23), utc(2026, 12, 1))
    for person in pick(EXPIRED_AFTER):
        given = moment_between(rng, utc(2025, 11, 23), utc(2025, 11, 30))
        person["given"] = given
        person["status"], person["status_at"] = "expired", given + timedelta(days=365)
    for person in pick(RENEWED):
        given = moment_between(rng, utc(2025, 1, 10), utc(2025, 6, 1))
        person["given"] = given
        person["status"], person["status_at"] = "renewed", given + timedelta(days=365 - rng.randrange(30))
    # Erasure and objection recorded on the rows, drawn from every group so that the rules
    # overlap a little.
    consenting = [p for p in people if p["status"] in ("given", "renewed")]
    ended = [p for p in people if p["status"] not in ("given", "renewed")]
    erased = rng.sample(consenting, ERASED_BEFORE - 2) + rng.sample(ended, 2)
    for n, person in enumerate(erased):
        # one request dated exactly on the as-of date: "on or before" includes it
        person["erasure"] = utc(2026, 11, 22) if n == 0 else moment_between(rng, utc(2026, 7, 1), utc(2026, 11, 21))
        person["erasure_date_only"] = n == 0 or rng.random() < 0.5
    for person in rng.sample(unmarked(consenting), OBJECTED_BEFORE):
        person["objection"] = moment_between(rng, utc(2026, 7, 1), utc(2026, 11, 21))
    for person in rng.sample(unmarked(consenting), ERASED_AFTER):
        person["erasure"] = moment_between(rng, utc(2026, 11, 23), utc(2026, 12, 1))
        person["erasure_date_only"] = False
    for person in rng.sample(unmarked(consenting), OBJECTED_AFTER):
        person["objection"] = moment_between(rng, utc(2026, 11, 23), utc(2026, 12, 1))
    # The privacy team's erasure list: mostly requests that never reached the event store, three
    # that did (their rows carry erasure_requested_at too).
    flagged = [p for p in people if p["erasure"] is not None and p["erasure"].date() <= AS_OF]
    for person in rng.sample(unmarked(consenting), SUPPRESSED_IN_LEDGER - 3) + rng.sample(flagged, 3):
        person["suppressed"] = True
    return people


def unmarked(people):
    return [p for p in people if p["erasure"] is None and p["objection"] is None and not p.get("suppressed")]


def not_yet(person):
    """Whether the listener withdrew, let consent expire, asked for erasure or objected after AS_OF."""
    return (person["status"] in ("withdrawn", "expired") and person["status_at"].date() > AS_OF) or any(
        person[k] is not None and person[k].date() > AS_OF for k in ("erasure", "objection"))


def due(person):
    """Whether any record rule other than REC-DUPLICATE applies to the listener's rows."""
    ended = person["status"] not in ("given", "renewed") and not (
        person["status"] in ("withdrawn", "revoked", "expired") and person["status_at"].date() > AS_OF)
    erased = any(person[k] is not None and person[k].date() <= AS_OF for k in ("erasure", "objection"))
    return ended or erased or person.get("suppressed", False)


def event_rows(rng, people):
    """Rows before item ids and re-keyed copies: (listener, retrieved_at, payload)."""
    rows = []
    window_end = utc(2026, 10, 31, 23, 59, 59)
    for person in people:
        start = max(person["given"], utc(2025, 6, 1))
        end = window_end
        if person["status"] in ("withdrawn", "revoked", "expired") and person["status_at"] < end:
            end = person["status_at"]
        if person["status"] in ("refused", "requested"):
            start, end = person["status_at"] - timedelta(days=20), person["status_at"]
        for _ in range(rng.randint(1, 9)):
            at = moment_between(rng, start, end)
            payload = {"track": "trk-%010x" % rng.getrandbits(40),
                       "action": rng.choice(["play", "play", "play", "skip", "save", "playlist_add", "search"]),
                       "context": rng.choice(["playlist", "album", "radio", "search", "home_feed"]),
                       "ms_played": rng.randrange(0, 420000), "at": stamp(at)}
            rows.append({"person": person, "at": at, "payload": payload})
    return rows


def listening_ledger(rng):
    people = listeners(rng)
    rows = event_rows(rng, people)

    # The July 2026 re-keying of pseudonyms: a backfill copied some events to a fresh pseudonym
    # and left the withdrawal, erasure and objection flags on the old one. The copies carry the
    # consent state at the time of the backfill ("given").
    def rekey(person):
        twin = dict(person)
        twin.pop("suppressed", None)
        twin.update({"subject_ref": "lst-%016x" % rng.getrandbits(64), "status": "given",
                     "status_at": person["given"], "erasure": None, "objection": None})
        return twin

    copies = []
    by_person = {}
    for row in rows:
        by_person.setdefault(row["person"]["subject_ref"], []).append(row)
    refs = sorted(by_person)
    ended = [r for r in refs if due(by_person[r][0]["person"])]
    pending = [r for r in refs if not due(by_person[r][0]["person"]) and not_yet(by_person[r][0]["person"])]
    clean = [r for r in refs if not due(by_person[r][0]["person"]) and not not_yet(by_person[r][0]["person"])]
    # copies of listeners whose rows must go (these are REC-DUPLICATE), of listeners whose
    # withdrawal or erasure is dated after the as-of date, and of ordinary listeners (neither is)
    for ref in rng.sample(ended, REKEYED_DUE) + pending + rng.sample(clean, REKEYED_CLEAN):
        twin = rekey(by_person[ref][0]["person"])
        for row in rng.sample(by_person[ref], min(len(by_person[ref]), rng.randint(1, 3))):
            copies.append({"person": twin, "at": row["at"], "payload": row["payload"]})
    # Client retries logged some events twice under the same pseudonym.
    for row in rng.sample(rows, 25):
        copies.append({"person": row["person"], "at": row["at"] + timedelta(seconds=rng.randint(1, 40)),
                       "payload": row["payload"]})
    rows += copies
    rows.sort(key=lambda r: (r["at"], r["person"]["subject_ref"], json.dumps(r["payload"], sort_keys=True)))

    ledger = []
    for n, row in enumerate(rows, start=1):
        person = row["person"]
        content = json.dumps(row["payload"], sort_keys=True, separators=(",", ":"))
        size = 180 + rng.randrange(2400)
        record = {
            "item_id": "evt-%06d" % n,
            "source_id": "app-events",
            "content_sha256": sha256_hex("tunefield-event|" + content),
            "modality": "other",
            "size_bytes": size,
            "tokens": size // 4,
            "personal_data": True,
            "subject_ref": person["subject_ref"],
            "legal_basis": "consent",
            "consent_record_id": person["consent_record_id"],
            "consent_status": person["status"],
            "consent_status_at": day(person["status_at"]) if person["date_only"] else stamp(person["status_at"]),
            "retrieved_at": stamp(row["at"]),
        }
        if person["erasure"] is not None:
            record["erasure_requested_at"] = day(person["erasure"]) if person.get("erasure_date_only") else stamp(person["erasure"])
        if person["objection"] is not None:
            record["objection_at"] = stamp(person["objection"])
        ledger.append(record)
    return people, ledger


def erasure_list(rng, people):
    listed = [p for p in people if p.get("suppressed")]
    absent = ["lst-%016x" % rng.getrandbits(64) for _ in range(SUPPRESSED_ELSEWHERE)]
    entries = [(p["subject_ref"], day(p["erasure"] or moment_between(rng, utc(2026, 5, 1), utc(2026, 11, 20))))
               for p in listed]
    entries += [(ref, day(moment_between(rng, utc(2026, 5, 1), utc(2026, 11, 20)))) for ref in absent]
    chosen = [p["subject_ref"] for p in listed]
    entries.append((chosen[0], day(moment_between(rng, utc(2026, 11, 1), utc(2026, 11, 20)))))  # asked twice
    entries.sort(key=lambda e: (e[1], e[0]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["subject_ref", "requested_at"])
    writer.writerows(entries)
    return out.getvalue(), {ref for ref, _ in entries}


# ----------------------------------------------------------------------------- artist-bios

SYLLABLES = ["ka", "lo", "ve", "na", "sol", "rii", "ta", "mi", "dun", "ae", "bro", "sk", "el", "vin",
             "ho", "ra", "jus", "to", "fje", "ll", "ny", "strom", "berg", "lind", "qu", "ix", "or", "an"]

# (domain, hosts, weight, profile). Profiles: clean; robots (robots.txt disallows Tunefield's
# crawler on part of the site); tdm (TDMRep reservation on some pages); aipref (Content-Usage
# header); mixed; flaky (some 5xx on robots.txt).
DOMAINS = [
    ("bandpages.example", ["www", "artists"], 14, "tdm"),
    ("nordicmusicwiki.example", ["sv", "en"], 12, "clean"),
    ("indiescene.example", ["blog", "www"], 8, "aipref"),
    ("labelhouse.example", ["press"], 7, "robots"),
    ("fjordsound.example", ["www"], 6, "mixed"),
    ("gigguide.example", ["www", "m"], 6, "clean"),
    ("vinylvault.example", ["shop"], 5, "flaky"),
    ("soundnorth.example", ["www"], 5, "clean"),
    ("festivalen.example", ["program", "www"], 4, "tdm"),
    ("jazzarkivet.example", ["www"], 4, "clean"),
    ("tourbus.example", ["news"], 3, "aipref"),
    ("popkultur.example", ["www"], 3, "robots"),
    ("studiolog.example", ["www"], 3, "mixed"),
    ("choirnet.example", ["www"], 2, "clean"),
    ("bassline.example", ["zine"], 2, "clean"),
    ("folkrot.example", ["www"], 2, "tdm"),
    ("syntharkiv.example", ["www"], 2, "clean"),
    ("metalmagasin.example", ["www"], 2, "aipref"),
    ("klubbkalender.example", ["www"], 1, "clean"),
    ("operaguide.example", ["www"], 1, "clean"),
]
# Northlight Music Group licensed the biographies of its artists for training wherever they are
# published, which overrides a reservation on those pages.
LICENSED_DOMAINS = {"labelhouse.example", "bandpages.example"}
AGREEMENT = "TF-LIC-2026-017"
BIO_FIELDS = ["item_id", "source_id", "content_sha256", "modality", "size_bytes", "tokens", "url", "domain",
              "retrieved_at", "robots_txt", "tdm_reservation", "content_usage", "optout_signals", "license",
              "license_agreement_id", "personal_data", "legal_basis"]
BIO_ROWS = 560
SYNDICATED_RESERVED = 24   # bios copied from a page with an opt-out to a site without one
SYNDICATED_CLEAN = 30      # bios copied between sites without opt-outs


def artist_name(rng):
    return "-".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))) for _ in range(rng.randint(1, 2)))


def signals(rng, profile):
    """robots_txt, tdm_reservation, content_usage, extra optout_signals for one page."""
    robots, tdm, usage, extra = "allowed", "false", "", []
    roll = rng.random()
    if rng.random() < 0.06:
        robots = "unavailable"          # robots.txt answered 4xx: no restriction (RFC 9309 2.3.1.3)
    if rng.random() < 0.18:
        tdm = ""                         # no TDMRep file, header or meta: not declared
    if profile == "robots" and roll < 0.35:
        robots = "disallowed"
    elif profile == "tdm" and roll < 0.25:
        tdm = "true"
    elif profile == "aipref":
        if roll < 0.14:
            usage = "train-ai=n"
        elif roll < 0.22:
            usage = "train-ai=n, search=y"
        elif roll < 0.27:
            usage = "train-genai=n, bots=n"
        elif roll < 0.55:
            usage = "train-ai=y, search=y"
        elif roll < 0.70:
            usage = "search=y"
    elif profile == "mixed":
        if roll < 0.10:
            robots = "disallowed"
        elif roll < 0.18:
            tdm = "true"
        elif roll < 0.24:
            usage = "train-genai=n"
        elif roll < 0.30:
            extra = ["ai_txt"]
        elif roll < 0.34:
            extra = ["c2pa"]
    elif profile == "flaky" and roll < 0.22:
        robots = "unreachable"          # robots.txt answered 5xx: assume complete disallow (RFC 9309 2.3.1.4)
    found = []
    if robots == "disallowed":
        found.append("robots_txt")
    if tdm == "true":
        found.append("tdmrep")
    if re.search(r"\b(train-ai|train-genai|bots)=n\b", usage):
        found.append("aipref")
    return robots, tdm, usage, found + extra


def bio_row(rng, domain, hosts, profile, slug, text_key, at):
    host = rng.choice(hosts)
    robots, tdm, usage, found = signals(rng, profile)
    size = 700 + rng.randrange(8200)
    opted_out = robots in ("disallowed", "unreachable") or tdm == "true" or bool(found) or \
        re.search(r"\b(train-ai|train-genai|bots)=n\b", usage) is not None
    licence = rng.choice(["NOASSERTION", "NOASSERTION", "NOASSERTION", "CC-BY-4.0"]) if profile == "clean" else "NOASSERTION"
    agreement = ""
    if opted_out and domain in LICENSED_DOMAINS and rng.random() < 0.3:
        agreement = AGREEMENT
        licence = "LicenseRef-Northlight-Bio-Licence"
    return {
        "source_id": "artist-bios",
        "content_sha256": sha256_hex("tunefield-bio|" + text_key),
        "modality": "text",
        "size_bytes": size,
        "tokens": int(size / 4.3),
        "url": "https://%s.%s/artists/%s" % (host, domain, slug),
        "domain": "" if rng.random() < 0.3 else domain,
        "retrieved_at": stamp(at),
        "robots_txt": robots,
        "tdm_reservation": tdm,
        "content_usage": usage,
        "optout_signals": ";".join(found),
        "license": licence,
        "license_agreement_id": agreement,
        "personal_data": "true",
        "legal_basis": "legitimate_interests",
    }


def bios_ledger(rng):
    weights = [w for _, _, w, _ in DOMAINS]
    rows, slugs = [], set()
    while len(rows) < BIO_ROWS:
        domain, hosts, _, profile = rng.choices(DOMAINS, weights=weights)[0]
        slug = artist_name(rng)
        if (domain, slug) in slugs:
            continue
        slugs.add((domain, slug))
        at = moment_between(rng, utc(2026, 5, 4), utc(2026, 8, 29))
        rows.append(bio_row(rng, domain, hosts, profile, slug, domain + "/" + slug, at))
    # Syndicated copies: the same biography, byte for byte, republished on another site
    # (fan wikis and gig guides copy label press texts).
    reserved = [r for r in rows if failing(r, set())]
    unreserved = [r for r in rows if not failing(r, set())]
    wikis = [d for d in DOMAINS if d[3] == "clean"]
    for original in rng.sample(reserved, SYNDICATED_RESERVED) + rng.sample(unreserved, SYNDICATED_CLEAN):
        domain, hosts, _, profile = rng.choice([d for d in wikis if d[0] not in original["url"]])
        slug = original["url"].rsplit("/", 1)[1]
        at = moment_between(rng, utc(2026, 5, 4), utc(2026, 8, 29))
        copy = bio_row(rng, domain, hosts, profile, slug, "", at)
        copy["content_sha256"] = original["content_sha256"]
        copy["size_bytes"], copy["tokens"] = original["size_bytes"], original["tokens"]
        rows.append(copy)
    rows.sort(key=lambda r: (r["retrieved_at"], r["url"]))
    for n, row in enumerate(rows, start=1):
        row["item_id"] = "bio-%05d" % n
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=BIO_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return rows, out.getvalue()


# ----------------------------------------------------------------------------- the rules

def failing(row, suppressed):
    """The record rules (other than REC-DUPLICATE) a row fails as of AS_OF."""
    fails = set()
    if row.get("legal_basis") == "consent":
        status = row.get("consent_status")
        if status not in ("given", "renewed"):
            at = row.get("consent_status_at")
            later = status in ("withdrawn", "revoked", "expired") and at and as_date(at) > AS_OF
            if not later:
                fails.add("REC-CONSENT")
    for key in ("erasure_requested_at", "objection_at"):
        if row.get(key) and as_date(row[key]) <= AS_OF:
            fails.add("REC-ERASURE")
    if not row.get("license_agreement_id"):
        usage = row.get("content_usage") or ""
        if row.get("robots_txt") in ("disallowed", "unreachable") or row.get("tdm_reservation") in (True, "true") \
                or re.search(r"\b(train-ai|train-genai|bots)=n\b", usage) or row.get("optout_signals"):
            fails.add("REC-OPTOUT")
    if row.get("subject_ref") and row["subject_ref"] in suppressed:
        fails.add("REC-SUPPRESSED")
    return fails


def count(rows_by_source, suppressed):
    counts = {source: {rule: 0 for rule in RULES} for source in SOURCES}
    totals = {}
    tainted = set()
    verdicts = []
    for source, rows in rows_by_source.items():
        totals[source] = {"rows": len(rows), "bytes": sum(int(r["size_bytes"]) for r in rows),
                          "tokens": sum(int(r["tokens"]) for r in rows), "removed": 0}
        for row in rows:
            fails = failing(row, suppressed)
            verdicts.append((source, row, fails))
            if fails:
                tainted.add(row["content_sha256"])
    for source, row, fails in verdicts:
        if not fails and row["content_sha256"] in tainted:
            fails = {"REC-DUPLICATE"}
        for rule in fails:
            counts[source][rule] += 1
        if fails:
            totals[source]["removed"] += 1
    return counts, totals


def details(listening, bios, suppressed, list_entries):
    """The "what fails" column of the README table, in words, from the rows."""
    def tally(items):
        counter = {}
        for item in items:
            counter[item] = counter.get(item, 0) + 1
        return ", ".join("%d %s" % (n, k) for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))

    consent = [r for r in listening if "REC-CONSENT" in failing(r, suppressed)]
    later = [r for r in listening if r["consent_status"] in ("withdrawn", "revoked", "expired")
             and as_date(r["consent_status_at"]) > AS_OF]
    erasure = [r for r in listening if r.get("erasure_requested_at") and as_date(r["erasure_requested_at"]) <= AS_OF]
    on_the_day = [r for r in erasure if as_date(r["erasure_requested_at"]) == AS_OF]
    objection = [r for r in listening if r.get("objection_at") and as_date(r["objection_at"]) <= AS_OF]
    erasure_later = [r for r in listening if any(r.get(k) and as_date(r[k]) > AS_OF for k in ("erasure_requested_at", "objection_at"))]
    listed = set(suppressed)
    present = listed & {r["subject_ref"] for r in listening}
    optout = [r for r in bios if "REC-OPTOUT" in failing(r, suppressed)]
    kinds = []
    for r in optout:
        if r["robots_txt"] in ("disallowed", "unreachable"):
            kinds.append("robots.txt " + r["robots_txt"])
        if r["tdm_reservation"] == "true":
            kinds.append("TDMRep reservation")
        if r["content_usage"] and re.search(r"\b(train-ai|train-genai|bots)=n\b", r["content_usage"]):
            kinds.append("`%s`" % r["content_usage"])
        for signal in ("ai_txt", "c2pa"):
            if signal in r["optout_signals"].split(";"):
                kinds.append({"ai_txt": "ai.txt", "c2pa": "C2PA training-mining"}[signal])
    licensed = [r for r in bios if r["license_agreement_id"]]
    return {
        "REC-CONSENT": "%s (%d listeners); %d rows whose withdrawal or expiry is dated after the as-of date do not count"
                       % (tally(r["consent_status"] for r in consent), len({r["subject_ref"] for r in consent}), len(later)),
        "REC-ERASURE": "%d rows with an erasure request (%d of them dated 2026-11-22 itself), %d with an objection; %d rows whose request is dated later do not count"
                       % (len(erasure), len(on_the_day), len(objection), len(erasure_later)),
        "REC-OPTOUT": "%s; %d reserved rows licensed under %s, %d rows whose robots.txt answered 4xx (`unavailable`) and %d rows with `train-ai=y` do not count"
                      % (tally(kinds), len(licensed), AGREEMENT, len([r for r in bios if r["robots_txt"] == "unavailable" and not failing(r, suppressed)]),
                         len([r for r in bios if "train-ai=y" in r["content_usage"] and not failing(r, suppressed)])),
        "REC-SUPPRESSED": "%d of the %d listeners on the erasure list (%d entries) are still in the ledger"
                          % (len(present), len(listed), list_entries),
        "REC-DUPLICATE": "app-events: copies under a new pseudonym of rows that fail; artist-bios: a reserved biography republished on a site without a reservation",
    }


def registrable(row):
    """The row's registrable domain: the domain cell, else the host minus its first label
    (every host here is <label>.<name>.example, and .example is a public suffix)."""
    return row["domain"] or row["url"].split("/")[2].split(".", 1)[1]


def top_domains(rows, suppressed):
    """The top 10 % of crawled domains by bytes (template 2.3), and their share of all domains.

    The same domains are on top whether the rows the record rules exclude are counted or not,
    so the manifest's list does not depend on that choice (their order does)."""
    def ranking(kept):
        size = {}
        for row in kept:
            size[registrable(row)] = size.get(registrable(row), 0) + int(row["size_bytes"])
        return sorted(size, key=lambda d: (-size[d], d))
    everything = ranking(rows)
    tainted = {r["content_sha256"] for r in rows if failing(r, suppressed)}
    remaining = ranking([r for r in rows if not failing(r, suppressed) and r["content_sha256"] not in tainted])
    n = -(-len(everything) // 10)
    assert set(everything[:n]) == set(remaining[:n]) and len(everything) == len(remaining), \
        "top domains depend on exclusions"
    return everything[:n], round(100 * n / len(everything))


# ----------------------------------------------------------------------------- writing

def build():
    """Every file this script owns, as {path: bytes}, plus the counts."""
    rng = Random(SEED)
    people, listening = listening_ledger(rng)
    erasure_csv, suppressed = erasure_list(rng, people)
    bios, bios_csv = bios_ledger(rng)
    listening_bytes = "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in listening).encode("utf-8")
    counts, totals = count({"app-events": listening, "artist-bios": bios}, suppressed)
    nonzero = [n for per in counts.values() for n in per.values() if n]
    assert len(nonzero) == len(set(nonzero)), "planted counts must be distinct: %r" % counts
    optout_found = sum(1 for r in bios if failing(dict(r, license_agreement_id=""), set()) & {"REC-OPTOUT"})
    files = {
        LISTENING: ("gzip", listening_bytes),
        BIOS: ("raw", bios_csv.encode("utf-8")),
        ERASURE: ("raw", erasure_csv.encode("utf-8")),
    }
    top, share = top_domains(bios, suppressed)
    extra = {"optout_found": optout_found, "listeners": len({r["subject_ref"] for r in listening}),
             "domains": len({registrable(r) for r in bios}), "top_domains": top, "top_share": share,
             "details": details(listening, bios, suppressed, erasure_csv.count("\n") - 1)}
    return files, counts, totals, extra


def rewrite_manifest(text, digests, totals, extra):
    """Sets each source's size and ledger digest, and the crawl's reservations found and top
    domains, in the manifest."""
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    out = []
    for block in blocks:
        match = re.match(r"  - id: (\S+)", block)
        if match and match.group(1) in totals:
            source = match.group(1)
            block = re.sub(r"(size: \{value: )\d+(, unit: bytes\})", r"\g<1>%d\g<2>" % totals[source]["bytes"], block)
            block = re.sub(r"(sha256: )[0-9a-f]{64}(\})", r"\g<1>%s\g<2>" % digests[source], block)
            if source == "artist-bios":
                block = re.sub(r"(reservations_found: )\d+", r"\g<1>%d" % extra["optout_found"], block)
                block = re.sub(r"(top_domains: )\[[^]]*\]", lambda m: m.group(1) + "[%s]" % ", ".join(extra["top_domains"]), block)
                block = re.sub(r"(top_domains_share_pct: )\d+", r"\g<1>%d" % extra["top_share"], block)
        out.append(block)
    return "".join(out)


def rewrite_readme(text, counts, totals, extra):
    rows = ["| rule | app-events | artist-bios | the failing rows |", "|---|---:|---:|---|"]
    for rule in RULES:
        rows.append("| %s | %d | %d | %s |" % (rule, counts["app-events"][rule], counts["artist-bios"][rule], extra["details"][rule]))
    rows.append("| failing at least one rule | %d | %d | a row can fail several rules |"
                % (totals["app-events"]["removed"], totals["artist-bios"]["removed"]))
    rows.append("| rows in the ledger | %d | %d | %d listeners; %d domains |"
                % (totals["app-events"]["rows"], totals["artist-bios"]["rows"], extra["listeners"], extra["domains"]))
    table = "\n".join(rows)
    return re.sub(r"(<!-- counts:begin -->\n).*?(<!-- counts:end -->)",
                  lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)


def main(argv):
    check = argv[1:] == ["--check"]
    if argv[1:] and not check:
        print("usage: generate.py [--check]", file=sys.stderr)
        return 64
    files, counts, totals, extra = build()
    outputs = {}
    stale = []
    for path, (kind, content) in files.items():
        if kind == "gzip":
            # A gzip stream depends on the zlib build (zlib-ng compresses differently): compare
            # the content, and keep the committed bytes when they decompress to it.
            try:
                same = path.exists() and gzip.decompress(path.read_bytes()) == content
            except OSError:
                same = False
            if same:
                outputs[path] = path.read_bytes()
            else:
                outputs[path] = gzip_bytes(content)
                stale.append(path)
        else:
            outputs[path] = content
            if not path.exists() or path.read_bytes() != content:
                stale.append(path)
    digests = {"app-events": sha256_hex(outputs[LISTENING]), "artist-bios": sha256_hex(outputs[BIOS])}
    for path, rewrite in ((MANIFEST, lambda t: rewrite_manifest(t, digests, totals, extra)),
                          (README, lambda t: rewrite_readme(t, counts, totals, extra))):
        current = path.read_text(encoding="utf-8")
        wanted = rewrite(current)
        outputs[path] = wanted.encode("utf-8")
        if wanted != current:
            stale.append(path)

    for source in SOURCES:
        t = totals[source]
        print("%s: %d rows, %d bytes, %d tokens, %d rows failing at least one rule"
              % (source, t["rows"], t["bytes"], t["tokens"], t["removed"]))
        for rule in RULES:
            print("  %-15s %5d" % (rule, counts[source][rule]))
    print("app-events: %d distinct listeners; artist-bios: %d domains, %d rows with an opt-out signal (licensed or not)"
          % (extra["listeners"], extra["domains"], extra["optout_found"]))
    for path in (LISTENING, BIOS, ERASURE):
        print("sha256 %s  %s" % (sha256_hex(outputs[path]), path.relative_to(HERE)))

    if check:
        for path in stale:
            print("out of date: %s" % path.relative_to(HERE), file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(outputs[path])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
