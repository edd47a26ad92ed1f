// The benchmark report view's HTML, as a pure function of a `hybridLsp/benchmarkReport` notification. No
// 'vscode' import: reportPanel.ts supplies the webview's URIs and CSP source.
//
// The page runs no script. Its CSP allows images from the webview's resource origin only (the SVG chart, loaded
// with <img>, so scripts inside the SVG never run) and one nonce'd <style>. Every value from the server is
// escaped; the "Open the markdown summary" link is a command URI the panel allows for one command only.

import type { BenchmarkReportParams, BenchmarkRow } from "./lspExtTypes";

export interface ReportResources {
    /** `webview.cspSource`. */
    readonly cspSource: string;
    /** `webview.asWebviewUri(svgPath)`, as a string; undefined when the chart cannot be shown. */
    readonly svgUri: string | undefined;
    /** A fresh random nonce for the page's <style>. */
    readonly nonce: string;
    /** The command URI that opens the markdown file (`command:…?…`). */
    readonly openMarkdownUri: string;
}

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"'`]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "`": "&#96;" })[c]!);
}

/** Nanoseconds in the unit that reads best: "0.85 ns", "12.3 ns", "4.56 µs", "1.23 ms", "2.5 s". */
export function formatDuration(ns: number): string {
    if (!Number.isFinite(ns)) return "—";
    const units: [number, string][] = [[1e9, "s"], [1e6, "ms"], [1e3, "µs"], [1, "ns"]];
    for (const [scale, unit] of units) {
        if (Math.abs(ns) >= scale || unit === "ns") return `${significant(ns / scale)} ${unit}`;
    }
    return `${ns} ns`;
}

function significant(value: number): string {
    const abs = Math.abs(value);
    const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
    return value.toFixed(digits);
}

export function formatRatio(ratio: number | null): string {
    return ratio === null || !Number.isFinite(ratio) ? "—" : ratio.toFixed(2);
}

export function formatBytes(bytes: number | null): string {
    if (bytes === null || !Number.isFinite(bytes)) return "—";
    if (bytes === 0) return "0 B";
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Validates the notification's params (they come from another process); undefined when unusable. */
export function parseBenchmarkReport(value: unknown): BenchmarkReportParams | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : undefined);
    const title = str("title");
    const markdownPath = str("markdownPath");
    const svgPath = str("svgPath");
    if (title === undefined || markdownPath === undefined || svgPath === undefined || !Array.isArray(v["rows"])) return undefined;
    const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? x : undefined);
    const rows: BenchmarkRow[] = [];
    for (const r of v["rows"] as unknown[]) {
        if (typeof r !== "object" || r === null) continue;
        const row = r as Record<string, unknown>;
        const medianNs = num(row["medianNs"]);
        const meanNs = num(row["meanNs"]);
        if (typeof row["method"] !== "string" || medianNs === undefined || meanNs === undefined) continue;
        rows.push({
            method: row["method"],
            parameters: typeof row["parameters"] === "string" ? row["parameters"] : "",
            medianNs, meanNs,
            ratio: num(row["ratio"]) ?? null,
            allocatedBytes: num(row["allocatedBytes"]) ?? null,
        });
    }
    return { title, project: str("project") ?? "", rows, markdown: str("markdown") ?? "", markdownPath, svgPath };
}

/** The one-line verdict above the table: the fastest row and how the others compare (by median). */
export function verdict(rows: readonly BenchmarkRow[]): string | undefined {
    if (rows.length < 2) return undefined;
    const sorted = [...rows].sort((a, b) => a.medianNs - b.medianNs);
    const fastest = sorted[0]!;
    const slowest = sorted[sorted.length - 1]!;
    if (fastest.medianNs <= 0) return undefined;
    const factor = slowest.medianNs / fastest.medianNs;
    const name = (r: BenchmarkRow) => (r.parameters ? `${r.method} (${r.parameters})` : r.method);
    return `${name(fastest)} is fastest: ${factor.toFixed(factor >= 10 ? 0 : 2)}× faster than ${name(slowest)} (median).`;
}

/**
 * The pipe tables of a markdown text (BenchmarkDotNet's summary has one, after an environment block), as rows of
 * cell texts; the header/body separator line (`|---|:--:|`) is dropped. Cells keep their text; rendering escapes it.
 */
export function markdownTables(markdown: string): string[][][] {
    const tables: string[][][] = [];
    let current: string[][] | undefined;
    let fenced = false;
    for (const raw of markdown.split(/\r?\n/)) {
        const line = raw.trim();
        if (line.startsWith("```")) fenced = !fenced;
        if (fenced || !line.startsWith("|")) {
            current = undefined;
            continue;
        }
        const cells = splitRow(line);
        if (cells.every((c) => /^:?-{2,}:?$/.test(c))) continue;
        if (current === undefined) tables.push(current = []);
        current.push(cells);
    }
    return tables;
}

