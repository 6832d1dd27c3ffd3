"""What the three C-side tricks of the text path buy, each against the plain Python form:

- ``normalize.fold``: one ``str.replace`` per folded character, against ``str.translate``;
- ``normalize.compact_with_index``: ``itertools.compress`` over UTF-32 code units, against a
  loop over the characters;
- the HTML adapter's XSLT flattening, against the same rules as a Python walk of the tree
  (checked to write the very same text).

    python bench/bench_tricks.py [--repeat N]

Inputs: the corpus seed texts (folding, compacting) and the ~100 KB portal page of
bench_html.py plus the corpus HTML pages (flattening). Prints median times and ratios.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gipextract.read import html  # noqa: E402
from gipextract.read.html import (_BARE, _BLOCK, _CELL, _CELL_BREAKS, _CHROME_TAGS, _CLOSE, _END, _OPEN,  # noqa: E402
                                      _ROW, _SEP, _SHUT, _SKIP, _TABLE)
from gipextract.read.normalize import _DROP_CHARS, _FOLD, compact_with_index, fold, nfkc  # noqa: E402


def median_time(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def compact_by_loop(text: str) -> tuple[str, list[int]]:
    keep, index = [], []
    drop = set(_DROP_CHARS)
    for i, ch in enumerate(text):
        if ch not in drop:
            keep.append(ch)
            index.append(i)
    return "".join(keep), index


# The stylesheet's rules written as a Python walk of the tree (explicit stack: pages nest
# deeper than Python's recursion limit). main() checks that it writes the same text.

_BREAKS = frozenset(_CELL_BREAKS.split("|"))
_CHROME = frozenset(_CHROME_TAGS)
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})


def _children(el, cell):
    seq = [el.text] if el.text else []
    for ch in el:
        seq.append((ch, cell))
        if ch.tail:
            seq.append(ch.tail)
    return seq


def _named(el):
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return [], []
    return [_OPEN + (cls or "") + (ident or "") + _SHUT], [_CLOSE]


def _expand(el, cell):
    tag = el.tag
    if not isinstance(tag, str):
        return []
    if cell:
        if tag in _SKIP:
            return []
        if tag in _BREAKS:
            return [" "] + _children(el, True) + [" "]
        return _children(el, True)
    if tag in _CHROME:
        return [_OPEN + "nav" + _SHUT, "\n"] + _children(el, False) + ["\n", _CLOSE]
    if tag == "table":
        head, tail = _named(el)
        if el.find(".//table") is not None:
            body = _children(el, False)
        else:
            body = [_TABLE]
            for ch in el:
                rows = [ch] if ch.tag == "tr" else [g for g in ch if g.tag == "tr"] if ch.tag in _ROW_GROUPS else []
                for tr in rows:
                    body.append(_ROW)
                    for td in tr:
                        if td.tag in ("td", "th"):
                            body.append(_CELL + ("" if td.attrib else _BARE) + (td.get("rowspan") or "") + _SEP
                                        + (td.get("colspan") or "") + _SEP)
                            body += _children(td, True)
            body.append(_END)
        return head + ["\n"] + body + ["\n"] + tail
    if tag in _SKIP:
        return []
    if tag == "br":
        return ["\n"]
    if tag == "img":
        return [el.get("alt") or ""]
    head, tail = _named(el)
    if tag in _BLOCK:
        return head + ["\n"] + _children(el, False) + ["\n"] + tail
    return head + _children(el, False) + tail


def flatten(body):
    out = []
    stack = [(body, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            stack.extend(reversed(_expand(*item)))
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()
    from lxml import etree

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seeds").glob("*.txt"))]
    a = median_time(lambda: [fold(t) for t in texts], args.repeat)
    b = median_time(lambda: [t.translate(_FOLD) for t in texts], args.repeat)
    print(f"fold, {len(texts)} seed texts: replace per character {a * 1e3:.2f} ms, translate {b * 1e3:.2f} ms "
          f"({b / a:.1f}x)")
    folded = [nfkc(t) for t in texts]
    a = median_time(lambda: [compact_with_index(t) for t in folded], args.repeat)
    b = median_time(lambda: [compact_by_loop(t) for t in folded], args.repeat)
    print(f"compact_with_index: compress {a * 1e3:.2f} ms, loop {b * 1e3:.2f} ms ({b / a:.1f}x)")
    sys.path.insert(0, str(ROOT / "bench"))
    pages = [p.read_bytes() for p in sorted((ROOT / "corpus" / "html").glob("*.html"))]
    try:
        from bench_html import big_page  # type: ignore[import-not-found]

        pages.append(big_page())
    except ImportError:
        pass
    bodies = []
    for data in pages:
        root = etree.fromstring(data, html._html_parser())
        if root is not None:
            bodies.append(root.find("body") if root.find("body") is not None else root)
    xslt = html._flattener()
    assert all(str(xslt(b)) == flatten(b) for b in bodies), "the walk must write what the stylesheet writes"
    for name, group in (("corpus pages", bodies[:-1]), ("~100 KB page", bodies[-1:])):
        a = median_time(lambda: [str(xslt(b)) for b in group], args.repeat)
        b = median_time(lambda: [flatten(b) for b in group], args.repeat)
        print(f"flatten {len(group)} {name}: XSLT {a * 1e3:.2f} ms, Python walk {b * 1e3:.2f} ms ({b / a:.1f}x)")


if __name__ == "__main__":
    main()
