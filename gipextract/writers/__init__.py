"""Writers: render a grid as a document, the way publishers flatten reports.

They exist to test the readers (round trips through every flattening) and to build the
corpus; they follow the national form's layout and the flattenings seen in real files.
``writers.docx.render_docx`` is also the supported way to write the form itself
(``gipextract aggregate -o district.docx``); it needs the ``docx`` extra (python-docx).
"""
from .html import HTML_ENCODINGS, render_html, render_js_shell
from .layout import Grid, form_rows
from .text import TEXT_STYLES, render_text

__all__ = ["Grid", "form_rows", "TEXT_STYLES", "render_text", "HTML_ENCODINGS", "render_html", "render_js_shell"]
