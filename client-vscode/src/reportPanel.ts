// The benchmark report view: one webview panel, updated by every `hybridLsp/benchmarkReport` notification.
// The HTML comes from benchmarkReport.ts; this file owns the panel, its options and the command that opens the
// markdown summary (the only command URI the page may use).

import * as crypto from "node:crypto";
import * as path from "node:path";
import * as vscode from "vscode";
import { commandUri, renderReportHtml } from "./benchmarkReport";
import type { BenchmarkReportParams } from "./lspExtTypes";

export const openSummaryCommand = "hybridLsp.openBenchmarkSummary";

export class BenchmarkReportPanel implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    /** Markdown files of the reports shown this session: the only files the page's link may open. */
    private readonly summaries = new Set<string>();
    private readonly command: vscode.Disposable;

    constructor(private readonly output: vscode.LogOutputChannel) {
        this.command = vscode.commands.registerCommand(openSummaryCommand, async (file: unknown) => {
            if (typeof file !== "string" || !this.summaries.has(file)) {
                void vscode.window.showErrorMessage("HybridLsp: that file is not the summary of a benchmark report shown here.");
                return;
            }
            try {
                await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false, viewColumn: vscode.ViewColumn.Beside });
            } catch (e) {
                void vscode.window.showErrorMessage(`HybridLsp: cannot open ${file}: ${e instanceof Error ? e.message : String(e)}`);
            }
        });
    }

    /** The report currently shown, for tests and the API. */
    current: BenchmarkReportParams | undefined;

    show(report: BenchmarkReportParams): void {
        this.current = report;
        this.summaries.add(report.markdownPath);
        const svgFolder = vscode.Uri.file(path.dirname(report.svgPath));
        if (this.panel === undefined) {
            this.panel = vscode.window.createWebviewPanel("hybridLsp.benchmarkReport", report.title, vscode.ViewColumn.Beside, {
                enableScripts: false,
                enableCommandUris: [openSummaryCommand],
                localResourceRoots: [svgFolder],
            });
            this.panel.onDidDispose(() => { this.panel = undefined; });
        } else {
            // A later report may write its chart into another folder: the page may read exactly that one.
            this.panel.webview.options = { enableScripts: false, enableCommandUris: [openSummaryCommand], localResourceRoots: [svgFolder] };
            this.panel.reveal(vscode.ViewColumn.Beside, true);
        }
        const webview = this.panel.webview;
        this.panel.title = report.title;
        webview.html = renderReportHtml(report, {
            cspSource: webview.cspSource,
            svgUri: webview.asWebviewUri(vscode.Uri.file(report.svgPath)).toString(),
            nonce: crypto.randomBytes(16).toString("base64"),
            openMarkdownUri: commandUri(openSummaryCommand, report.markdownPath),
        });
        this.output.info(`Benchmark report: ${report.title} (${report.rows.length} rows, chart ${report.svgPath})`);
    }

    dispose(): void {
        this.panel?.dispose();
        this.command.dispose();
    }
}
