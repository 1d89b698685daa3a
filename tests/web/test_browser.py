"""Debian's Chromium through Playwright against a real `legalcheck serve` (see conftest.py).

Each test writes screenshots to tests/web/screenshots/ for review."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

SAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "sample.txt").read_text(encoding="utf-8")
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"


def analyse(page: Page, narrative: str = SAMPLE) -> None:
    page.goto("/")
    page.get_by_label("事案の記述").fill(narrative)
    page.get_by_role("button", name="分析する").click()
    expect(page.locator("#result-heading")).to_be_visible()


def serious(page: Page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in found if v["impact"] in ("serious", "critical")]


def test_analyse_choose_an_element_and_see_its_spans(page: Page, shots):
    analyse(page)
    offences = page.locator("table.offences")
    expect(offences.locator("tr", has_text="ストーカー行為罪").first).to_contain_text("✓ 充足")
    expect(offences).to_contain_text("1年以下の懲役又は100万円以下の罰金")
    # the element 見張りの場所的要件: open it, ask for its evidence, the spans light up and come into view
    node = page.locator("#node-el-mihari_place")
    node.locator("summary").click()
    expect(node).to_contain_text("最一小判令和2年7月30日")
    node.get_by_role("button", name="根拠を表示").click()
    focused = page.locator("#narrative-view mark.focused")
    expect(focused).to_have_count(1)
    assert focused.all_inner_texts() == ["Ａ子の部屋の様子を見張っていた"]
    expect(focused.first).to_be_in_viewport()
    # an act: the remote GPS search judged as 見張り shows the analysis's status and its own span
    import legalcheck
    from legalcheck.web.labels import ACT_STATUS

    acts = legalcheck.analyze(SAMPLE).to_dict()["acts"]
    n, remote = next((n, a) for n, a in enumerate(acts, 1)
                     if a["key"] == "2-1-1:mihari" and a["evidence"][0]["text"] == "スマホで何度か場所を見た")
    assert remote["status"] != "satisfied"
    act = page.locator(f"#node-act-{n}")
    act.locator("summary").click()
    mark, word, _ = ACT_STATUS[remote["status"]]
    expect(act.locator("summary")).to_contain_text(f"{mark} {word}")
    act.get_by_role("button", name="根拠を表示").click()
    assert page.locator("#narrative-view mark.focused").all_inner_texts() == ["スマホで何度か場所を見た"]
    page.screenshot(path=shots / "analyse.png", full_page=True)
    page.locator(".narrative-box").screenshot(path=shots / "analyse-narrative.png")
    page.locator(".tree-box").screenshot(path=shots / "analyse-tree.png")


def test_json_download(page: Page, tmp_path):
    page.goto("/")
    page.get_by_label("事案の記述").fill(SAMPLE)
    with page.expect_download() as info:
        page.get_by_role("button", name="JSONをダウンロード").click()
    path = tmp_path / "a.json"
    info.value.save_as(path)
    import json

    body = json.loads(path.read_text(encoding="utf-8"))
    assert info.value.suggested_filename == "legalcheck-analysis.json"
    assert body["offenses"]["art18"]["status"] == "satisfied"
    expect(page.get_by_label("事案の記述")).to_have_value(SAMPLE)     # the page stayed as it was


def test_compare_dates(page: Page, shots):
    analyse(page)
    page.get_by_role("button", name="日付による違いを比較する").click()
    table = page.locator("table.compare")
    expect(table).to_be_visible()
    expect(page.locator(".varied")).to_contain_text("同じ年数だけずらしました")
    heads = [h.split("\n")[0] for h in table.locator("thead th").all_inner_texts()]
    assert heads[:6] == ["項目", "記述どおり", "2013年改正前", "2013年改正後", "2017年改正後", "2021年改正後"]
    assert heads[6:] and set(heads[6:]) == {"2025年改正後"}      # 拘禁刑 (2025-06-01) and 令和7年法 (2025-12-30)
    gps = table.locator("tr", has_text="GPS機器等による位置情報の無承諾取得")
    cells = gps.locator("td").all_inner_texts()
    assert ["✓" in c for c in cells][:5] == [True, False, False, False, True] and all("✓" in c for c in cells[5:])
    page.locator("#comparison").screenshot(path=shots / "compare.png")


def test_print_to_pdf(page: Page, shots):
    analyse(page)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})    # A4 at 96 dpi
    expect(page.locator("form.analyze")).to_be_hidden()
    expect(page.locator("#node-el-purpose .leaf-body")).to_be_visible()   # closed sections print open
    page.screenshot(path=shots / "print-layout.png", full_page=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=shots / "print-page1.png", clip={"x": 0, "y": 0, "width": 794, "height": 1123})
    pdf = page.pdf(path=shots / "analysis.pdf", format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 2 <= pages <= 10


def test_works_under_a_strict_csp(page: Page, shots):
    """The API helper's middleware sends this CSP; here the test adds it to every response."""
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    def with_csp(route):
        resp = route.fetch()
        route.fulfill(response=resp, headers={**resp.headers, "content-security-policy": STRICT_CSP})
    page.route("**/*", with_csp)
    analyse(page)
    assert page.evaluate("typeof htmx") == "object"          # the vendored htmx ran
    assert page.evaluate("!!document.querySelector('head style')") is False
    page.locator("#node-el-purpose summary").click()
    page.locator("#node-el-purpose").get_by_role("button", name="根拠を表示").click()
    assert page.locator("#narrative-view mark.focused").all_inner_texts() == ["復縁"]
    page.get_by_role("button", name="日付による違いを比較する").click()
    expect(page.locator("table.compare")).to_be_visible()
    assert violations == []


