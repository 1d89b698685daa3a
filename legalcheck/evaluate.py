"""Scoring of evaluation cases exactly as contract.md §5 (and ../shared/eval/score.py) defines it."""
from __future__ import annotations

from dataclasses import dataclass, field

from legalcheck.law.logic import RANK


def act_status(analysis: dict, key: str) -> str:
    best = None
    for act in analysis.get("acts") or []:
        k = act.get("key") or (f"{act.get('category')}:{act.get('subtype')}" if act.get("subtype") else act.get("category"))
        if k == key or (":" not in key and str(k).split(":")[0] == key):
            s = act.get("status", "not_satisfied")
            if best is None or RANK.get(s, 0) > RANK.get(best, 0):
                best = s
    return best or "not_satisfied"


def section_status(analysis: dict, section: str, key: str) -> str:
    entry = (analysis.get(section) or {}).get(key)
    if not entry:
        return "not_satisfied"
    s = entry.get("status", "not_satisfied")
    return "not_satisfied" if s == "not_applicable" else s


@dataclass
class CaseResult:
    id: str
    score: float
    results: list = field(default_factory=list)    # (key, want, got)
    critical: set = field(default_factory=set)
    error: str | None = None

    @property
    def failures(self):
        return [r for r in self.results if r[1] != r[2]]


def score_case(case: dict, analysis: dict) -> CaseResult:
    expect = case.get("expect") or {}
    results = []
    for key, want in (expect.get("acts") or {}).items():
        results.append((key, want, act_status(analysis, key)))
    for key, want in (expect.get("elements") or {}).items():
        results.append((key, want, section_status(analysis, "elements", key)))
    for key, want in (expect.get("offenses") or {}).items():
        results.append((key, want, section_status(analysis, "offenses", key)))
    flagged = {r.get("id") for r in analysis.get("related") or []}
    for rid in expect.get("related") or []:
        results.append((f"related:{rid}", "flagged", "flagged" if rid in flagged else "missing"))
    ok = sum(1 for r in results if r[1] == r[2])
    return CaseResult(case["id"], ok / len(results) if results else 1.0, results, set(expect.get("critical") or []))


@dataclass
class Report:
    cases: list[CaseResult]

    @property
    def score(self) -> float:
        return sum(c.score for c in self.cases) / len(self.cases) if self.cases else 0.0

    @property
    def critical(self) -> tuple[int, int]:
        ok = total = 0
        for c in self.cases:
            if c.error:
                total += len(c.critical)
                continue
            for key, want, got in c.results:
                if key in c.critical:
                    total += 1
                    ok += want == got
        return ok, total

    @property
    def wrongly_satisfied(self) -> tuple[int, int]:
        """Keys answered `satisfied` where the answer is not or unknown, and how many of them are offences
        (the costliest error; the reference scorer prints the same line)."""
        keys = offences = 0
        for c in self.cases:
            for key, want, got in c.results:
                if got == "satisfied" and want in ("not_satisfied", "undetermined"):
                    keys += 1
                    offences += key.startswith("art")
        return keys, offences

    def by_expected(self) -> dict:
        tally: dict = {}
        for c in self.cases:
            for _, want, got in c.results:
                t = tally.setdefault(want, [0, 0])
                t[0] += want == got
                t[1] += 1
        return tally


def run(cases: list[dict], analyze) -> Report:
    out = []
    for case in cases:
        req = case.get("request") or {}
        try:
            a = analyze(case["narrative"], incident_date=req.get("incident_date"),
                        prior_measures=req.get("prior_measures") or ())
            a = a.to_dict() if hasattr(a, "to_dict") else a
        except Exception as exc:  # noqa: BLE001 - a case that errors scores 0, like the reference scorer
            out.append(CaseResult(case["id"], 0.0, [], set((case.get("expect") or {}).get("critical") or []),
                                  error=repr(exc)))
            continue
        out.append(score_case(case, a))
    return Report(out)


def format_report(report: Report, verbose: bool = False) -> str:
    lines = []
    for c in report.cases:
        if c.error:
            lines.append(f"{c.id}: ERROR {c.error}"[:300])
            continue
        if c.failures or verbose:
            marks = ", ".join(f"{k}{'!' if k in c.critical else ''}: want {w} got {g}" for k, w, g in c.failures)
            lines.append(f"{c.id}: {c.score:.2f} {marks}")
    parts = " ".join(f"{w}:{m}/{a}" for w, (m, a) in sorted(report.by_expected().items()))
    ok, total = report.critical
    errors = sum(1 for c in report.cases if c.error)
    lines.append(f"by expected value: {parts}")
    lines.append("wrongly satisfied: {} keys, {} of them offences".format(*report.wrongly_satisfied))
    lines.append(f"score {report.score:.3f} critical {ok}/{total} cases {len(report.cases)} errors {errors}")
    return "\n".join(lines)
