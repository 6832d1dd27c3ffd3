"""A document's format, decided from its content (the file name is never trusted)."""
from __future__ import annotations


def sniff(data: bytes) -> str:
    """The format of ``data`` decided from its content: pdf, docx, html or text."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    for magic, fmt in ((b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"GIF8", "image"),
                       (b"II*\x00", "image"), (b"MM\x00*", "image"), (b"{\\rtf", "rtf")):
        if head.startswith(magic):
            return fmt
    probe = head.replace(b"\x00", b"").lower()
    if not probe.lstrip().startswith(b"<"):
        kind = _text_kind(data)
        if kind:
            return kind  # Markdown may hold raw <table> markup; its adapter reads that as HTML
    elif not any(tag in probe for tag in (b"<!doctype", b"<html", b"<head", b"<body")) and \
            _text_kind(data) == "markdown":
        return "markdown"  # pandoc gfm keeps a page's <div> wrappers as raw HTML around its pipe tables
    if probe.lstrip()[:3] == b"<p>" or probe.lstrip()[:3] == b"<p ":
        return "html"  # an HTML fragment (mammoth writes no <html>/<body>)
    if any(tag in probe for tag in (b"<!doctype html", b"<html", b"<body", b"<head", b"<meta ", b"<table", b"<div")):
        return "html"
    # A portal page saved as a body fragment: paragraphs first, the first <table> many KB in.
    # Count common tags further in; a text report does not hold a dozen of them.
    return "html" if _tag_count(data[:_SNIFF_BYTES]) >= _MIN_TAGS else "text"


_SNIFF_BYTES = 256 * 1024
_MIN_TAGS = 12
_COMMON_TAGS = (b"<p>", b"<p ", b"</p>", b"<br", b"<span", b"</span>", b"<td", b"</td>", b"<tr", b"<table",
                b"<div", b"</div>", b"<strong", b"<b>", b"<font", b"<li")


def _tag_count(data: bytes) -> int:
    """How many common HTML tags ``data`` holds (ASCII case folded; UTF-16 NULs dropped)."""
    if b"<" not in data:
        return 0
    probe = data.replace(b"\x00", b"").lower()
    return sum(probe.count(tag) for tag in _COMMON_TAGS)


def _text_kind(data: bytes) -> str | None:
    """"markdown" or "columns" (text laid out in character columns) when the text is such."""
    from .columns import looks_like_columns
    from .markdown import looks_like_markdown
    from .text import decode

    try:
        text = decode(data[:200000], "<sniff>")
    except Exception:  # noqa: BLE001 - undecodable text is for the text adapter to report
        return None
    if looks_like_markdown(text):
        return "markdown"
    return "columns" if looks_like_columns(text) else None
