"""``gipextract serve``: the report page on this computer, for clerks without a terminal.

A clerk drops drafts or a folder on the page; each upload is a session: its files are written
under their own temporary folder (named by number, never by the uploaded name, so no upload
reaches a path outside it), read in worker processes as a batch is, and shown as the report
page, from which the overview workbook, the district form, the sums and the decisions file
are downloaded. Decisions posted from the page are kept with the session and the files read
again with them. Sessions are few (the oldest is removed past :data:`MAX_SESSIONS`) and every
folder is removed when the server stops. It listens on 127.0.0.1 unless told otherwise, and
answers only requests addressed to the host it listens on (a page elsewhere cannot reach it
by a rebound name). Needs the ``serve`` extra (Flask).
"""
from __future__ import annotations

import atexit
import io
import json
import logging
import secrets
import shutil
import sys
import tempfile
import threading
import webbrowser
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path, PurePath
from typing import Any

from .decisions import dumps, parse_decisions
from .errors import GipExtractError, MissingExtraError
from .messages import Lang, say
from .report import Decision, Result

try:
    import flask
except ImportError:  # pragma: no cover - depends on the optional extra
    raise MissingExtraError(None, feature="gipextract serve", extra="serve") from None

READABLE = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".json")
MAX_SESSIONS = 8
_UPLOAD_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; max-width: 52em; }}
label.drop {{ display: block; border: 3px dashed #888; border-radius: 8px; padding: 3em 1em; text-align: center;
             font-size: 1.2em; cursor: pointer; }} label.drop.over {{ background: #eef5ff; border-color: #36c; }}
button, label.button {{ font: inherit; font-size: 1.1em; padding: .4em 1.5em; margin-top: 1em; display: inline-block;
  border: 1px solid #777; border-radius: 4px; background: #f2f2f2; cursor: pointer; }} .note {{ color: #555; }}
.error {{ color: #b00; font-weight: bold; }}</style></head><body>
<h1>{title}</h1>{error}
<form method="post" action="/check" enctype="multipart/form-data" id="upload">
<label class="drop" id="drop">{drop}<input type="file" name="files" multiple hidden id="files"></label>
<p><label class="button">{folder}<input type="file" name="files" webkitdirectory multiple id="folder" hidden></label></p>
<p id="chosen" class="note"></p><button type="submit">{check}</button></form><p class="note">{limits}</p>
<script>
var drop = document.getElementById('drop'), files = document.getElementById('files');
['dragenter', 'dragover'].forEach(function (t) {{ drop.addEventListener(t, function (e) {{ e.preventDefault(); drop.classList.add('over'); }}); }});
drop.addEventListener('dragleave', function () {{ drop.classList.remove('over'); }});
// A dropped folder arrives as an entry to walk: its files are sent as one upload.
function walk(entry, out) {{
  if (entry.isFile) {{ return new Promise(function (ok) {{ entry.file(function (f) {{ out.push(f); ok(); }}, ok); }}); }}
  var reader = entry.createReader(), all = [];
  return new Promise(function (ok) {{
    (function more() {{ reader.readEntries(function (batch) {{
      if (!batch.length) {{ Promise.all(all).then(ok); return; }}
      batch.forEach(function (b) {{ all.push(walk(b, out)); }}); more(); }}, ok); }})();
  }});
}}
drop.addEventListener('drop', function (e) {{
  e.preventDefault(); drop.classList.remove('over');
  var entries = Array.prototype.map.call(e.dataTransfer.items || [], function (i) {{ return i.webkitGetAsEntry && i.webkitGetAsEntry(); }});
  if (!entries.some(function (x) {{ return x && x.isDirectory; }})) {{ files.files = e.dataTransfer.files; show(); return; }}
  var out = [];
  Promise.all(entries.filter(Boolean).map(function (x) {{ return walk(x, out); }})).then(function () {{
    var body = new FormData();
    out.forEach(function (f) {{ body.append('files', f, f.name); }});
    document.getElementById('chosen').textContent = {chosen} .replace('{{n}}', out.length);
    fetch('/check', {{method: 'POST', body: body}}).then(function (r) {{
      if (r.redirected) {{ location.href = r.url; }} else {{ r.text().then(function (t) {{ document.open(); document.write(t); document.close(); }}); }}
    }});
  }});
}});
function show() {{ var n = files.files.length + document.getElementById('folder').files.length;
  document.getElementById('chosen').textContent = n ? {chosen} .replace('{{n}}', n) : ''; }}
files.addEventListener('change', show); document.getElementById('folder').addEventListener('change', show);
</script></body></html>"""


@dataclass
class Session:
    """One upload: its folder, the uploaded names, the decisions made so far and the results."""

    folder: Path
    names: dict[str, str]  # stored file → the name the clerk's file had
    decisions: list[Decision] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)


class Sessions:
    """The live sessions, oldest first; a removed session's folder is deleted with it."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, Session] = OrderedDict()
        self._lock = threading.Lock()
        atexit.register(self.clear)

    def add(self, session: Session) -> str:
        key = secrets.token_urlsafe(16)
        with self._lock:
            self._items[key] = session
            while len(self._items) > MAX_SESSIONS:
                _key, old = self._items.popitem(last=False)
                shutil.rmtree(old.folder, ignore_errors=True)
        return key

    def get(self, key: str) -> Session | None:
        with self._lock:
            return self._items.get(key)

    def clear(self) -> None:
        with self._lock:
            for s in self._items.values():
                shutil.rmtree(s.folder, ignore_errors=True)
            self._items.clear()


def _read(session: Session) -> None:
    """(Re)read the session's files with its decisions; results carry the uploaded names."""
    from .batch import parse_many

    files = sorted(session.names)
    got = []
    for r in parse_many([str(session.folder / f) for f in files], jobs=2, overrides=tuple(session.decisions)):
        name = session.names[Path(r.path).name]
        if r.report is not None:
            got.append(Result(name, report=replace(r.report, source=replace(r.report.source, path=name))))
        else:
            got.append(Result(name, error=r.error))
    session.results = got


def create_app(max_files: int = 200, max_mb: int = 200, lang: Lang = "zh", host: str = "127.0.0.1",
               port: int | None = None) -> "flask.Flask":
    """The local page as a Flask application (tests drive it with its test client)."""
    app = flask.Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = max_mb * 1024 * 1024
    sessions = Sessions()
    allowed = {host, "localhost", "127.0.0.1"} if host in ("127.0.0.1", "localhost") else None

    def page(error: str = "", status: int = 200) -> Any:
        html = _UPLOAD_PAGE.format(title=escape(say("serve.title", lang)), drop=escape(say("serve.drop", lang)),
                                   folder=escape(say("serve.folder", lang)), check=escape(say("serve.check", lang)),
                                   limits=escape(say("serve.limits", lang, files=max_files, mb=max_mb)),
                                   chosen=json.dumps(say("serve.chosen", lang)),
                                   error=f'<p class="error">{escape(error)}</p>' if error else "")
        return flask.Response(html, status=status, mimetype="text/html")

    @app.before_request
    def same_host() -> Any:
        # A name rebound to 127.0.0.1 by another site's DNS would arrive with that site's Host.
        if allowed is not None and (flask.request.host.rsplit(":", 1)[0].strip("[]") not in allowed):
            flask.abort(403)
        return None

    @app.errorhandler(Exception)
    def internal(e: Exception) -> Any:
        from werkzeug.exceptions import HTTPException

        if isinstance(e, HTTPException):
            return e
        # A bug of ours: one line for the clerk and the console, never a traceback.
        text = say("serve.internal", lang, type=type(e).__name__)
        print(say("usage.prefix", lang) + text, file=sys.stderr)
        return flask.Response(text, status=500, mimetype="text/plain")

    @app.errorhandler(413)
    def too_large(_e: Any) -> Any:
        return page(say("serve.too_large", lang, mb=max_mb), 413)

    @app.get("/")
    def index() -> Any:
        return page()

    @app.post("/check")
    def check() -> Any:
        uploads = [f for f in flask.request.files.getlist("files") if f and f.filename]
        if not uploads:
            return page(say("serve.nothing", lang), 400)
        if len(uploads) > max_files:
            return page(say("serve.too_many", lang, files=max_files), 413)
        folder = Path(tempfile.mkdtemp(prefix="gipextract-serve-"))
        names: dict[str, str] = {}
        for k, f in enumerate(uploads):
            shown = PurePath(f.filename.replace("\\", "/")).name or f"file{k}"
            suffix = PurePath(shown).suffix.lower()
            stored = f"{k:04d}{suffix if suffix in READABLE else '.bin'}"
            f.save(folder / stored)
            names[stored] = shown
        session = Session(folder, names)
        _read(session)
        return flask.redirect(f"/s/{sessions.add(session)}/", code=303)

    def session_or_404(key: str) -> Session:
        s = sessions.get(key)
        if s is None:
            flask.abort(flask.Response(say("serve.gone", lang), status=404, mimetype="text/plain"))
        return s  # type: ignore[return-value]

    @app.get("/s/<key>/")
    def results(key: str) -> Any:
        from .output.page import render_page

        s = session_or_404(key)
        html = render_page(s.results, lang, post=f"/s/{key}/decide")
        links = "".join(f'<a href="/s/{key}/{name}" download>{escape(say(label, lang))}</a> '
                        for name, label in DOWNLOADS)
        bar = (f'<nav class="toolbar downloads"><b>{escape(say("serve.downloads", lang))}：</b>{links}'
               f'<a href="/">{escape(say("serve.again", lang))}</a></nav>')
        return flask.Response(html.replace("</header>", "</header>" + bar, 1), mimetype="text/html")

    @app.post("/s/<key>/decide")
    def decide(key: str) -> Any:
        s = session_or_404(key)
        try:
            new = parse_decisions(json.loads(flask.request.get_data(as_text=True) or "null"), "decisions")
        except (GipExtractError, ValueError) as e:
            text = e.describe(lang) if isinstance(e, GipExtractError) else say("serve.nothing", lang)
            return flask.Response(text, status=400, mimetype="text/plain")
        s.decisions.extend(new)
        _read(s)
        return flask.jsonify({"decisions": len(s.decisions)})

    @app.get("/s/<key>/<name>")
    def download(key: str, name: str) -> Any:
        s = session_or_404(key)
        maker = _MAKERS.get(name)
        if maker is None:
            flask.abort(404)
        try:
            data, mimetype = maker(s, lang)
        except GipExtractError as e:
            return flask.Response(say("serve.aggregate_refused", lang, reason=e.message(lang)), status=409,
                                  mimetype="text/plain")
        return flask.send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)

    return app


def _reports(s: Session) -> list:
    return [r.report for r in s.results if r.report is not None]


def _page(s: Session, lang: Lang) -> tuple[bytes, str]:
    from .output.page import render_page

    return render_page(s.results, lang).encode("utf-8"), "text/html"


def _overview(s: Session, lang: Lang) -> tuple[bytes, str]:
    from .output.overview import overview_rows, write_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "overview.xlsx"
        write_xlsx(overview_rows(_reports(s), lang=lang), str(path))
        return path.read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _form(s: Session, lang: Lang) -> tuple[bytes, str]:
    from .output.district import aggregate
    from .output.form_docx import form_docx

    return form_docx(aggregate(_reports(s))), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _district(s: Session, lang: Lang) -> tuple[bytes, str]:
    from .output.district import aggregate
    from .output.office_xlsx import write_district

    reports = _reports(s)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "district.xlsx"
        write_district(reports, aggregate(reports), str(path), lang)
        return path.read_bytes(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sums(s: Session, lang: Lang) -> tuple[bytes, str]:
    from .output.district import aggregate

    return json.dumps(aggregate(_reports(s)).to_dict(lang=lang), ensure_ascii=False, indent=2).encode("utf-8"), \
        "application/json"


def _decisions(s: Session, lang: Lang) -> tuple[bytes, str]:
    return dumps(s.decisions).encode("utf-8"), "application/json"


_MAKERS = {"report.html": _page, "overview.xlsx": _overview, "district.docx": _form,
           "district.xlsx": _district, "sums.json": _sums,
           "decisions.json": _decisions}
DOWNLOADS = (("report.html", "serve.page_html"), ("overview.xlsx", "serve.overview_xlsx"),
             ("district.docx", "serve.form_docx"), ("district.xlsx", "serve.district_xlsx"),
             ("sums.json", "serve.sums_json"),
             ("decisions.json", "serve.overrides"))


def run(host: str = "127.0.0.1", port: int = 8765, max_files: int = 200, max_mb: int = 200, lang: Lang = "zh",
        open_browser: bool = False) -> int:
    """Serve until interrupted; returns the exit code."""
    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no English access log on the clerk's console
    server = make_server(host, port, create_app(max_files, max_mb, lang, host, port), threaded=True)
    url = f"http://{'127.0.0.1' if host in ('127.0.0.1', 'localhost') else host}:{server.server_port}/"
    print(say("serve.listening", lang, url=url), file=sys.stderr)
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(say("serve.exposed", lang, host=host), file=sys.stderr)
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0
