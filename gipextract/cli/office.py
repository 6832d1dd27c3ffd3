"""The office's commands: ``check``, ``aggregate`` and ``compare``. Each returns its exit code.

What a clerk gets is chosen before anything is read: the output's format follows the
extension of ``-o`` (or ``--format``), and a format that cannot be written there, an unknown
extension, an unusable location or an unreadable list of units is refused with one line
(exit 2) before any parsing.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, Iterator

from ..checks.repetition import Repetition
from ..errors import GipExtractError, IncompatibleReportsError, SavedReportError
from ..messages import Lang, say, show
from ..read.source import display_path
from ..report import Report, ReportInfo, Result, SourceInfo
from ..templates.labels import cell_label, split_ref
from .commands import inputs, results
from .common import EXIT_FINDINGS, EXIT_OK, Refused, UsageError, progress
from .sinks import Atomic, check_location

SAVED = (".json", ".jsonl")  # saved results that aggregate and compare load instead of parsing
CHECK_OUT = {".txt": "view", ".csv": "csv", ".xlsx": "xlsx"}
AGGREGATE_OUT = {".docx": "docx", ".xlsx": "xlsx", ".json": "json", ".txt": "view"}
COMPARE_OUT = {".txt": "view", ".json": "json"}
TO_STDOUT = ("view", "csv", "json")  # the formats that can go to standard output


def output_format(fmt: str | None, output: str | None, by_suffix: dict[str, str]) -> str:
    """The format to write: ``-o``'s extension decides (``--format`` may only agree with it),
    else ``--format``, else the view. A refusal (exit 2) before any parsing when the extension
    is unknown, the two disagree, a format needs a file, or the location is unusable."""
    to_file = output not in (None, "-")
    if to_file and output != os.devnull:
        chosen = by_suffix.get(Path(output).suffix.lower())  # type: ignore[arg-type]
        if chosen is None:
            raise UsageError("usage.output_suffix", path=output, expected=list(by_suffix))
        if fmt is not None and fmt != chosen:
            raise UsageError("usage.format_mismatch", format=fmt, path=output)
        fmt = chosen
    fmt = fmt or "view"
    if not to_file and fmt not in TO_STDOUT:
        raise UsageError("usage.needs_file", format=fmt)
    check_location(output)
    return fmt


@contextmanager
def target(output: str) -> Iterator[str]:
    """A path to write ``output`` through: a temporary file renamed into place when the block
    ends without error (removed otherwise); the null device as it is."""
    if output == os.devnull:
        yield output
        return
    atomic = Atomic(output)
    try:
        yield atomic.temp
    except BaseException:
        atomic.discard()
        raise
    atomic.commit()


@contextmanager
def text_out(output: str | None, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """Standard output, or a text file at ``output`` written whole or not at all."""
    if output in (None, "-"):
        yield sys.stdout
        return
    with target(output) as path, open(path, "w", encoding=encoding, errors="backslashreplace", newline="") as fp:
        yield fp


def _reason(r: Result, lang: Lang) -> str:
    return r.error.message(lang) if r.error is not None else ""


def check_cmd(args: argparse.Namespace) -> int:
    """``gipextract check PATH… [-o 总览.xlsx|.csv|.txt]``: what each draft gets wrong —
    identities, undetermined cells and the regulation's checks — grouped by severity;
    ``--similar`` adds copied prose across the reports; a ``.csv`` or ``.xlsx`` output is the
    office's overview, one row per unit."""
    from ..checks.compliance import with_deadline
    from ..output.overview import overview_rows
    from ..output.problems import needs_fixing, problems

    lang: Lang = args.lang
    similar_pairs = _similar_module() if args.similar else None
    fmt = output_format(args.format, args.output, CHECK_OUT)
    overview = fmt != "view"
    if args.level or args.deadline:  # a bad value refused now, not after the first file is read
        try:
            with_deadline(Report(SourceInfo(None, "text", ""), "2021", ReportInfo(), ()), args.level, args.deadline)
        except GipExtractError as e:
            raise Refused(e) from None
    files = inputs(args.paths, ocr=args.ocr)
    read, fixing, failed = 0, 0, 0
    reports = []
    unreadable: list[tuple[str, str, str]] = []
    lines: list[str] = []  # the view, printed as it comes or kept for the file
    to_file = args.output not in (None, "-")

    def out(text: str) -> None:
        if to_file:
            lines.append(text)
        else:
            print(text)

    with closing(results(files, args)) as gen:
        for r in progress(gen, len(files), args.progress):
            name = display_path(r.path)
            if r.report is None:
                failed += 1
                line = say("check.cannot_read", lang, path=name, reason=_reason(r, lang))
                unreadable.append((name, r.error.code if r.error is not None else "", _reason(r, lang)))
                if overview or to_file:
                    print(line, file=sys.stderr)
                if not overview:
                    out(line)
                continue
            read += 1
            rep = r.report
            if args.level or args.deadline:
                try:
                    rep = with_deadline(rep, args.level, args.deadline)
                except GipExtractError as e:
                    raise Refused(e) from None
            if similar_pairs is not None or overview:
                reports.append(rep)
            fixing += needs_fixing(rep)
            if overview:
                continue
            who = f"{rep.info.unit or '?'} {rep.info.year or ''}".strip()
            out(say("check.head", lang, path=name, who=who, template=rep.template))
            if not needs_fixing(rep):
                out(say("check.clean", lang))
            for line in problems(rep, lang):
                out(line)
            out("")
    pairs = list(similar_pairs(reports, threshold=args.threshold)) if similar_pairs is not None else []
    copied = {d for p in pairs for d in (p.a, p.b)}  # a unit whose prose is copied has to fix it too
    fixing += sum(1 for rep in reports if not needs_fixing(rep) and (rep.source.path or rep.source.sha256) in copied)
    if not overview and similar_pairs is not None:
        out(say("check.similar_head", lang, count=len(pairs)))
        for pair in pairs:
            out(f"  ! {pair.finding().text(lang)}")
            for p in pair.passages:
                out("      " + say("check.passage", lang, part_a=p.section_a, text_a=p.text_a[:60],
                                   part_b=p.section_b, text_b=p.text_b[:60], share=f"{p.similarity:.0%}"))
        out("")
    summary = say("check.summary", lang, total=len(files), clean=read - fixing, fixing=fixing, failed=failed)
    if overview:
        _write_overview(overview_rows(reports, pairs, lang, unreadable), fmt, args.output, lang)
    elif to_file:
        with text_out(args.output, "utf-8-sig") as fp:
            fp.write("\n".join(lines + [summary]) + "\n")
    if overview or to_file:
        print(summary, file=sys.stderr)
        if to_file:
            print(say("output.written", lang, path=display_path(args.output)), file=sys.stderr)
    else:
        print(summary)
    return EXIT_FINDINGS if fixing or failed or pairs else EXIT_OK


