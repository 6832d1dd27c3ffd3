"""The four commands. Each returns its exit code (see :mod:`gipextract.cli`)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Generator

from ..batch import expand, parse_many
from ..errors import GipExtractError, IncompatibleReportsError, SavedReportError
from ..messages import Lang, say, show
from ..read.source import display_path
from ..report import Report, Result
from ..templates.labels import cell_label
from .common import EXIT_FINDINGS, EXIT_OK, Refused, UsageError, progress
from .sinks import check_location

SAVED = (".json", ".jsonl")  # saved results that aggregate and compare load instead of parsing


def inputs(paths: list[str], allow_stdin: bool = True, ocr: bool = False) -> list[str]:
    """The files to read, in order; a path that does not exist is a usage error."""
    files: list[str] = []
    for p in paths:
        if p == "-" and allow_stdin:
            files.append("-")
        elif not os.path.lexists(p):
            raise UsageError("usage.no_path", path=display_path(p))
        else:
            files += expand([p], images=ocr)
    if not files:
        raise UsageError("usage.no_files")
    return files


def results(files: list[str], args: argparse.Namespace) -> Generator[Result, None, None]:
    """Parse ``files`` in order (``-`` from standard input), with the chosen number of workers."""
    run: list[str] = []
    for f in files + [None]:  # type: ignore[list-item]
        if f is None or f == "-":
            if run:
                with closing(parse_many(run, jobs=args.jobs, convert_legacy=args.convert_legacy,
                                        ocr=getattr(args, "ocr", False))) as gen:
                    yield from gen
                run = []
            if f == "-":
                yield _stdin(getattr(args, "ocr", False))
        else:
            run.append(f)


def _stdin(ocr: bool = False) -> Result:
    from .. import parse

    try:
        return Result("<stdin>", report=parse(sys.stdin.buffer, name="<stdin>", ocr=ocr))
    except Exception as e:  # as parse_one does: a bug of ours is that input's error, not a crash
        return Result.failed("<stdin>", e)


def _reason(r: Result, lang: Lang) -> str:
    return r.error.message(lang) if r.error is not None else ""


def _flagged(r: Result) -> bool:
    return r.report is not None and any(f.severity in ("error", "warning") for f in r.report.findings)


def _usable_output(fmt: str, output: str | None) -> None:
    """Before any parsing: XLSX needs a file, and the output location must be writable (exit 2)."""
    if fmt == "xlsx" and output in (None, "-"):
        raise UsageError("usage.xlsx_needs_file")
    check_location(output)


def check_cmd(args: argparse.Namespace) -> int:
    """``gipextract check PATH…``: what each draft gets wrong — identities, undetermined cells
    and the regulation's checks — grouped by severity; ``--similar`` adds copied prose across
    the reports; ``--format csv|xlsx`` writes the office's overview."""
    from ..checks.compliance import with_deadline
    from ..output.problems import needs_fixing, problems

    lang: Lang = args.lang
    similar_pairs = _similar_module() if args.similar else None
    overview = args.format != "view"
    _usable_output(args.format, args.output)
    files = inputs(args.paths, ocr=args.ocr)
    read, fixing, failed = 0, 0, 0
    reports = []
    with closing(results(files, args)) as gen:
        for r in gen:
            name = display_path(r.path)
            if r.report is None:
                failed += 1
                print(say("check.cannot_read", lang, path=name, reason=_reason(r, lang)),
                      file=sys.stderr if overview else sys.stdout)
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
            print(say("check.head", lang, path=name, who=who, template=rep.template))
            if not needs_fixing(rep):
                print(say("check.clean", lang))
            lines = problems(rep, lang)
            if lines:
                print("\n".join(lines))
            print()
    pairs = list(similar_pairs(reports, threshold=args.threshold)) if similar_pairs is not None else []
    copied = {d for p in pairs for d in (p.a, p.b)}  # a unit whose prose is copied has to fix it too
    fixing += sum(1 for rep in reports if not needs_fixing(rep) and (rep.source.path or rep.source.sha256) in copied)
    if overview:
        _write_overview(reports, pairs, args.format, args.output, lang)
    elif similar_pairs is not None:
        print(say("check.similar_head", lang, count=len(pairs)))
        for pair in pairs:
            print(f"  ! {pair.finding().text(lang)}")
            for p in pair.passages:
                print("      " + say("check.passage", lang, part_a=p.section_a, text_a=p.text_a[:60],
                                     part_b=p.section_b, text_b=p.text_b[:60], share=f"{p.similarity:.0%}"))
        print()
    print(say("check.summary", lang, total=len(files), clean=read - fixing, fixing=fixing, failed=failed),
          file=sys.stderr if overview else sys.stdout)
    return EXIT_FINDINGS if fixing or failed or pairs else EXIT_OK


