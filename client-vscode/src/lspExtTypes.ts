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

/** One row of a benchmark report: exactly what BenchmarkDotNet measured. */
export interface BenchmarkRow {
    method: string;
    parameters: string;
    medianNs: number;
    meanNs: number;
    ratio: number | null;
    allocatedBytes: number | null;
}

/** `hybridLsp/benchmarkReport` (server → client), sent when a benchmark run finishes. */
export interface BenchmarkReportParams {
    /** e.g. "Sum: managed vs native (fastmath::sum)". */
    title: string;
    /** Absolute path of the generated BenchmarkDotNet project. */
    project: string;
    rows: BenchmarkRow[];
    /** The markdown summary (also written to markdownPath). */
    markdown: string;
    markdownPath: string;
    /** Absolute path of the SVG chart the server wrote. */
    svgPath: string;
}

/** LSP position: 0-based line and character (in the negotiated encoding; UTF-16 for VS Code). */
export interface Position {
    line: number;
    character: number;
}

/** `workspace/executeCommand` arguments of the server's commands (each command takes one such object). */
export interface BuildArgs {
    /** Folder of the Cargo.toml or CMakeLists.txt, absolute or root-relative. */
    module: string;
    release?: boolean;
}

export interface WireArgs {
    project: string;
    module: string;
}

export interface BindAllArgs {
    library: string;
}

export interface BenchmarkArgs {
    uri: string;
    position: Position;
    /** BenchmarkDotNet's short in-process job (`--job short --inProcess`): rough numbers in seconds. */
    quick?: boolean;
}

export type NativeLanguage = "rust" | "cpp";

export interface ExtractArgs {
    uri: string;
    position: Position;
    language: NativeLanguage;
    /** The crate or library folder; a folder that does not exist yet is created by the server. */
    into?: string;
    /** The native function's name. */
    name?: string;
    /** False: do not wire the module into the method's project (default: wired in a trusted workspace). */
    wire?: boolean;
}

/** The server-side command ids (advertised in `executeCommandProvider.commands`, used by code lenses). */
export const serverCommands = {
    build: "hybridLsp.build",
    wire: "hybridLsp.wire",
    bindAll: "hybridLsp.bindAll",
    benchmark: "hybridLsp.benchmark",
    extract: "hybridLsp.extract",
} as const;

export type ServerCommand = (typeof serverCommands)[keyof typeof serverCommands];

export const methods = {
    serverStatus: "hybridLsp/serverStatus",
    reindex: "hybridLsp/reindex",
    benchmarkReport: "hybridLsp/benchmarkReport",
} as const;
