"""TrainGate's attestations checked by an independent DSSE and Ed25519 implementation
(Python's `cryptography`), and an envelope signed by it verified by TrainGate.

Needs the traingate binary ($TRAINGATE, or the package's debug build) and `cryptography`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

cryptography = pytest.importorskip("cryptography")
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey  # noqa: E402
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_private_key, load_pem_public_key  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "licensed-music-model"


def traingate() -> str:
    if os.environ.get("TRAINGATE"):
        return os.environ["TRAINGATE"]
    folder = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return str(Path(folder) / "traingate")


def pae(payload_type: str, body: bytes) -> bytes:
    """DSSE v1 pre-authentication encoding, written from the specification."""
    kind = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(kind), kind, len(body), body)


@pytest.fixture()
def attested(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "work")
    subprocess.run([traingate(), "keygen", "ci"], cwd=tmp_path, check=True, capture_output=True)
    as_of = next(line.split()[-1] for line in (EXAMPLE / "expected.yaml").read_text().splitlines() if line.startswith("as_of:"))
    result = subprocess.run([traingate(), "check", "work", "--as-of", as_of, "--attest", "attestation.json", "--key", "ci"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return tmp_path


def test_an_independent_verifier_accepts_the_envelope(attested):
    envelope = json.loads((attested / "attestation.json").read_text())
    public_key = load_pem_public_key((attested / "ci.pub").read_bytes())
    assert isinstance(public_key, Ed25519PublicKey)
    payload = base64.b64decode(envelope["payload"])
    assert envelope["payloadType"] == "application/vnd.in-toto+json"
    for signature in envelope["signatures"]:
        public_key.verify(base64.b64decode(signature["sig"]), pae(envelope["payloadType"], payload))  # raises if invalid
        spki = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
        assert signature["keyid"] == hashlib.sha256(spki).hexdigest()
    statement = json.loads(payload)
    assert statement["_type"] == "https://in-toto.io/Statement/v1"
    assert statement["predicateType"] == "https://traingate.dev/attestation/check/v1"
    assert statement["predicate"]["verdict"] == "pass"
    for subject in statement["subject"]:
        assert hashlib.sha256((attested / subject["name"]).read_bytes()).hexdigest() == subject["digest"]["sha256"]
    assert {subject["name"] for subject in statement["subject"]} >= {"work/model-card.yaml"}
    # The private key is PKCS#8 that `cryptography` reads, and matches the public key.
    private_key = load_pem_private_key((attested / "ci").read_bytes(), password=None)
    assert isinstance(private_key, Ed25519PrivateKey)
    assert private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw) == public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    # A flipped bit in the payload fails the independent verifier too.
    with pytest.raises(cryptography.exceptions.InvalidSignature):
        public_key.verify(base64.b64decode(envelope["signatures"][0]["sig"]), pae(envelope["payloadType"], payload.replace(b"pass", b"pasS")))


def test_traingate_verifies_an_envelope_signed_elsewhere(attested):
    envelope = json.loads((attested / "attestation.json").read_text())
    payload = base64.b64decode(envelope["payload"])
    private_key = load_pem_private_key((attested / "ci").read_bytes(), password=None)
    signed = {"payloadType": envelope["payloadType"], "payload": envelope["payload"],
              "signatures": [{"keyid": "", "sig": base64.b64encode(private_key.sign(pae(envelope["payloadType"], payload))).decode()}]}
    (attested / "elsewhere.json").write_text(json.dumps(signed))
    result = subprocess.run([traingate(), "verify", "elsewhere.json", "--key", "ci.pub"], cwd=attested, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    other = Ed25519PrivateKey.generate()
    signed["signatures"][0]["sig"] = base64.b64encode(other.sign(pae(envelope["payloadType"], payload))).decode()
    (attested / "other.json").write_text(json.dumps(signed))
    result = subprocess.run([traingate(), "verify", "other.json", "--key", "ci.pub"], cwd=attested, capture_output=True, text=True)
    assert result.returncode == 2
