"""Which documents the metadata is measured on, and what is true of each: the year, unit and
publication date a reader finds in it, and the accusing findings that are true of it, all
written by hand (the MANIFESTs of ``corpus/compliance`` and ``corpus/metadata``, the
``true_accusations`` of ``corpus/peer`` and of ``../shared/real-dev``, the expected JSON of
corpus documents and, for a tool's output, of its source).

Used by ``bench/metadata.py`` and ``tests/test_metadata_corpus.py``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
FORMATS = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


def manifest_truth() -> dict[str, set[str]]:
    """corpus-relative path → its true accusations (codes), from the MANIFESTs."""
    out: dict[str, set[str]] = {}
    for folder in ("compliance", "metadata"):
        path = CORPUS / folder / "MANIFEST.json"
        if not path.exists():
            continue
        m = json.loads(path.read_text(encoding="utf-8"))
        for v in m.get("variants", []):
            out[f"{folder}/{v['file']}"] = {e.split()[1] for e in v.get("expect", []) if not e.startswith("info ")}
            for conv in v.get("conversions", []):
                expect = conv.get("dropped", {}).get("expect", v.get("expect", []))
                out[f"{folder}/{conv['file']}"] = {e.split()[1] for e in expect if not e.startswith("info ")}
        for key, exp in m.get("originals", {}).get("expect", {}).items():
            out[key] = {e.split()[1] for e in exp if not e.startswith("info ")}
    for path in sorted((CORPUS / "peer").glob("*.expected.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        if "true_accusations" in d:
            out[f"peer/{path.name}"] = set(d["true_accusations"])
    return out


def documents() -> Iterator[tuple[str, Path, dict[str, Any], set[str]]]:
    """(group, document, expected report facts, true accusations) for every measured document."""
    truth = manifest_truth()
    index = SHARED / "real-dev" / "INDEX.json"
    if index.exists():
        for entry in json.loads(index.read_text(encoding="utf-8")).values():
            e = json.loads((SHARED / "real-dev" / entry["expected"]).read_text(encoding="utf-8"))
            yield ("real-dev", SHARED / "real-dev" / entry["document"],
                   {"year": e["year"], "unit": e["unit_contains"], "published": e.get("published")},
                   set(e.get("true_accusations", [])))
    for exp in sorted((CORPUS / "peer").glob("*.expected.json")):
        d = json.loads(exp.read_text(encoding="utf-8"))
        src = SHARED / "peer-samples" / d["source"]
        if src.exists():
            yield "peer", src, d.get("report", {}), truth.get(f"peer/{exp.name}", set())
    for exp in sorted(CORPUS.rglob("*.expected.json")):
        if exp.parent.name in ("peer", "toolout") or "scans" in exp.relative_to(CORPUS).parts:
            continue
        stem = exp.name[: -len(".expected.json")]
        src = next((exp.with_name(stem + s) for s in FORMATS if exp.with_name(stem + s).exists()), None)
        expected = json.loads(exp.read_text(encoding="utf-8"))
        if src is not None and "error" not in expected:  # a document that holds no report says nothing
            rel = str(src.relative_to(CORPUS))
            yield "corpus", src, expected.get("report", {}), truth.get(rel, set())
    for folder in ("compliance", "metadata"):
        path = CORPUS / folder / "MANIFEST.json"
        if not path.exists():
            continue
        for v in json.loads(path.read_text(encoding="utf-8")).get("variants", []):
            facts = v.get("report", {})
            yield folder, CORPUS / folder / v["file"], facts, truth.get(f"{folder}/{v['file']}", set())
            for conv in v.get("conversions", []):
                name = conv["file"]
                dropped = {k: x for k, x in conv.get("dropped", {}).items() if k != "expect"}
                yield f"{folder}:{name.split('/')[0]}", CORPUS / folder / name, {**facts, **dropped}, \
                    truth.get(f"{folder}/{name}", set())
    manifest = CORPUS / "toolout" / "manifest.json"
    for rel, entry in sorted(json.loads(manifest.read_text(encoding="utf-8")).items()):
        exp = json.loads((CORPUS / entry["expected"]).read_text(encoding="utf-8"))
        yield f"tool:{entry['tool']}", CORPUS / "toolout" / rel, exp.get("report", {}), truth.get(entry["source"], set())


