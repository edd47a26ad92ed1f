import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    commandUri, escapeHtml, formatBytes, formatDuration, formatRatio, markdownTables, parseBenchmarkReport, renderReportHtml, verdict,
    type ReportResources,
} from "../src/benchmarkReport";
import type { BenchmarkReportParams } from "../src/lspExtTypes";

const report: BenchmarkReportParams = {
    title: "Sum: managed vs native (fastmath::sum)",
    project: "/ws/.hybrid-lsp/bench/Sum",
    rows: [
        { method: "Managed", parameters: "N=1000", medianNs: 812.4, meanNs: 820.1, ratio: 1, allocatedBytes: 0 },
        { method: "Native", parameters: "N=1000", medianNs: 203.1, meanNs: 205.9, ratio: 0.25, allocatedBytes: null },
    ],
    markdown: "| Method | Median |\n|---|---|\n| Managed | 812.4 ns |",
    markdownPath: "/ws/.hybrid-lsp/bench/Sum/results/report.md",
    svgPath: "/ws/.hybrid-lsp/bench/Sum/results/chart.svg",
};

const res: ReportResources = {
    cspSource: "https://file+.vscode-resource.vscode-cdn.net",
    svgUri: "https://file+.vscode-resource.vscode-cdn.net/ws/.hybrid-lsp/bench/Sum/results/chart.svg",
    nonce: "bm9uY2U=",
    openMarkdownUri: commandUri("hybridLsp.openBenchmarkSummary", report.markdownPath),
};

describe("benchmark report HTML", () => {
    it("has a strict CSP: no scripts, images from the webview origin, one nonce'd style", () => {
        const html = renderReportHtml(report, res);
        const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
        assert.equal(csp, "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net; style-src 'nonce-bm9uY2U='");
        assert.ok(!/<script/i.test(html));
        assert.equal(html.match(/<style/g)?.length, 1);
        assert.match(html, /<style nonce="bm9uY2U=">/);
    });

    it("shows a row per measurement, the chart and the link to the markdown", () => {
        const html = renderReportHtml(report, res);
        assert.match(html, /<th>Method<\/th><th>Parameters<\/th><th>Median<\/th><th>Mean<\/th><th>Ratio<\/th><th>Allocated<\/th>/);
        assert.match(html, /<tr><td>Managed<\/td><td>N=1000<\/td><td class="num">812 ns<\/td><td class="num">820 ns<\/td><td class="num">1\.00<\/td><td class="num">0 B<\/td><\/tr>/);
        assert.match(html, /<tr><td>Native<\/td><td>N=1000<\/td><td class="num">203 ns<\/td><td class="num">206 ns<\/td><td class="num">0\.25<\/td><td class="num">—<\/td><\/tr>/);
        assert.ok(html.includes(`<img class="chart" src="${res.svgUri}"`));
        assert.ok(html.includes('href="command:hybridLsp.openBenchmarkSummary?%5B%22%2Fws%2F.hybrid-lsp%2Fbench%2FSum%2Fresults%2Freport.md%22%5D"'));
        assert.match(html, /Native \(N=1000\) is fastest: 4\.00× faster than Managed \(N=1000\)/);
    });

    it("escapes everything that comes from the server", () => {
        const evil: BenchmarkReportParams = {
            ...report,
            title: "<script>alert(1)</script>",
            rows: [{ method: "<img src=x onerror=alert(1)>", parameters: "a\"b'c&d", medianNs: 1, meanNs: 1, ratio: null, allocatedBytes: null }],
            markdownPath: "/ws/\"><script>x</script>.md",
            project: "</p><script>",
        };
        const html = renderReportHtml(evil, { ...res, svgUri: "https://x/\"onload=\"alert(1)" });
        assert.ok(!/<script/i.test(html), html);
        assert.ok(!html.includes("<img src=x"));
        assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert.ok(html.includes("a&quot;b&#39;c&amp;d"));
        assert.ok(html.includes('src="https://x/&quot;onload=&quot;alert(1)"'));
        assert.equal(escapeHtml("`<>&\"'"), "&#96;&lt;&gt;&amp;&quot;&#39;");
    });

    it("leaves the Parameters column out when no row has parameters, and says when there are no rows", () => {
        const html = renderReportHtml({ ...report, rows: report.rows.map((r) => ({ ...r, parameters: "" })) }, res);
        assert.ok(!html.includes("<th>Parameters</th>"));
        const empty = renderReportHtml({ ...report, rows: [] }, { ...res, svgUri: undefined });
        assert.match(empty, /reported no results/);
        assert.match(empty, /outside the folders this view may read/);
        assert.ok(!empty.includes("<table>"));
    });

    it("formats numbers for people", () => {
        assert.equal(formatDuration(0.853), "0.85 ns");
        assert.equal(formatDuration(12.34), "12.3 ns");
        assert.equal(formatDuration(4567), "4.57 µs");
        assert.equal(formatDuration(1_234_000), "1.23 ms");
        assert.equal(formatDuration(2_500_000_000), "2.50 s");
        assert.equal(formatDuration(Number.NaN), "—");
        assert.equal(formatRatio(null), "—");
        assert.equal(formatRatio(0.5), "0.50");
        assert.equal(formatBytes(null), "—");
        assert.equal(formatBytes(512), "512 B");
        assert.equal(formatBytes(2048), "2.0 KB");
        assert.equal(formatBytes(3 * 1024 * 1024), "3.0 MB");
        assert.equal(verdict([report.rows[0]!]), undefined);
    });
});