def _write_overview(rows: list[dict], fmt: str, output: str | None, lang: Lang) -> None:
    from ..output.overview import write_csv, write_xlsx

    if fmt == "xlsx":
        with target(output) as path:  # type: ignore[arg-type]
            write_xlsx(rows, path, lang)
        return
    # UTF-8 with a BOM: Excel and WPS on Windows then read the Chinese right.
    with text_out(output, "utf-8-sig" if output not in (None, "-") else "utf-8") as fp:
        write_csv(rows, fp, lang)


def _similar_module():  # type: ignore[no-untyped-def]
    """``gipextract.checks.similar.similar_pairs``, or a usage error before anything is parsed."""
    from ..checks.similar import require_extra, similar_pairs

    try:
        require_extra()
    except GipExtractError as e:
        raise Refused(e) from None
    return similar_pairs


def load(paths: list[str], args: argparse.Namespace) -> tuple[list[Report], list[Result]]:
    """Reports from files and folders (parsed) or saved JSON / JSON Lines (loaded); failures."""
    reports: list[Report] = []
    failed: list[Result] = []
    to_parse = []
    for p in paths:
        if p.lower().endswith(SAVED) and os.path.isfile(p):
            try:
                text = Path(p).read_text(encoding="utf-8-sig")
                docs = [json.loads(x) for x in text.splitlines() if x.strip()] if p.lower().endswith(".jsonl") \
                    else json.loads(text)
            except (ValueError, OSError):
                failed.append(Result(p, error=SavedReportError(None, "not_a_saved_report")))
                continue
            for k, d in enumerate(docs if isinstance(docs, list) else [docs]):
                try:
                    reports.append(Report.from_dict(d))
                except SavedReportError as e:
                    failed.append(Result(f"{p}#{k + 1}", error=e))
                except (ValueError, KeyError, TypeError, AttributeError):
                    failed.append(Result(f"{p}#{k + 1}", error=SavedReportError(None, "not_a_saved_report")))
        else:
            to_parse.append(p)
    if to_parse:
        files = inputs(to_parse, allow_stdin=False)
        with closing(results(files, args)) as gen:
            for r in progress(gen, len(files), args.progress):
                if r.report is not None:
                    reports.append(r.report)
                else:
                    failed.append(r)
    return reports, failed


def _exist(paths: list[str]) -> None:
    for p in paths:
        if not os.path.lexists(p):
            raise UsageError("usage.no_path", path=display_path(p))


