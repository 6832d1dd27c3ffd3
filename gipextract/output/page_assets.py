"""The report page's style and script, inlined into the page so it opens from disk with no
network: colours per cell status, tips on hover or tap, A4 printing, decisions on cells."""
from __future__ import annotations

CSS = """
:root { --ok:#ffffff; --empty:#eeeeee; --inferred:#fff2cc; --ambiguous:#f8cbad; --missing:#ff9999;
        --confirmed:#d9ead3; --broken:#c00000; --error:#f4b6b6; --warning:#ffe08a; --info:#dbe8f6; --pass:#d9ead3; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; margin: 1.5em;
       color: #1a1a1a; line-height: 1.5; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; border-bottom: 2px solid #444; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin-top: 1.2em; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #777; padding: .2em .4em; font-size: .9em; vertical-align: middle; }
table.form th, table.form td.label { background: #f6f6f6; font-weight: normal; text-align: center; }
table.form td.label { text-align: left; }
td.v { text-align: right; min-width: 3.2em; position: relative; cursor: help; }
td.st-ok { background: var(--ok); } td.st-empty { background: var(--empty); }
td.st-inferred { background: var(--inferred); } td.st-ambiguous { background: var(--ambiguous); }
td.st-missing { background: var(--missing); } td.st-confirmed { background: var(--confirmed); }
td.broken { box-shadow: inset 0 0 0 2px #e06666; }
td.culprit { outline: 3px solid var(--broken); outline-offset: -3px; font-weight: bold; }
td.v .tip { display: none; position: absolute; z-index: 5; right: 0; top: 100%; width: 22em; text-align: left;
            background: #222; color: #fff; padding: .4em .6em; border-radius: 4px; font-size: .85em; white-space: normal; }
td.v:hover .tip, td.v:focus .tip, td.v:focus-within .tip { display: block; }
.res { text-align: center; font-weight: bold; }
.res-ok { background: var(--pass); } .res-info { background: var(--info); }
.res-warning { background: var(--warning); } .res-error { background: var(--error); }
ul.findings { padding-left: 1.2em; } ul.findings li { margin: .25em 0; }
li.sev-error::marker { color: var(--broken); } li.sev-warning::marker { color: #b07d00; }
.code { font-family: monospace; font-size: .85em; color: #555; }
.identity { border-left: 4px solid var(--broken); padding: .2em .6em; margin: .3em 0; background: #fff5f5; }
.legend span { display: inline-block; padding: .1em .5em; margin: .1em; border: 1px solid #999; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2em 1em; }
dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
.evidence { color: #555; font-size: .85em; }
details.decide { border: 1px solid #aaa; padding: .5em; margin: 1em 0; }
details.decide input, details.decide select { font: inherit; }
.toolbar button, details.decide button { font: inherit; padding: .2em .8em; margin: .2em; }
.scroll { overflow-x: auto; }
article.report { margin-top: 2em; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 9pt; }
  .toolbar, details.decide, td.v .tip, a.back { display: none !important; }
  article.report { break-before: page; }
  table { break-inside: auto; } tr { break-inside: avoid; }
  th, td { padding: 1px 3px; font-size: 8pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .scroll { overflow: visible; }
}
"""

# Decisions: gathered from each report's form, then downloaded as an overrides file (from
# disk) or posted back to the local page (``data-post`` names where).
JS = """
(function () {
  var data = JSON.parse(document.getElementById('gip-data').textContent);
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function now() {
    var d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' +
      pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }
  function gather(box) {
    var who = box.querySelector('[name=who]').value.trim(), why = box.querySelector('[name=why]').value.trim();
    var out = [], report = data.reports[box.getAttribute('data-report')];
    box.querySelectorAll('[data-cell]').forEach(function (el) {
      var v = el.value.trim();
      if (v === '') { return; }
      if (!/^\\d+(\\.\\d+)?$/.test(v)) { el.setCustomValidity('?'); el.reportValidity(); throw new Error('value'); }
      out.push({document: report.document, sha256: report.sha256, cell: el.getAttribute('data-cell'),
                value: v.indexOf('.') >= 0 ? v : parseInt(v, 10), who: who || '?', when: now(), why: why});
    });
    return out;
  }
  document.querySelectorAll('details.decide button.save').forEach(function (b) {
    b.addEventListener('click', function () {
      var all = [];
      document.querySelectorAll('details.decide').forEach(function (box) { all = all.concat(gather(box)); });
      var text = JSON.stringify({schema: 1, decisions: all}, null, 2);
      var post = document.body.getAttribute('data-post');
      if (post) {
        fetch(post, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: text})
          .then(function (r) { if (r.ok) { location.reload(); } else { r.text().then(alert); } });
        return;
      }
      var a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
      a.download = 'decisions.json';
      document.body.appendChild(a); a.click(); a.remove();
    });
  });
  document.querySelectorAll('select[data-pick]').forEach(function (s) {
    s.addEventListener('change', function () {
      s.parentNode.querySelector('input[data-cell]').value = s.value;
    });
  });
  document.querySelectorAll('button.print').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
})();
"""