function splitRow(line: string): string[] {
    const inner = line.replace(/^\|/, "").replace(/\|$/, "");
    const cells: string[] = [];
    let cell = "";
    for (let i = 0; i < inner.length; i++) {
        const c = inner[i]!;
        if (c === "\\" && inner[i + 1] === "|") { cell += "|"; i++; }
        else if (c === "|") { cells.push(cell.trim()); cell = ""; }
        else cell += c;
    }
    cells.push(cell.trim());
    // BenchmarkDotNet marks the baseline with bold markup: show the text.
    return cells.map((c) => c.replace(/^\*\*(.*)\*\*$/, "$1"));
}

function summaryTablesHtml(markdown: string): string {
    const tables = markdownTables(markdown);
    if (tables.length === 0) return "";
    const html = tables.map((rows) => {
        const [head, ...body] = rows;
        return `<table class="summary">\n<thead><tr>${head!.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead>\n<tbody>\n${
            body.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n")}\n</tbody>\n</table>`;
    }).join("\n");
    return `<details>\n<summary>BenchmarkDotNet summary</summary>\n${html}\n</details>`;
}

export function renderReportHtml(report: BenchmarkReportParams, res: ReportResources): string {
    const csp = [
        "default-src 'none'",
        `img-src ${res.cspSource}`,
        `style-src 'nonce-${res.nonce}'`,
    ].join("; ");
    const hasParameters = report.rows.some((r) => r.parameters.length > 0);
    const header = ["Method", ...(hasParameters ? ["Parameters"] : []), "Median", "Mean", "Ratio", "Allocated"];
    const rows = report.rows.map((r) => {
        const cells = [
            `<td>${escapeHtml(r.method)}</td>`,
            ...(hasParameters ? [`<td>${escapeHtml(r.parameters)}</td>`] : []),
            `<td class="num">${escapeHtml(formatDuration(r.medianNs))}</td>`,
            `<td class="num">${escapeHtml(formatDuration(r.meanNs))}</td>`,
            `<td class="num">${escapeHtml(formatRatio(r.ratio))}</td>`,
            `<td class="num">${escapeHtml(formatBytes(r.allocatedBytes))}</td>`,
        ];
        return `<tr>${cells.join("")}</tr>`;
    });
    const summary = verdict(report.rows);
    const chart = res.svgUri !== undefined
        ? `<img class="chart" src="${escapeHtml(res.svgUri)}" alt="Bar chart of the median time of each benchmark">`
        : `<p class="note">The chart (${escapeHtml(report.svgPath)}) is outside the folders this view may read.</p>`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(report.title)}</title>
<style nonce="${escapeHtml(res.nonce)}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px 16px; }
table { border-collapse: collapse; margin: 12px 0; }
th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 4px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart { max-width: 100%; background: #fff; border-radius: 4px; padding: 8px; }
.note, .project { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); }
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${summary !== undefined ? `<p class="verdict">${escapeHtml(summary)}</p>` : ""}
${report.rows.length > 0
        ? `<table>\n<thead><tr>${header.map((h) => `<th>${h}</th>`).join("")}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`
        : `<p class="note">BenchmarkDotNet reported no results; see the markdown summary.</p>`}
${chart}
${summaryTablesHtml(report.markdown)}
<p><a href="${escapeHtml(res.openMarkdownUri)}">Open the markdown summary</a> (${escapeHtml(report.markdownPath)})</p>
<p class="project">Benchmark project: ${escapeHtml(report.project)}</p>
</body>
</html>
`;
}

/** The command URI that opens `file` through `command` (the only command the panel allows). */
export function commandUri(command: string, file: string): string {
    return `command:${command}?${encodeURIComponent(JSON.stringify([file]))}`;
}