describe("benchmark markdown summary", () => {
    const summary = [
        "```",
        "BenchmarkDotNet v0.15.8, Linux",
        "| not | a table |",
        "```",
        "",
        "| Method  | N    | Median   | Ratio |",
        "|-------- |----- |---------:|------:|",
        "| **Managed** | 1000 | 812.4 ns |  1.00 |",
        "| Native  | 1000 | 203.1 ns |  0.25 |",
        "",
        "| a \\| b | c |",
    ].join("\n");

    it("reads the pipe tables outside code fences, without the separator line", () => {
        assert.deepEqual(markdownTables(summary), [
            [["Method", "N", "Median", "Ratio"], ["Managed", "1000", "812.4 ns", "1.00"], ["Native", "1000", "203.1 ns", "0.25"]],
            [["a | b", "c"]],
        ]);
        assert.deepEqual(markdownTables(""), []);
        assert.deepEqual(markdownTables("no tables | here"), []);
    });

    it("shows them in the report, escaped", () => {
        const html = renderReportHtml({ ...report, markdown: summary + "\n| <b>x</b> | y |" }, res);
        assert.match(html, /<details>\n<summary>BenchmarkDotNet summary<\/summary>/);
        assert.match(html, /<tr><td>Native<\/td><td>1000<\/td><td>203\.1 ns<\/td><td>0\.25<\/td><\/tr>/);
        assert.ok(html.includes("<td>&lt;b&gt;x&lt;/b&gt;</td>"));
        assert.ok(!renderReportHtml({ ...report, markdown: "" }, res).includes("<details>"));
    });
});

describe("benchmark report params", () => {
    it("accepts the documented shape", () => {
        assert.deepEqual(parseBenchmarkReport(JSON.parse(JSON.stringify(report))), report);
    });

    it("rejects what is unusable and drops malformed rows", () => {
        assert.equal(parseBenchmarkReport(null), undefined);
        assert.equal(parseBenchmarkReport({ title: "t" }), undefined);
        assert.equal(parseBenchmarkReport({ ...report, rows: "x" }), undefined);
        const parsed = parseBenchmarkReport({ ...report, rows: [{ method: "A", medianNs: 1, meanNs: 2, ratio: "x" }, { method: 3 }, null, { method: "B", medianNs: "1", meanNs: 1 }] });
        assert.deepEqual(parsed?.rows, [{ method: "A", parameters: "", medianNs: 1, meanNs: 2, ratio: null, allocatedBytes: null }]);
    });
});
