"""Form round-trip for a 1,000-character narrative against a real `legalcheck serve` on localhost.

Two figures, median and p95 over 30 runs after 5 warm-ups:
- HTTP: POST /analyze as the form sends it (CSRF token, no JavaScript) until the whole page is read,
  and the same request as htmx sends it (HX-Request: the result fragment only);
- in-process: analyze() + view model + template rendering, the server's own share;
- browser: in Debian's Chromium (if installed), from clicking 「分析する」 until the result heading is
  visible (the htmx swap rendered), the figure an officer feels.
Run: .venv/bin/python bench/form_roundtrip.py
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
RUNS, WARM = 30, 5


def narrative(n: int = 1000) -> str:
    """The sample and the training scenarios' narratives, cut to n characters at a line end."""
    import yaml

    parts = [(ROOT / "examples" / "sample.txt").read_text(encoding="utf-8")]
    for f in sorted((ROOT / "web" / "training").glob("*.yaml")):
        parts.append(yaml.safe_load(f.read_text(encoding="utf-8"))["narrative"])
    text = "".join(parts)
    cut = text[:n]
    return cut[: cut.rfind("\n") + 1].ljust(n, "。") if "\n" in cut else cut


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stats(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"median {statistics.median(xs) * 1000:6.1f} ms   p95 {xs[int(len(xs) * 0.95) - 1] * 1000:6.1f} ms"


def main() -> int:
    exe = shutil.which("legalcheck", path=str(Path(sys.executable).parent)) or shutil.which("legalcheck")
    if exe is None:
        print("legalcheck is not installed (bash scripts/setup.sh)", file=sys.stderr)
        return 1
    port, tmp = _port(), tempfile.mkdtemp()
    env = {**os.environ, "LEGALCHECK_TRAINING_DB": str(Path(tmp) / "t.sqlite3"), "LEGALCHECK_SECRET_KEY": "bench"}
    proc = subprocess.Popen([exe, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/healthz", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        text = narrative()
        print(f"narrative: {len(text)} characters; {RUNS} runs after {WARM} warm-ups")
        with httpx.Client(base_url=url) as c:
            tok = re.search(r'name="csrf_token" value="([^"]+)"', c.get("/").text).group(1)
            data = {"csrf_token": tok, "narrative": text, "incident_date": "",
                    "measure_kind": ["", "", ""], "measure_date": ["", "", ""]}
            kinds = (("HTTP full page (no JavaScript)", {}), ("HTTP htmx fragment", {"HX-Request": "true"}))
            times: dict[str, list[float]] = {label: [] for label, _ in kinds}
            size = {}
            for i in range(WARM + RUNS):       # interleaved, so load on the machine hits both alike
                for label, headers in kinds:
                    t = time.perf_counter()
                    r = c.post("/analyze", data=data, headers=headers)
                    r.read()
                    if i >= WARM:
                        times[label].append(time.perf_counter() - t)
                    assert r.status_code == 200 and "result-heading" in r.text, r.status_code
                    size[label] = len(r.content)
            for label, _ in kinds:
                print(f"{label:34s} {stats(times[label])}   ({size[label]:,} bytes)")
        in_process(text)
        browser(url, text)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


def in_process(text: str) -> None:
    """The server's own share: analyze() + the view model + the template, without HTTP."""
    sys.path.insert(0, str(ROOT))
    from legalcheck.web import pages, view
    from legalcheck.web.forms import AnalysisForm
    from legalcheck.web.routes import run_analysis

    times = []
    for i in range(WARM + RUNS):
        t = time.perf_counter()
        v = view.build(run_analysis(text), text)
        pages.env().get_template("result_fragment.html").render(result=v, form=AnalysisForm(narrative=text),
                                                                  csrf_token="-", csrf_field="csrf_token")
        if i >= WARM:
            times.append(time.perf_counter() - t)
    print(f"{'in-process: analyze+view+template':34s} {stats(times)}")


def browser(url: str, text: str) -> None:
    if not Path("/usr/bin/chromium").exists():
        print("browser: /usr/bin/chromium not installed, skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                                                           "--disable-dev-shm-usage"])
        page = b.new_page()
        page.goto(url + "/")
        page.fill("#narrative", text)
        times = []
        for i in range(WARM + RUNS):
            page.evaluate("document.getElementById('result').replaceChildren()")
            t = time.perf_counter()
            page.click("button.primary")
            page.wait_for_selector("#result-heading", state="visible")
            if i >= WARM:
                times.append(time.perf_counter() - t)
        print(f"{'browser: click → result rendered':34s} {stats(times)}")
        b.close()


if __name__ == "__main__":
    sys.exit(main())
