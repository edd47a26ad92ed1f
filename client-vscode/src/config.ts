// Typed reads of the extension's settings. No 'vscode' import: a vscode.WorkspaceConfiguration fits
// SettingsSource structurally, and the unit tests pass a plain object.
//
// Only what DESIGN §4.2 leaves to the client lives here: the server path, the trace level and the libclang
// location. Everything that changes diagnostics belongs in hybrid-lsp.toml.

export const section = "hybridLsp";

export type TraceLevel = "off" | "messages" | "verbose";

export interface SettingsSource {
    get<T>(key: string): T | undefined;
}

export interface Settings {
    /** `hybridLsp.server.path`, trimmed; undefined when empty or not a string. */
    readonly serverPath: string | undefined;
    /** `hybridLsp.trace.server`; "off" for anything else. */
    readonly traceServer: TraceLevel;
    /** `hybridLsp.libclang.path`, trimmed; undefined when empty or not a string. */
    readonly libclangPath: string | undefined;
}

/** The keys, relative to the "hybridLsp" section, of every setting the client reads. */
export const keys = {
    serverPath: "server.path",
    traceServer: "trace.server",
    libclangPath: "libclang.path",
} as const;

/** Settings whose change needs a server restart (the trace level is applied by the language client itself). */
export const restartKeys: readonly string[] = [keys.serverPath, keys.libclangPath].map((k) => `${section}.${k}`);

export function serverPath(source: SettingsSource): string | undefined {
    return nonEmptyString(source.get<unknown>(keys.serverPath));
}

export function traceServer(source: SettingsSource): TraceLevel {
    const value = source.get<unknown>(keys.traceServer);
    return value === "messages" || value === "verbose" ? value : "off";
}

export function libclangPath(source: SettingsSource): string | undefined {
    return nonEmptyString(source.get<unknown>(keys.libclangPath));
}

export function readSettings(source: SettingsSource): Settings {
    return {
        serverPath: serverPath(source),
        traceServer: traceServer(source),
        libclangPath: libclangPath(source),
    };
}

function nonEmptyString(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    const trimmed = value.trim();
    return trimmed.length > 0 ? trimmed : undefined;
}