def aggregate_cmd(args: argparse.Namespace) -> int:
    """``gipextract aggregate PATH… [-o 区.docx|.xlsx|.json|.txt] [--units 名单]``: the sum of
    one year's reports, as the national form, the office's workbook, JSON or the view."""
    from ..output.district import aggregate
    from ..output.roster import match, read_roster, roster_findings

    lang: Lang = args.lang
    fmt = output_format(args.format, args.output, AGGREGATE_OUT)
    roster: list[str] = []
    if args.units:
        _exist([args.units])
        try:
            roster = read_roster(args.units)
        except GipExtractError as e:
            raise Refused(e) from None
    _exist(args.paths)
    reports, failed = load(args.paths, args)
    for r in failed:
        print(say("aggregate.cannot_read", lang, path=display_path(r.path), reason=_reason(r, lang)), file=sys.stderr)
    if failed:
        print(say("aggregate.not_added", lang), file=sys.stderr)
        return EXIT_FINDINGS
    try:
        total = aggregate(reports, unit=args.unit, extra=roster_findings(roster, reports) if roster else ())
    except IncompatibleReportsError as e:
        print(say("aggregate.refused", lang, reason=e.message(lang)), file=sys.stderr)
        return EXIT_FINDINGS
    out = args.output
    if fmt == "xlsx":
        from ..output.office_xlsx import write_district

        with target(out) as path:
            write_district(reports, total, path, lang, unreported=match(roster, reports)[0] if roster else ())
    elif fmt == "docx":
        from ..output.form_docx import form_docx

        data = form_docx(total)
        with target(out) as path, open(path, "wb") as f:
            f.write(data)
    elif fmt == "json":
        with text_out(out) as fp:
            fp.write(json.dumps(total.to_dict(lang=lang), ensure_ascii=False, indent=2) + "\n")
    else:
        from ..output.view import render

        with text_out(out, "utf-8-sig" if out not in (None, "-") else "utf-8") as fp:
            fp.write(render(total, lang) + "\n")
    for f in total.findings:
        print(say("aggregate.finding", lang, severity=say(f"overview.result.{f.severity}", lang), code=f.code,
                  message=f.text(lang)), file=sys.stderr)
    shown = out not in (None, "-")
    print(say("aggregate.done", lang, count=len(reports), target=f" → {display_path(out)}" if shown else ""),
          file=sys.stderr)
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in total.findings) else EXIT_OK


def compare_cmd(args: argparse.Namespace) -> int:
    """``gipextract compare OLD NEW [-o 对比.txt|.json]``: the 结转 chain (across the change of
    form too), every changed cell the two forms share, and how much of the new report's prose
    repeats the old one's."""
    from ..checks.repetition import repetition, repetition_finding
    from ..checks.years import changes, cross_year
    from ..report import json_value

    lang: Lang = args.lang
    fmt = output_format(args.format, args.output, COMPARE_OUT)
    _exist([args.old, args.new])
    args.jobs, args.convert_legacy, args.progress = 1, False, False
    pair, failed = load([args.old, args.new], args)
    if failed or len(pair) != 2:
        for r in failed:
            print(say("compare.cannot_read", lang, path=display_path(r.path), reason=_reason(r, lang)),
                  file=sys.stderr)
        if not failed:
            print(say("compare.one_each", lang), file=sys.stderr)
        return EXIT_FINDINGS
    old, new = pair
    changed = changes(old, new)
    rep = repetition(old, new)
    # The chain's findings are about the new report's cells: named with its form's labels.
    findings = [replace(f, template=new.template) for f in cross_year(old, new)]
    repeated = repetition_finding(rep, old, new)
    if repeated is not None:
        findings.append(repeated)
    with text_out(args.output) as fp:
        if fmt == "json":
            fp.write(json.dumps({"old": old.source.path, "new": new.source.path,
                                 "forms": [old.template, new.template],
                                 "findings": [f.to_dict(lang) for f in findings],
                                 "changes": [{"cell": ref, "old": json_value(a), "new": json_value(b)}
                                             for ref, a, b in changed],
                                 "repetition": rep.to_dict()}, ensure_ascii=False, indent=2) + "\n")
        else:
            fp.write("\n".join(_compare_view(old, new, findings, changed, rep, lang)) + "\n")
    if args.output not in (None, "-"):
        print(say("output.written", lang, path=display_path(args.output)), file=sys.stderr)
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in findings) else EXIT_OK


def _compare_view(old: Report, new: Report, findings: list, changed: list, rep: Repetition,
                  lang: Lang) -> list[str]:
    lines = [say("compare.head", lang, unit=new.info.unit or old.info.unit or "?", old_year=old.info.year or "?",
                 new_year=new.info.year or "?")]
    if old.template != new.template:
        lines.append(say("compare.forms", lang, old=old.template, new=new.template))
    chain = [f for f in findings if f.code != "prose_repeated"]
    lines.append(say("compare.chain", lang))
    lines += [f"  {'×' if f.severity == 'error' else '!'} [{f.code}] {f.text(lang)}" for f in chain] \
        or ["  " + say("compare.consistent", lang)]
    lines.append(say("compare.changed", lang, count=len(changed)))
    for ref, a, b in changed:
        tid = new.template if split_ref(ref, new.template) else old.template
        lines.append(f"  {cell_label(tid, ref, lang)}: {show(a)} → {show(b)}")
    parts = "、".join(rep.parts)
    if not rep.chars:
        lines.append(say("compare.no_prose", lang, parts=parts))
        return lines
    lines.append(say("compare.repetition", lang, parts=parts, share=rep.share,
                     repeated=rep.repeated_chars, chars=rep.chars))
    lines += [f"  ! [{f.code}] {f.text(lang)}" for f in findings if f.code == "prose_repeated"]
    for p in rep.passages:
        text = p.text if len(p.text) <= 60 else p.text[:60] + "…"
        lines.append("  " + say("compare.passage", lang, part=p.part, text=text))
    return lines
