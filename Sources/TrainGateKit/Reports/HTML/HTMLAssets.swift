import Crypto

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The audit page's style sheet and script, written inline so the page needs nothing else, and
/// the Content-Security-Policy that lets exactly these two run: nothing is fetched, no form is
/// sent, and a script that found its way into the page from an input would not run.
enum HTMLAssets {
    /// `default-src 'none'` with the hashes of the style sheet and the script.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; img-src data:; base-uri 'none'; form-action 'none'"

    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Array(text.utf8))).base64EncodedString()
    }

    static let style = """

        @page { size: A4; margin: 14mm 12mm; }
        :root { --ink: #1d2430; --muted: #4d5666; --line: #d5dae2; --accent: #1f5fa8; --bg: #f3f5f8;
          --critical: #8b1a1a; --high: #b42318; --medium: #8a4b00; --low: #1f5fa8; --info: #475467; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        .skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 8px 12px; z-index: 10; }
        .skip:focus { left: 8px; top: 8px; }
        .page { display: grid; grid-template-columns: minmax(0, 1fr); max-width: 1280px; margin: 0 auto; }
        @media (min-width: 1100px) { .page { grid-template-columns: 300px minmax(0, 1fr); gap: 0 24px; padding: 0 16px; }
          .tree { position: sticky; top: 0; max-height: 100vh; overflow: auto; } }
        header.verdict { grid-column: 1 / -1; margin: 16px 0 0; padding: 20px 28px; background: #fff; border-left: 8px solid; }
        header.fail { border-color: var(--high); }
        header.pass { border-color: #067647; }
        .kicker { margin: 0; color: var(--muted); font-size: 13px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; }
        h1 { margin: 2px 0 6px; font-size: 28px; }
        .lead { margin: 0 0 4px; font-size: 17px; }
        .meta { margin: 0; color: var(--muted); }
        nav.tree { background: #fff; margin-top: 16px; padding: 12px 16px; font-size: 14px; }
        nav.tree ul { list-style: none; margin: 0; padding-left: 14px; }
        nav.tree > ul { padding-left: 0; }
        nav.tree li { margin: 3px 0; }
        main { min-width: 0; }
        main > section { background: #fff; margin-top: 16px; padding: 16px 28px 20px; }
        h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
        nav.tree h2 { font-size: 16px; }
        h3 { font-size: 17px; margin: 22px 0 6px; }
        h4 { font-size: 15px; margin: 0 0 6px; }
        a { color: var(--accent); }
        a:focus, input:focus, select:focus, button:focus { outline: 3px solid #f4b400; outline-offset: 1px; }
        code, pre { font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        table { border-collapse: collapse; font-size: 14px; margin: 4px 0 12px; }
        th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
        th { background: var(--bg); }
        td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 0 0 4px; }
        .tables { display: flex; flex-wrap: wrap; gap: 0 28px; align-items: flex-start; }
        .chart { max-width: 100%; height: auto; }
        .chart text { font-size: 13px; fill: var(--ink); }
        .chart .title { font-weight: 600; }
        .chart rect { fill: var(--accent); }
        .chart rect.critical { fill: var(--critical); } .chart rect.high { fill: var(--high); }
        .chart rect.medium { fill: var(--medium); } .chart rect.low { fill: var(--low); } .chart rect.info { fill: var(--info); }
        .chart rect.waived { fill: #6941c6; }
        form#filters { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: flex-end; padding: 10px 12px; background: var(--bg); margin-bottom: 8px; }
        form#filters[hidden] { display: none; }
        fieldset { border: 0; margin: 0; padding: 0; }
        legend, label.block { font-size: 13px; font-weight: 600; color: var(--muted); display: block; }
        fieldset label { margin-right: 10px; white-space: nowrap; }
        input[type=search], select { font: inherit; padding: 3px 6px; border: 1px solid #8a93a3; border-radius: 4px; background: #fff; color: var(--ink); }
        button { font: inherit; padding: 3px 12px; border: 1px solid #8a93a3; border-radius: 4px; background: #fff; color: var(--ink); cursor: pointer; }
        #shown { margin: 4px 0 8px; color: var(--muted); }
        section.subject { border-top: 1px solid var(--line); margin-top: 14px; }
        .where { margin: 0 0 8px; color: var(--muted); font-size: 14px; }
        .none { color: var(--muted); font-style: italic; }
        article.finding { border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 4px; padding: 10px 14px; margin: 10px 0; }
        article.finding.s-critical { border-left-color: var(--critical); } article.finding.s-high { border-left-color: var(--high); }
        article.finding.s-medium { border-left-color: var(--medium); } article.finding.s-low { border-left-color: var(--low); }
        article.finding.st-pass, article.finding.st-not_applicable, article.finding.st-not_in_force { border-left-color: #067647; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 3px; font-size: 12px; font-weight: 700; color: #fff; background: var(--info);
          text-transform: uppercase; letter-spacing: .03em; vertical-align: 1px; }
        .badge.critical { background: var(--critical); } .badge.high { background: var(--high); } .badge.medium { background: var(--medium); }
        .badge.low { background: var(--low); } .badge.waived { background: #6941c6; } .badge.pass { background: #067647; }
        .badge.fail { background: #fff; color: var(--high); border: 1px solid var(--high); }
        .msg { margin: 0 0 6px; white-space: pre-wrap; }
        dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 14px; margin: 0; font-size: 14px; }
        dl.facts dt { color: var(--muted); font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; white-space: pre-wrap; }
        dl.facts ul { margin: 0; padding-left: 18px; white-space: normal; }
        figure.excerpt { margin: 8px 0 0; }
        figure.excerpt figcaption { font-size: 13px; color: var(--muted); }
        figure.excerpt pre { margin: 2px 0 0; padding: 6px 0; background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px; overflow-x: auto; }
        .line { display: block; padding: 0 10px; white-space: pre; }
        .line .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
        mark.line .ln { color: var(--ink); font-weight: 700; }
        mark.line { background: #fff1c2; color: var(--ink); box-shadow: inset 4px 0 0 #d29200; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .state-expired, .state-stale { color: var(--high); font-weight: 600; }
        footer { grid-column: 1 / -1; padding: 16px 28px 32px; color: var(--muted); font-size: 14px; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          .page { display: block; max-width: none; padding: 0; }
          * { -webkit-print-color-adjust: exact; }
          nav.tree, form#filters, #shown:not(.filtering), .skip { display: none; }
          header.verdict, main > section { margin: 0 0 8mm; padding: 0; }
          article.finding, tr, figure.excerpt { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          a { color: inherit; }
          .line { white-space: pre-wrap; }
        }

        """

    /// Filters findings by severity, status, pack, subject and text. Without it the page shows
    /// every finding, and the filter form stays hidden.
    static let script = """

        (function () {
          "use strict";
          var form = document.getElementById("filters");
          if (!form) { return; }
          var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
          var sections = Array.prototype.slice.call(document.querySelectorAll("section.subject"));
          var shown = document.getElementById("shown");
          var texts = findings.map(function (finding) { return finding.textContent.toLowerCase(); });
          function checked(name) {
            var set = {};
            Array.prototype.forEach.call(form.querySelectorAll("input[name='" + name + "']"), function (box) {
              if (box.checked) { set[box.value] = true; }
            });
            return set;
          }
          function apply() {
            var severities = checked("severity");
            var statuses = checked("status");
            var pack = form.elements.namedItem("pack").value;
            var subject = form.elements.namedItem("subject").value;
            var query = form.elements.namedItem("q").value.trim().toLowerCase();
            var count = 0;
            findings.forEach(function (finding, index) {
              var visible = severities[finding.dataset.severity] === true && statuses[finding.dataset.status] === true &&
                (pack === "" || finding.dataset.pack === pack) && (subject === "" || finding.dataset.subject === subject) &&
                (query === "" || texts[index].indexOf(query) !== -1);
              finding.hidden = !visible;
              if (visible) { count += 1; }
            });
            var filtering = count !== findings.length;
            sections.forEach(function (section) {
              section.hidden = filtering && section.querySelector("article.finding:not([hidden])") === null;
            });
            shown.classList.toggle("filtering", filtering);
            shown.textContent = filtering ? "Showing " + count + " of " + findings.length + " findings." :
              "Showing all " + findings.length + " findings.";
          }
          form.addEventListener("input", apply);
          form.addEventListener("change", apply);
          form.addEventListener("submit", function (event) { event.preventDefault(); });
          form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
          form.hidden = false;
          apply();
        })();

        """
}
