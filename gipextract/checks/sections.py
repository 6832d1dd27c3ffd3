"""Parts 一 to 六 (条例第五十条, the national form): missing, renamed, misnumbered, out of order.

Each finding rests on headings as printed, with where they stand. A part is missing only when
its neighbours' headings are there and nothing between them is about it; a part whose text is
there without its heading is said so, as a notice (a converter may have dropped the heading).
Where the document holds too few headings to judge (a converter kept only the tables), the
parts are unchecked, never missing. Headings printed without any ordinal are Word's list
numbering lost in a conversion: they count as numbered. The order is judged on the headings of
the text, not on those a table carries with it.
"""
from __future__ import annotations

from .headings import CONTENT, PARTS, Heading, scan
from ..report import Finding, Report, finding
from . import Context

MIN_HEADINGS = 3  # of the six, for a text to say anything about the others


def _evidence(context: Context, h: Heading) -> dict:
    return context.evidence_at(h.pos, h.printed)


def _in_table(context: Context, h: Heading) -> bool:
    prov = context.locate(h.pos, 1)[0] if context.locate is not None else None
    return prov is not None and prov.table is not None


def section_findings(report: Report, context: Context) -> list[Finding]:
    """Parts 一 to 六 missing, renamed, misnumbered or out of order."""
    text = context.text
    found, others = scan(text)
    if len(found) < MIN_HEADINGS:
        return [finding("sections_unchecked", count=len(found))]
    out: list[Finding] = []
    keys = [k for k, _, _ in PARTS]
    all_unnumbered = all(h.ordinal is None for h in found.values())
    for i, (key, name, _rx) in enumerate(PARTS):
        if key in found:
            h = found[key]
            if h.ordinal != key and not (h.ordinal is None and all_unnumbered):
                out.append(finding("section_misnumbered", part=key, name=name, ordinal=h.ordinal,
                                   numbering="other" if h.ordinal else "none", evidence=_evidence(context, h)))
            continue
        before = [found[k] for k in keys[:i] if k in found]
        after = [found[k] for k in keys[i + 1:] if k in found]
        lo = max((h.pos for h in before), default=0)
        hi = min((h.pos for h in after if h.pos > lo), default=len(text))
        renamed = next((o for o in others if o.ordinal == key and lo < o.pos < hi), None)
        if renamed is not None:
            evidence = _evidence(context, renamed)
            out.append(finding("section_renamed", part=key, printed=evidence["text"][len(key) + 1:], name=name,
                               evidence=evidence))
            continue
        between = text[lo:hi]
        words = [w for w in CONTENT[key] if w in between]
        if words:
            at = lo + between.index(words[0])
            out.append(finding("section_unheaded", part=key, name=name,
                               evidence=context.evidence_at(at, between[between.index(words[0]):][:30])))
        elif before and (after or i == len(PARTS) - 1) or after and i == 0:
            neighbours = [h for h in (before[-1] if before else None, after[0] if after else None) if h]
            quoted = [_evidence(context, h) for h in neighbours]
            out.append(finding("section_missing", part=key, name=name, evidence=quoted[0],
                               neighbours=[q["text"] for q in quoted]))
        elif not any(f.code == "sections_unchecked" for f in out):
            out.append(finding("sections_unchecked", count=len(found)))
    # A heading inside a table (a caption, a header cell) moves with the table: converters put
    # tables after the text (trafilatura), so only the headings of the text say the order.
    order = [k for k in keys if k in found and not _in_table(context, found[k])]
    by_pos = sorted(order, key=lambda k: found[k].pos)
    if by_pos != order:
        pdf = report.source.format == "pdf"
        first = next(found[k] for a, k in zip(order, by_pos) if a != k)
        out.append(finding("section_order", severity="info" if pdf else "warning", found=by_pos, expected=order,
                           layer="pdf" if pdf else "other", evidence=_evidence(context, first)))
    return out
