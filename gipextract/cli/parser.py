"""The command line's arguments, its help in the language asked for, and argparse's own
messages (usage, errors) in Chinese."""
from __future__ import annotations

import argparse
from contextlib import contextmanager
from typing import Callable, Iterator

from .. import __version__
from ..messages import LANGS, Lang, say

# argparse writes its own lines through gettext: these are its message ids, in Chinese.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "至多需要一个值",
    "expected %s argument": "需要 %s 个值",
    "expected %s arguments": "需要 %s 个值",
    "ambiguous option: %(option)s could match %(matches)s": "有歧义的选项：%(option)s 可能是 %(matches)s",
    "ignored explicit argument %r": "忽略了显式给出的值 %r",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "需要参数 %s 之一",
    "unexpected option string: %s": "意外的选项：%s",
}


@contextmanager
def argparse_in(lang: Lang) -> Iterator[None]:
    """argparse's own messages in ``lang`` while the block runs (it looks them up in its
    module's ``_`` and ``ngettext`` at the moment it writes them)."""
    if lang != "zh":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda s: _ARGPARSE_ZH.get(s, s)  # type: ignore[attr-defined]
    argparse.ngettext = lambda s, p, n: _ARGPARSE_ZH.get(s if n == 1 else p, s if n == 1 else p)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def requested_lang(argv: list[str]) -> Lang:
    """The ``--lang`` of ``argv`` before it is parsed (help and argparse's errors need it first)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGS:
            return argv[i + 1]  # type: ignore[return-value]
        if arg.startswith("--lang=") and arg[7:] in LANGS:
            return arg[7:]  # type: ignore[return-value]
    return "zh"


def build_parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    """The argument parser with its subcommands, its help in ``lang``."""
    from . import commands, desk  # noqa: F401 - the commands the subparsers run

    def h(key: str) -> str:
        return say(f"help.{key}", lang)

    ap = argparse.ArgumentParser(prog="gipextract", epilog=h("epilog"), description=h("description"))
    ap.add_argument("--version", action="version", version=f"gipextract {__version__}", help=h("version"))
    sub = ap.add_subparsers(dest="command", metavar="COMMAND", required=True, title=h("command"))

    def add(name: str, run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=h(name), description=h(name), epilog=h("epilog"))
        p.add_argument("--version", action="version", version=f"gipextract {__version__}", help=h("version"))
        p.add_argument("--lang", choices=LANGS, default="zh", help=h("lang"))
        p.set_defaults(run=run)
        return p

    def inputs(p: argparse.ArgumentParser, stdin: bool = True) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help=h("paths") + (h("stdin") if stdin else ""))
        p.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help=h("jobs"))
        p.add_argument("--ocr", action="store_true", help=h("ocr"))
        p.add_argument("--convert-legacy", action="store_true", help=h("convert_legacy"))
        p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help=h("progress"))
        p.add_argument("--overrides", metavar="FILE", help=h("overrides"))

    from .parse import parse_cmd

    p = add("parse", parse_cmd)
    inputs(p)
    p.add_argument("--format", "-f", choices=("view", "json", "jsonl", "csv", "xlsx", "parquet"), default=None,
                   help=h("parse_format"))
    p.add_argument("--json", action="store_true", help=h("json"))
    p.add_argument("--compact", action="store_true", help=h("compact"))
    p.add_argument("--indicators", action="store_true", help=h("indicators"))
    p.add_argument("--output", "-o", metavar="FILE|DIR/", help=h("output"))

    from . import office

    p = add("check", office.check_cmd)
    inputs(p)
    p.add_argument("--similar", action="store_true", help=h("similar"))
    p.add_argument("--threshold", type=float, default=0.6, metavar="X", help=h("threshold"))
    p.add_argument("--level", choices=("government", "department", "township", "subdistrict"), help=h("level"))
    p.add_argument("--deadline", metavar="MM-DD", help=h("deadline"))
    p.add_argument("--format", "-f", choices=("view", "csv", "xlsx"), default=None, help=h("check_format"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("check_output"))

    p = add("aggregate", office.aggregate_cmd)
    inputs(p, stdin=False)
    p.add_argument("--output", "-o", metavar="OUT", help=h("aggregate_output"))
    p.add_argument("--format", "-f", choices=("view", "json", "xlsx", "docx"), default=None,
                   help=h("aggregate_format"))
    p.add_argument("--unit", help=h("unit"))
    p.add_argument("--units", metavar="LIST", help=h("units"))

    p = add("report", desk.report_cmd)
    inputs(p, stdin=False)
    p.add_argument("--output", "-o", metavar="FILE.html", required=True, help=h("report_output"))

    p = add("serve", desk.serve_cmd)
    p.add_argument("--host", default="127.0.0.1", help=h("host"))
    p.add_argument("--port", type=int, default=8765, help=h("port"))
    p.add_argument("--max-files", type=int, default=200, metavar="N", help=h("max_files"))
    p.add_argument("--max-mb", type=int, default=200, metavar="MB", help=h("max_mb"))
    p.add_argument("--open", action="store_true", help=h("open"))

    p = add("compare", office.compare_cmd)
    p.add_argument("old", metavar="OLD", help=h("old"))
    p.add_argument("new", metavar="NEW", help=h("new"))
    p.add_argument("--format", "-f", choices=("view", "json"), default=None, help=h("compare_format"))
    p.add_argument("--output", "-o", metavar="FILE", help=h("compare_output"))
    return ap
