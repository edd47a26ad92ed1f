// What the status bar shows, as a pure function of the client state and the latest
// `hybridLsp/serverStatus` notification. No 'vscode' import.

import type { ServerStatusParams } from "./lspExtTypes";

export type ClientPhase = "idle" | "starting" | "running" | "stopped" | "failed";

export interface StatusView {
    /** Text with a codicon, e.g. "$(sync~spin) HybridLsp". */
    readonly text: string;
    readonly tooltip: string;
    /** "error" | "warning" background, or undefined for the default. */
    readonly severity: "error" | "warning" | undefined;
    /** The screen-reader label, one stable word for the state: "HybridLsp: ready" (tests look for it too). */
    readonly label: string;
}

export function presentStatus(phase: ClientPhase, status: ServerStatusParams | undefined, detail?: string): StatusView {
    const tail = " — click to show the log";
    switch (phase) {
        case "idle":
            return { text: "$(circle-slash) HybridLsp", tooltip: (detail ?? "Not started") + tail, severity: undefined, label: "HybridLsp: idle" };
        case "starting":
            return { text: "$(loading~spin) HybridLsp", tooltip: "Starting the server" + tail, severity: undefined, label: "HybridLsp: starting" };
        case "stopped":
            return { text: "$(debug-stop) HybridLsp", tooltip: (detail ?? "The server is stopped") + tail, severity: "warning", label: "HybridLsp: stopped" };
        case "failed":
            return { text: "$(error) HybridLsp", tooltip: (detail ?? "The server failed") + tail, severity: "error", label: "HybridLsp: failed" };
        case "running":
            break;
    }
    if (status === undefined) {
        return { text: "$(loading~spin) HybridLsp", tooltip: "Server started, waiting for its status" + tail, severity: undefined, label: "HybridLsp: starting" };
    }
    if (status.indexing) {
        return { text: "$(sync~spin) HybridLsp: indexing", tooltip: (status.message || "Indexing the workspace") + tail, severity: undefined, label: "HybridLsp: indexing" };
    }
    switch (status.health) {
        case "ok":
            return { text: "$(check) HybridLsp", tooltip: "Ready: " + status.message + tail, severity: undefined, label: "HybridLsp: ready" };
        case "warning":
            return { text: "$(warning) HybridLsp", tooltip: status.message + tail, severity: "warning", label: "HybridLsp: warning" };
        case "error":
        default:
            return { text: "$(error) HybridLsp", tooltip: status.message + tail, severity: "error", label: "HybridLsp: error" };
    }
}

/** Validates a notification's params (they come from another process). */
export function parseServerStatus(value: unknown): ServerStatusParams | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const v = value as Record<string, unknown>;
    const health = v["health"];
    if (health !== "ok" && health !== "warning" && health !== "error") return undefined;
    return {
        health,
        indexing: v["indexing"] === true,
        message: typeof v["message"] === "string" ? v["message"] : "",
    };
}
