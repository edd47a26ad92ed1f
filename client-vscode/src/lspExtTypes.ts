// The custom protocol of server/LSP-EXTENSIONS.md, as plain types (no runtime imports, usable in unit tests).
// lspExt.ts adds the typed message objects for vscode-languageclient.

/** `initialize` params' `initializationOptions`. */
export interface InitializationOptions {
    /** Whether the user trusts the workspace (`workspace.isTrusted`). Missing means untrusted. */
    workspaceTrusted?: boolean;
}

/** `hybridLsp/serverStatus` (server → client). The latest one is the current state. */
export interface ServerStatusParams {
    health: "ok" | "warning" | "error";
    indexing: boolean;
    message: string;
}

/** `hybridLsp/reindex` (client → server) result. Params: none, null or {}. */
export interface ReindexResult {
    /** Workspace files read from disk. */
    files: number;
}

export const methods = {
    serverStatus: "hybridLsp/serverStatus",
    reindex: "hybridLsp/reindex",
} as const;
