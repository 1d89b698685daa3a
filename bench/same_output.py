"""Guard for performance work: the analysis must not change. Dumps the analysis of every labelled
narrative (tests/cases/*.yaml, ../shared/eval/dev.yaml), of examples/sample.txt and of the
1,000-character cuts bench/load.py sends, and compares it with an earlier dump.

    .venv/bin/python bench/same_output.py dump /tmp/before.jsonl     # before a change
    .venv/bin/python bench/same_output.py check /tmp/before.jsonl    # after it: exit 1 on any difference

Each line holds the case name, the canonical JSON of to_dict() (keys sorted, no whitespace) and the
SHA-256 of the bytes the API and batch send (model_dump_json()), so a change of the wire form is
caught as well as a change of content. The day of the analysis is fixed."""
from __future__ import annotations

import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from legalcheck import analyze  # noqa: E402

TODAY = date(2026, 11, 24)


def cases() -> list[tuple[str, str, dict]]:
    out = []
    paths = sorted((ROOT / "tests" / "cases").glob("*.yaml"))
    dev = ROOT.parent / "shared" / "eval" / "dev.yaml"
    if dev.exists():
        paths.append(dev)
    for path in paths:
        for c in yaml.safe_load(path.read_text(encoding="utf-8")):
            out.append((f"{path.stem}:{c['id']}", c["narrative"], c.get("request") or {}))
    out.append(("sample", (ROOT / "examples" / "sample.txt").read_text(encoding="utf-8"), {}))
    from load import narratives   # bench/load.py: the narratives the load test sends

    out += [(f"load:{i}", t, {}) for i, t in enumerate(narratives(200))]
    return out


def dump_one(name: str, text: str, req: dict) -> str:
    a = analyze(text, incident_date=req.get("incident_date"), prior_measures=req.get("prior_measures") or (),
                today=TODAY)
    canon = json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    wire = hashlib.sha256(a.model_dump_json().encode()).hexdigest()
    return json.dumps({"case": name, "wire": wire, "analysis": canon}, ensure_ascii=False)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "check"):
        print(__doc__)
        return 2
    mode, path = sys.argv[1], Path(sys.argv[2])
    lines = [dump_one(*c) for c in cases()]
    if mode == "dump":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} analyses → {path}")
        return 0
    before = {json.loads(x)["case"]: json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()}
    bad = 0
    for line in lines:
        now = json.loads(line)
        old = before.get(now["case"])
        if old is None:
            print(f"{now['case']}: not in {path}")
            bad += 1
        elif old["analysis"] != now["analysis"]:
            print(f"{now['case']}: analysis differs")
            bad += 1
        elif old["wire"] != now["wire"]:
            print(f"{now['case']}: same content, different JSON bytes")
            bad += 1
    print(f"{len(lines)} analyses compared, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
