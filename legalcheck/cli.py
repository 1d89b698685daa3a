"""The `legalcheck` command (contract.md §4): analyze, eval, facts, statute, precedents, serve, batch."""
from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from datetime import date
from pathlib import Path


# Exit codes: 0 done, 1 below --min (eval), 2 bad input or usage.
MESSAGE_LIMIT = 300


def _short(value, limit: int = 40) -> str:
    """An option value for an error message, cut short (a narrative pasted into an option stays out of stderr)."""
    r = repr(value)
    return r if len(r) <= limit else r[:limit] + f"…（{len(r)}文字）"


def _fail(message: str) -> SystemExit:
    from legalcheck.present.safe import terminal_safe

    if len(message) > MESSAGE_LIMIT:
        message = message[:MESSAGE_LIMIT] + "…"
    print(f"legalcheck: {terminal_safe(message)}", file=sys.stderr)
    return SystemExit(2)


def _max_bytes() -> int:
    from legalcheck.inputs import MAX_CHARS

    return 4 * MAX_CHARS + 3   # no text of MAX_CHARS characters is longer in UTF-8 (with a BOM)


def _read(path: str) -> str:
    """The narrative from FILE or stdin: at most the limit plus one byte is read before refusing."""
    limit = _max_bytes()
    try:
        if path in (None, "-"):
            raw = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as f:
                raw = f.read(limit + 1)
    except FileNotFoundError:
        raise _fail(f"ファイルが見つかりません / no such file: {_short(path, 200)}") from None
    except IsADirectoryError:
        raise _fail(f"ディレクトリは読めません。ファイルを指定してください / is a directory: {_short(path, 200)}") from None
    except PermissionError:
        raise _fail(f"ファイルを読む権限がありません / permission denied: {_short(path, 200)}") from None
    except OSError as exc:
        raise _fail(f"入力を読めません / cannot read input: {exc.strerror or type(exc).__name__}") from None
    if len(raw) > limit:
        from legalcheck.inputs import MAX_CHARS

        raise _fail(f"入力が大きすぎます（{MAX_CHARS}文字まで） / input larger than {MAX_CHARS} characters")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(f"入力がUTF-8のテキストではありません（{exc.start}バイト目） / input is not UTF-8 text "
                    f"(byte {exc.start})") from None


def _prior(values: list[str]) -> list[dict]:
    out = []
    for v in values or []:
        kind, _, d = v.partition(":")
        if not d:
            raise _fail(f"--prior は KIND:YYYY-MM-DD の形式です / bad --prior {_short(v)}")
        out.append({"kind": kind, "date": d})
    return out