def test_errors_are_shown_in_place_and_the_text_is_kept(page: Page, shots):
    page.goto("/")
    text = "He waited outside her office twice."
    page.get_by_label("事案の記述").fill(text)
    page.get_by_role("button", name="分析する").click()
    expect(page.locator("#form-errors")).to_contain_text("日本語の記述ではないようです")
    expect(page.get_by_label("事案の記述")).to_have_value(text)
    page.get_by_label("事案の記述").fill("あ" * 3001)        # over the configured limit (3,000)
    page.get_by_role("button", name="分析する").click()
    expect(page.locator("#form-errors")).to_contain_text("3,000文字以内")
    page.screenshot(path=shots / "error.png")


def test_an_expired_form_says_so_and_keeps_the_text(page: Page):
    page.goto("/")
    page.context.clear_cookies()            # the CSRF cookie is gone: the server answers 403
    page.get_by_label("事案の記述").fill(SAMPLE)
    page.get_by_role("button", name="分析する").click()
    expect(page.locator("#result [role=alert]")).to_contain_text("ページを読み込み直して")
    expect(page.get_by_label("事案の記述")).to_have_value(SAMPLE)


def test_without_javascript(browser, base_url, shots):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    analyse(page)
    expect(page.locator("table.offences")).to_contain_text("✓ 充足")
    expect(page.get_by_label("事案の記述")).to_have_value(SAMPLE)
    page.get_by_role("button", name="日付による違いを比較する").click()
    expect(page.locator("table.compare")).to_be_visible()
    context.close()


