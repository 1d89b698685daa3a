"""The `legalcheck` command (contract.md §4): analyze, eval, facts, statute, precedents, serve, batch."""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


def _read(path: str) -> str:
    if path in (None, "-"):
        raw = sys.stdin.buffer.read()
    else:
        raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SystemExit("legalcheck: 入力がUTF-8のテキストではありません / input is not UTF-8 text")


def _prior(values: list[str]) -> list[dict]:
    out = []
    for v in values or []:
        kind, _, d = v.partition(":")
        if not d:
            raise SystemExit(f"legalcheck: --prior は KIND:YYYY-MM-DD の形式です / bad --prior {v!r}")
        out.append({"kind": kind, "date": d})
    return out


def cmd_analyze(args) -> int:
    from legalcheck.analysis import InputError, analyze
    from legalcheck.present.text_report import render

    text = _read(args.file)
    try:
        a = analyze(text, incident_date=args.incident_date, prior_measures=_prior(args.prior)).to_dict()
    except InputError as exc:
        print(f"legalcheck: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump(a, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render(a))
    return 0


def cmd_eval(args) -> int:
    import yaml

    from legalcheck import analyze
    from legalcheck.evaluate import format_report, run

    cases = yaml.safe_load(Path(args.file).read_text(encoding="utf-8"))
    report = run(cases, analyze)
    print(format_report(report, verbose=args.verbose))
    ok, total = report.critical
    return 1 if report.score < args.min or ok < total else 0


def cmd_facts(args) -> int:
    from legalcheck.present.facts_view import render_facts

    sys.stdout.write(render_facts(_read(args.file), args.incident_date, color=sys.stdout.isatty()))
    return 0


def cmd_statute(args) -> int:
    from legalcheck.present.reference import render_statute

    try:
        at = date.fromisoformat(args.at) if args.at else None
        sys.stdout.write(render_statute(args.ref, at=at, history=args.history).rstrip("\n") + "\n")
    except ValueError as exc:
        print(f"legalcheck: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_precedents(args) -> int:
    from legalcheck.present.reference import render_precedents

    try:
        sys.stdout.write(render_precedents(element=args.element, category=args.category).rstrip("\n") + "\n")
    except ValueError as exc:
        print(f"legalcheck: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_serve(args) -> int:
    from pydantic import ValidationError

    from legalcheck.server.settings import get_settings

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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="legalcheck", description="ストーカー規制法の構成要件を要素ごとに検討する")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("analyze", help="事案の記述を分析する")
    p.add_argument("file", nargs="?", default="-")
    p.add_argument("--incident-date")
    p.add_argument("--prior", action="append", default=[], metavar="KIND:DATE")
    p.add_argument("--format", choices=["json", "text"], default="text")
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
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