def _out(text: str) -> None:
    """Write to stdout in whatever encoding it has (cp932 on a redirected Windows console): what the
    encoding lacks is written as an escape instead of crashing with nothing written."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        for mark, alt in (("✓", "○"), ("✗", "×"), ("⏎", "↓")):
            text = text.replace(mark, alt)
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
        sys.stdout.buffer.flush()


def _utf_stdout() -> bool:
    enc = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return enc.startswith("utf")


def cmd_analyze(args) -> int:
    from legalcheck.analysis import InputError, analyze
    from legalcheck.present.safe import json_safe
    from legalcheck.present.text_report import render

    text = _read(args.file)
    try:
        a = analyze(text, incident_date=args.incident_date, prior_measures=_prior(args.prior),
                    today=args.today).to_dict()
    except InputError as exc:
        raise _fail(str(exc)) from None
    if args.format == "svg":
        from legalcheck.present.timeline_svg import render as render_svg

        _out(render_svg(a) + "\n")
    elif args.format == "json":
        # JSON stays lossless in any encoding: \u escapes where stdout is not UTF-8
        _out(json_safe(json.dumps(a, ensure_ascii=not _utf_stdout(), indent=2)) + "\n")
    else:
        _out(render(a))
    return 0


def cmd_eval(args) -> int:
    import yaml

    from legalcheck import analyze
    from legalcheck.evaluate import format_report, run

    try:
        cases = yaml.safe_load(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise _fail(f"評価ファイルを読めません / cannot read {_short(args.file, 200)}: {type(exc).__name__}") from None
    report = run(cases, analyze)
    print(format_report(report, verbose=args.verbose))
    ok, total = report.critical
    return 1 if report.score < args.min or ok < total else 0


def cmd_facts(args) -> int:
    from legalcheck.inputs import InputError, check_narrative, parse_date
    from legalcheck.present.facts_view import render_facts

    try:
        text = check_narrative(_read(args.file))
        incident = parse_date(args.incident_date, "incident_date")
    except InputError as exc:
        raise _fail(str(exc)) from None
    _out(render_facts(text, incident.isoformat() if incident else None, color=sys.stdout.isatty()))
    return 0


def cmd_statute(args) -> int:
    from legalcheck.present.reference import render_statute

    try:
        at = date.fromisoformat(args.at) if args.at else None
        _out(render_statute(args.ref, at=at, history=args.history).rstrip("\n") + "\n")
    except ValueError as exc:
        raise _fail(str(exc)) from None
    return 0


def cmd_precedents(args) -> int:
    from legalcheck.present.reference import render_precedents

    try:
        _out(render_precedents(element=args.element, category=args.category).rstrip("\n") + "\n")
    except ValueError as exc:
        raise _fail(str(exc)) from None
    return 0


def cmd_serve(args) -> int:
    from pydantic import ValidationError

    from legalcheck.server.settings import get_settings

    # One signing key for every worker of this server (CSRF and training cookies), unless configured.
    os.environ.setdefault("LEGALCHECK_SECRET_KEY", secrets.token_urlsafe(32))
    try:
        settings = get_settings()
    except ValidationError as exc:   # the message names the setting, never the value (it may be a key)
        why = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}"
                        for e in exc.errors(include_url=False, include_input=False, include_context=False))
        print(f"legalcheck: 設定が不正です / invalid settings: {why}", file=sys.stderr)
        return 2
    from legalcheck.server.serving import serve

    host, port = args.host or settings.host, args.port if args.port is not None else settings.port
    workers = args.workers or settings.workers
    print(f"legalcheck: http://{host}:{port}/ で待ち受けます（{workers} ワーカー、Ctrl+C で終了）",
          file=sys.stderr, flush=True)
    serve(settings, host, port, workers)
    return 0


def cmd_batch(args) -> int:
    from legalcheck.batch import BatchError, run_batch

    try:
        summary = run_batch(args.input, args.output, processes=args.processes, today=args.today,
                            progress=not args.no_progress)
    except BatchError as exc:
        print(f"legalcheck: {exc}", file=sys.stderr)
        return 2
    print(f"legalcheck: {summary}", file=sys.stderr)
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        # argparse repeats the offending value in full: cut it short, exit 2 as argparse does
        import re

        self.print_usage(sys.stderr)
        raise _fail(re.sub(r"'([^']{40})[^']+'", lambda m: f"'{m.group(1)}…'", message, flags=re.S))


def main(argv=None) -> int:
    ap = _Parser(prog="legalcheck", description="ストーカー規制法の構成要件を要素ごとに検討する")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("analyze", help="事案の記述を分析する")
    p.add_argument("file", nargs="?", default="-")
    p.add_argument("--incident-date")
    p.add_argument("--prior", action="append", default=[], metavar="KIND:DATE")
    p.add_argument("--format", choices=["json", "text", "svg"], default="text",
                   help="svg: 行為の時系列の図（アクセシブルなSVG）")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="分析の基準日（既定: 日本の今日）。過去の報告を再現するとき")
    p.set_defaults(func=cmd_analyze)
    p = sub.add_parser("eval", help="評価ケースを採点する")
    p.add_argument("file")
    p.add_argument("--min", type=float, default=0.0)
    p.add_argument("--verbose", action="store_true")
    p.set_defaults(func=cmd_eval)
    p = sub.add_parser("facts", help="読み取った事実を根拠箇所とともに表示する（デバッグ用）")
    p.add_argument("file", nargs="?", default="-")
    p.add_argument("--incident-date")
    p.set_defaults(func=cmd_facts)
    p = sub.add_parser("statute", help="条文をある日の時点で表示する")
    p.add_argument("ref")
    p.add_argument("--at")
    p.add_argument("--history", action="store_true")
    p.set_defaults(func=cmd_statute)
    p = sub.add_parser("precedents", help="判例を一覧する")
    p.add_argument("--element")
    p.add_argument("--category")
    p.set_defaults(func=cmd_precedents)
    p = sub.add_parser("serve", help="ウェブ画面とHTTP APIを起動する")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--workers", type=int, help="ワーカープロセス数（各プロセスが分析パイプラインを一度だけ構築）")
    p.set_defaults(func=cmd_serve)
    p = sub.add_parser("batch", help="JSONL の依頼を一行ずつ分析し、同じ順に JSONL で書き出す（中断後は続きから）")
    p.add_argument("input", metavar="IN.jsonl")
    p.add_argument("output", metavar="OUT.jsonl")
    p.add_argument("--processes", type=int, default=1, help="分析プロセス数（既定 1）")
    p.add_argument("--today", help="判断日 YYYY-MM-DD（既定は今日。再実行で同じ結果を得るため）")
    p.add_argument("--no-progress", action="store_true", help="進捗バーを出さない")
    p.set_defaults(func=cmd_batch)
    from legalcheck.records.cli import add_parser as add_records_parser

    add_records_parser(sub)
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