def _write_overview(reports: list[Report], pairs: list, fmt: str, output: str | None, lang: Lang) -> None:
    from ..output.overview import overview_rows, write_csv, write_xlsx
    from .sinks import Atomic

    rows = overview_rows(reports, pairs, lang)
    if fmt == "csv" and output in (None, "-"):
        write_csv(rows, sys.stdout)
        return
    assert output is not None
    target = Atomic(output)
    try:
        if fmt == "xlsx":
            write_xlsx(rows, target.temp)
        else:
            with open(target.temp, "w", encoding="utf-8-sig", newline="") as fp:
                write_csv(rows, fp)
        target.commit()
    except BaseException:
        target.discard()
        raise


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
            text = Path(p).read_text(encoding="utf-8")
            docs = [json.loads(x) for x in text.splitlines() if x.strip()] if p.lower().endswith(".jsonl") \
                else json.loads(text)
            for k, d in enumerate(docs if isinstance(docs, list) else [docs]):
                try:
                    reports.append(Report.from_dict(d))
                except SavedReportError as e:
                    failed.append(Result(f"{p}#{k + 1}", error=e))
                except (ValueError, KeyError, TypeError):
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


def aggregate_cmd(args: argparse.Namespace) -> int:
    """``gipextract aggregate PATH… [-o OUT]``: the sum of one year's reports."""
    from ..output.district import aggregate
    from .output import write_total

    lang: Lang = args.lang
    out = args.output
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    if out and out != "-" and suffix not in (".json", ".xlsx", ".docx"):
        raise UsageError("usage.aggregate_suffix", path=out)
    check_location(out)
    for p in args.paths:
        if not os.path.lexists(p):
            raise UsageError("usage.no_path", path=display_path(p))
    reports, failed = load(args.paths, args)
    for r in failed:
        print(say("aggregate.cannot_read", lang, path=display_path(r.path), reason=_reason(r, lang)), file=sys.stderr)
    if failed:
        print(say("aggregate.not_added", lang), file=sys.stderr)
        return EXIT_FINDINGS
    try:
        total = aggregate(reports, unit=args.unit)
    except IncompatibleReportsError as e:
        print(say("aggregate.refused", lang, reason=e.message(lang)), file=sys.stderr)
        return EXIT_FINDINGS
    write_total(total, out, suffix, lang)
    for f in total.findings:
        print(say("aggregate.finding", lang, severity=f.severity, code=f.code, message=f.text(lang)), file=sys.stderr)
    print(say("aggregate.done", lang, count=len(reports), target=f" → {display_path(out)}" if out else ""),
          file=sys.stderr)
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in total.findings) else EXIT_OK


def compare_cmd(args: argparse.Namespace) -> int:
    """``gipextract compare OLD NEW``: the 结转 chain and every changed cell."""
    from ..checks.years import changes, cross_year
    from ..report import json_value

    lang: Lang = args.lang
    for p in (args.old, args.new):
        if not os.path.lexists(p):
            raise UsageError("usage.no_path", path=display_path(p))
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
    try:
        changed = changes(old, new)
    except IncompatibleReportsError as e:
        print(say("compare.refused", lang, reason=e.message(lang)), file=sys.stderr)
        return EXIT_FINDINGS
    # The chain's findings are about the new report's cells: named with its form's labels.
    findings = [replace(f, template=new.template) for f in cross_year(old, new)]
    if args.format == "json":
        print(json.dumps({"old": old.source.path, "new": new.source.path,
                          "findings": [f.to_dict(lang) for f in findings],
                          "changes": [{"cell": ref, "old": json_value(a), "new": json_value(b)}
                                      for ref, a, b in changed]}, ensure_ascii=False, indent=2))
    else:
        print(f"{old.info.unit or '?'} {old.info.year or '?'} → {new.info.year or '?'}")
        print(say("compare.chain", lang))
        print("\n".join(f"  {'×' if f.severity == 'error' else '!'} [{f.code}] {f.text(lang)}" for f in findings)
              or "  " + say("compare.consistent", lang))
        print(say("compare.changed", lang, count=len(changed)))
        for ref, a, b in changed:
            print(f"  {cell_label(new.template, ref, lang)}: {show(a)} → {show(b)}")
    return EXIT_FINDINGS if any(f.severity in ("error", "warning") for f in findings) else EXIT_OK
