"""Case records in Debian's Chromium through Playwright: log in, create a case, add a narrative,
re-analyse, record a contact, the due-contacts page (a server with case records of its own)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "records"))
from records_support import KEY  # noqa: E402  (tests/records/conftest.py: the test encryption key)
from narratives import FIRST, ORDER, SECOND  # noqa: E402
from pages_support import PASSWORD, USERS, start  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    server, _ = start(tmp_path_factory.mktemp("browser-records"), KEY)
    yield server.url
    server.stop()


def serious(page: Page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in found if v["impact"] in ("serious", "critical")]


def _login(page: Page, site: str, role: str = "officer") -> None:
    page.goto(site + "/cases")
    expect(page).to_have_url(site + "/login?next=/cases")
    page.get_by_label("ユーザー名").fill(USERS[role])
    page.get_by_label("パスワード").fill(PASSWORD)
    page.get_by_role("button", name="ログイン").click()
    expect(page).to_have_url(site + "/cases")


def test_login_case_narrative_reanalysis_contact_and_due_list(page: Page, site, shots):
    _login(page, site)
    expect(page.get_by_role("heading", name="事件記録", exact=True)).to_be_visible()
    expect(page.locator(".whoami")).to_contain_text("tanaka（捜査員）")
    # create a case
    page.get_by_label("事件番号", exact=True).fill("R6-生安-0500")
    page.get_by_label("件名（氏名は書かないでください）").fill("元交際相手による自宅前の待ち伏せ")
    page.get_by_label("被害者の呼び名（Ａ子など・任意）").fill("Ａ子")
    page.get_by_role("button", name="登録する").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("R6-生安-0500 元交際相手による自宅前の待ち伏せ")
    case_url = page.url
    # add the first narrative with the order: analysed, saved, scheduled
    page.get_by_label("事案の記述（相談受理票・捜査報告書など）").fill(FIRST)
    page.get_by_label("措置1の種類").select_option(ORDER["kind"])
    page.get_by_label("措置1の日付").fill(ORDER["date"])
    page.get_by_role("button", name="追加して分析する").click()
    expect(page.locator(".case-timeline")).to_contain_text("記述1")
    expect(page.locator(".case-timeline")).to_contain_text("危険度 高")
    expect(page.locator("figure.timeline svg[role=img]")).to_be_visible()
    tasks = page.locator("table.tasks tbody tr")
    expect(tasks).to_have_count(5)
    expect(tasks.first).to_contain_text("2024-06-15")
    assert serious(page) == []
    page.screenshot(path=shots / "case-after-narrative.png", full_page=True)
    # a later report, then the combined re-analysis says what changed
    page.get_by_label("事案の記述（相談受理票・捜査報告書など）").fill(SECOND)
    page.get_by_role("button", name="追加して分析する").click()
    expect(page.locator(".case-timeline")).to_contain_text("記述2")
    page.get_by_role("button", name="全記述を合わせて再分析する").click()
    changes = page.locator("#changes")
    expect(changes).to_contain_text("再分析で変わった点")
    expect(changes).to_contain_text("待ち伏せ（2-1-1:machibuse）: 該当 1件 → 該当 3件")
    # the second report alone already repeats (the wait and the threat sent that night); the purpose comes back
    expect(changes.locator("li", has_text="恋愛感情等充足目的")).to_contain_text("要確認 → 充足")
    expect(changes).to_contain_text("ストーカー行為罪: 要確認 → 充足")
    page.screenshot(path=shots / "case-reanalysis.png", full_page=True)
    # the saved analysis opens as it was saved
    page.locator(".case-timeline a", has_text="保存された分析を見る").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("保存された分析")
    expect(page.locator("dl.kv").first).to_contain_text("legalcheck の版0.1.0")
    page.goto(case_url)
    # record the 1-month contact
    form = page.locator("form.contact-form")
    form.get_by_label("予定").select_option(index=1)
    form.get_by_label("連絡した日").fill("2024-06-14")
    form.locator('input[name="means"][value="phone"]').check()
    form.get_by_label("加害者の住居").fill("変更なし（〇〇市内）")
    form.get_by_label("被害者に対する執着の程度等の近況").fill("復縁を求める発言はなかった")
    form.locator('input[name="recidivism"][value="no"]').check()
    form.locator('input[name="retaliation"][value="unknown"]').check()
    form.locator('input[name="decision"][value="continue"]').check()
    form.get_by_label("経過・理由").fill("命令の内容を理解していると述べ、接触はないと話した")
    form.get_by_role("button", name="記録する").click()
    contact = page.locator("article.contact")
    expect(contact).to_have_count(1)
    expect(contact).to_contain_text("2024-06-14 電話（加害者本人） — 継続")
    expect(contact).to_contain_text("復縁を求める発言はなかった")
    expect(page.locator("table.tasks tbody tr", has_text="2024-06-15")).to_contain_text("済")
    page.screenshot(path=shots / "case-contact.png", full_page=True)
    # the contacts due across cases (the 2024 dates are all past: overdue)
    page.get_by_role("link", name="連絡予定").click()
    rows = page.locator("table.due tbody tr", has_text="R6-生安-0500")
    expect(rows.first).to_contain_text("期限切れ")
    assert "2024-06-15" not in rows.all_inner_texts()[0]   # the contact done is no longer due
    expect(rows.first).to_contain_text("2024-08-15")
    assert serious(page) == []
    page.screenshot(path=shots / "due-contacts.png", full_page=True)
    # logout ends the session
    page.get_by_role("button", name="ログアウト").click()
    page.goto(site + "/contacts/due")
    expect(page).to_have_url(site + "/login?next=/contacts/due")


def test_a_wrong_password_is_refused_on_the_page(page: Page, site):
    page.goto(site + "/login")
    page.get_by_label("ユーザー名").fill(USERS["officer"])
    page.get_by_label("パスワード").fill("not-the-password")
    page.get_by_role("button", name="ログイン").click()
    expect(page.get_by_role("alert")).to_have_text("ユーザー名またはパスワードが違います。")
    expect(page.get_by_label("パスワード")).to_have_value("")
