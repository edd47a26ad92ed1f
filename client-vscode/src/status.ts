// The status bar item: driven by the client's state and the server's `hybridLsp/serverStatus`; a click shows the log.

import * as vscode from "vscode";
import type { ServerStatusParams } from "./lspExtTypes";
import { presentStatus, type ClientPhase } from "./statusModel";

export class StatusItem implements vscode.Disposable {
    private readonly item: vscode.StatusBarItem;
    private phase: ClientPhase = "idle";
    private last: ServerStatusParams | undefined;
    private detail: string | undefined;

    constructor(showLogsCommand: string) {
        this.item = vscode.window.createStatusBarItem("hybridLsp.status", vscode.StatusBarAlignment.Left, 10);
        this.item.name = "HybridLsp";
        this.item.command = showLogsCommand;
        this.render();
        this.item.show();
    }

    /** The latest server status, while the client runs. */
    get serverStatus(): ServerStatusParams | undefined {
        return this.last;
    }

    setPhase(phase: ClientPhase, detail?: string): void {
        this.phase = phase;
        this.detail = detail;
        if (phase !== "running") this.last = undefined;
        this.render();
    }

    setServerStatus(status: ServerStatusParams): void {
        this.last = status;
        this.render();
    }

    dispose(): void {
        this.item.dispose();
    }

    private render(): void {
        const view = presentStatus(this.phase, this.last, this.detail);
        this.item.text = view.text;
        this.item.tooltip = view.tooltip;
        this.item.accessibilityInformation = { label: view.label };
        this.item.backgroundColor = view.severity === undefined
            ? undefined
            : new vscode.ThemeColor(view.severity === "error" ? "statusBarItem.errorBackground" : "statusBarItem.warningBackground");
    }
}