def test_keyboard_only(page: Page, shots):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Enter")
    page.locator("#narrative").focus()
    page.keyboard.insert_text(SAMPLE)
    page.keyboard.press("Tab")
    expect(page.locator("#incident_date")).to_be_focused()
    submit = page.get_by_role("button", name="分析する")
    for _ in range(20):       # through the measures (a date input has a stop per part) to the button
        page.keyboard.press("Tab")
        if submit.evaluate("b => b === document.activeElement"):
            break
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#result-heading")).to_be_focused()
    summary = page.locator("#node-el-repetition summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#node-el-repetition")).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(page.locator("#node-el-repetition").get_by_role("button", name="根拠を表示")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#narrative-view mark.focused").first).to_be_visible()


@pytest.mark.parametrize("width", [375, 1920])
def test_narrow_phone_and_projector(page: Page, shots, width):
    page.set_viewport_size({"width": width, "height": 900 if width < 1000 else 1080})
    analyse(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=shots / f"analyse-{width}.png", full_page=width < 1000)
    page.locator("#result-heading").scroll_into_view_if_needed()
    page.screenshot(path=shots / f"analyse-{width}-result.png")
    page.goto("/statutes/history?ref=2条1項1号")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.screenshot(path=shots / f"history-{width}.png")


def test_law_library(page: Page, shots):
    page.goto("/statutes")
    page.get_by_label("条項", exact=True).fill("2条1項1号")
    page.get_by_label("日付", exact=True).fill("2016-06-01")
    page.get_by_role("button", name="表示").click()
    expect(page.locator(".provision")).to_contain_text("押し掛けること")
    expect(page.locator(".provision")).not_to_contain_text("うろつく")
    page.screenshot(path=shots / "statute.png", full_page=True)
    page.get_by_role("link", name=re.compile("改正履歴")).click()
    expect(page.locator("ins", has_text="現に所在する場所若しくは")).to_be_visible()
    page.screenshot(path=shots / "history.png", full_page=True)
    page.goto("/precedents")
    page.get_by_label("語句で検索").fill("押しかけ")
    page.get_by_role("button", name="検索").click()
    expect(page.locator(".case")).to_have_count(1)
    expect(page.locator(".case")).to_contain_text("押し掛け")
    page.goto("/precedents")
    page.get_by_label("要素で絞り込み").select_option("mihari_place")
    page.get_by_role("button", name="検索").click()
    page.screenshot(path=shots / "precedents.png", full_page=True)
    page.get_by_role("link", name=re.compile("最一小判令和2年7月30日 刑集74巻4号476頁")).click()
    expect(page.locator("main")).to_contain_text("その後、法はどう答えたか")
    expect(page.locator("main")).to_contain_text("2021-08-26")
    page.screenshot(path=shots / "precedent.png", full_page=True)


def test_a_whole_training_scenario(page: Page, shots):
    page.goto("/training")
    page.get_by_label("研修コード").fill("browser-1")
    page.get_by_label("名前").fill("新任B")
    page.get_by_role("button", name="参加する").click()
    expect(page.locator("#session-score")).to_have_text("0 / 0")
    page.screenshot(path=shots / "training.png", full_page=True)
    page.get_by_role("link", name="1回だけの待ち伏せ").click()
    for element, status in (("恋愛感情等充足目的", "✓ 充足"), ("特定の者又は密接関係者", "✓ 充足"),
                            ("反復", "✓ 充足"), ("不安方法", "✓ 充足"), ("見張りの場所的要件", "✗ 不充足")):
        page.get_by_label(element, exact=True).select_option(label=status)
    page.get_by_label(re.compile("^待ち伏せ")).select_option(label="✓ 該当")
    page.screenshot(path=shots / "training-scenario.png", full_page=True)
    page.get_by_role("button", name="答え合わせをする").click()
    expect(page.locator(".diff-item", has_text="反復")).to_contain_text("5月8日の1回だけ")
    score = page.locator("#scenario-score").inner_text()
    got, total = (int(n) for n in score.split(" / "))
    assert 0 < got < total
    expect(page.locator("#session-score")).to_have_text(score)
    page.screenshot(path=shots / "training-reveal.png", full_page=True)
    page.goto("/training/group/browser-1")
    expect(page.locator("table.group")).to_contain_text("新任B")
    page.screenshot(path=shots / "training-group.png", full_page=True)


PAGES = ["/", "/statutes?ref=2条1項&at=2024-05-01", "/statutes/history?ref=2条3項", "/precedents?q=GPS",
         "/precedents/sc-2020-07-30-1528", "/training", "/training/02-gps-remote-2016"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page: Page, path):
    page.goto(path)
    assert serious(page) == []


def test_no_serious_accessibility_violation_in_results(page: Page):
    analyse(page)
    page.get_by_role("button", name="日付による違いを比較する").click()
    expect(page.locator("table.compare")).to_be_visible()
    page.locator("#node-el-purpose summary").click()
    assert serious(page) == []
    page.goto("/training/02-gps-remote-2016")
    for sel in page.locator("table.marks select[required]").all():
        sel.select_option("satisfied")
    page.get_by_role("button", name="答え合わせをする").click()
    assert serious(page) == []
