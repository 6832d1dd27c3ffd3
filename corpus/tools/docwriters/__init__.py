"""Test-document writers: render a grid as a document, the way publishers flatten reports.

They exist to test the readers (round trips through every flattening) and to build the
corpus; they follow the national form's layout and the flattenings seen in real files. They
are not part of the package: tests put ``corpus/tools`` on ``sys.path``, and the corpus
scripts beside this folder import them directly. The district form that ``gipextract
aggregate -o x.docx`` writes is :mod:`gipextract.output.form_docx`.
"""
from .html import HTML_ENCODINGS, render_html, render_js_shell
from .layout import Grid, form_rows
from .text import TEXT_STYLES, render_text

__all__ = ["Grid", "form_rows", "TEXT_STYLES", "render_text", "HTML_ENCODINGS", "render_html", "render_js_shell"]
