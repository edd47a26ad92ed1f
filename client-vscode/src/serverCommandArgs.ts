// Arguments for the server's `workspace/executeCommand` commands and the messages for their failures.
// No 'vscode' import: the commands in commands.ts convert editor state to these plain values.

import {
    serverCommands, type BenchmarkArgs, type BindAllArgs, type BuildArgs, type ExtractArgs, type NativeLanguage, type Position, type ServerCommand,
} from "./lspExtTypes";

export function buildArgs(module: string, release = false): [BuildArgs] {
    return [release ? { module, release: true } : { module }];
}

export function bindAllArgs(library: string): [BindAllArgs] {
    return [{ library }];
}

/** With `quick`, BenchmarkDotNet's short in-process job (rough numbers in seconds) instead of its default job. */
export function benchmarkArgs(uri: string, position: Position, quick = false): [BenchmarkArgs] {
    const args: BenchmarkArgs = { uri, position: { line: position.line, character: position.character } };
    if (quick) args.quick = true;
    return [args];
}

/**
 * A `hybridLsp.benchmark` invocation that does not say which BenchmarkDotNet job to run — a code lens's — so the client
 * asks first (the default job takes minutes) instead of starting a full run from one click.
 */
export function needsBenchmarkJob(command: string, args: readonly unknown[]): boolean {
    if (command !== serverCommands.benchmark || args.length === 0) return false;
    const first = args[0];
    return typeof first === "object" && first !== null && !Array.isArray(first) && !("quick" in first);
}

/** The same arguments with the chosen job (`quick` only when true, as `benchmarkArgs` writes it). */
export function withBenchmarkJob(args: readonly unknown[], quick: boolean): unknown[] {
    const [first, ...rest] = args;
    return [quick ? { ...(first as object), quick: true } : { ...(first as object), quick: false }, ...rest];
}

export function extractArgs(uri: string, position: Position, language: NativeLanguage,
    into: string | undefined, name: string | undefined): [ExtractArgs] {
    const args: ExtractArgs = { uri, position: { line: position.line, character: position.character }, language };
    if (into !== undefined) args.into = into;
    if (name !== undefined) args.name = name;
    return [args];
}

/** Whether the server advertised a command in `executeCommandProvider.commands`. */
export function isAdvertised(capabilities: { executeCommandProvider?: { commands?: readonly string[] } } | undefined,
    command: ServerCommand): boolean {
    return capabilities?.executeCommandProvider?.commands?.includes(command) ?? false;
}

/** The one line for people a command result carries (`message`, LSP-EXTENSIONS.md), or undefined. */
export function resultMessage(result: unknown): string | undefined {
    if (typeof result !== "object" || result === null) return undefined;
    const message = (result as { message?: unknown }).message;
    return typeof message === "string" && message.trim().length > 0 ? message.trim() : undefined;
}

/** JSON-RPC / LSP error codes the messages below distinguish. */
export const errorCodes = {
    invalidParams: -32602,
    methodNotFound: -32601,
    internalError: -32603,
    requestFailed: -32803,
    requestCancelled: -32800,
    contentModified: -32801,
    serverNotInitialized: -32002,
} as const;

export interface CommandFailure {
    /** "cancelled": nothing to show; "error": show `message`. */
    readonly kind: "cancelled" | "error";
    readonly message: string;
}

/**
 * What the user sees when a server command fails. `error` is what vscode-languageclient rejected with: a
 * ResponseError ({ code, message }) or any other Error (the connection went away).
 */
export function describeFailure(title: string, error: unknown): CommandFailure {
    const code = typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "number"
        ? (error as { code: number }).code : undefined;
    const raw = error instanceof Error ? error.message
        : typeof error === "object" && error !== null && typeof (error as { message?: unknown }).message === "string"
            ? (error as { message: string }).message : String(error);
    const detail = raw.trim().replace(/\.$/, "");
    switch (code) {
        case errorCodes.requestCancelled:
            return { kind: "cancelled", message: `HybridLsp: ${title} was cancelled.` };
        case errorCodes.contentModified:
            return { kind: "error", message: `HybridLsp: ${title} stopped because the files changed meanwhile; run it again.` };
        case errorCodes.invalidParams:
            return { kind: "error", message: `HybridLsp: the server rejected the arguments of ${title}: ${detail}.` };
        case errorCodes.methodNotFound:
            return { kind: "error", message: `HybridLsp: this server does not know ${title} (${detail}); update the server or the extension.` };
        case errorCodes.serverNotInitialized:
            return { kind: "error", message: `HybridLsp: the server is still starting; run ${title} again in a moment.` };
        case errorCodes.requestFailed:
        case errorCodes.internalError:
            return { kind: "error", message: `HybridLsp: ${title} failed: ${detail}.` };
        default:
            return { kind: "error", message: `HybridLsp: ${title} failed: ${detail}. See 'HybridLsp: Show Logs'.` };
    }
}

/** The message for a command that needs a trusted workspace, invoked in an untrusted one. */
export function untrustedMessage(title: string): string {
    return `HybridLsp: ${title} is turned off in an untrusted workspace (Restricted Mode), where HybridLsp offers ` +
        "navigation and diagnostics only. Trust the workspace ('Workspaces: Manage Workspace Trust') to use it.";
}

/** What an applied `hybridLsp.extract` says to do next (LSP-EXTENSIONS.md): the method, its module and project. */
export interface ExtractNextSteps {
    readonly method: string;
    readonly module: string;
    /** Absent when the method's file belongs to no project (nothing to wire). */
    readonly project?: string;
    /** The extraction wired the module into `project` (or it already was): `dotnet build` builds it, no Wire step is left. */
    readonly wired: boolean;
}

/** The next steps of an applied extraction, or undefined when the result is not one (not applied, an older server). */
export function extractNextSteps(result: unknown): ExtractNextSteps | undefined {
    if (typeof result !== "object" || result === null) return undefined;
    const r = result as { applied?: unknown; method?: unknown; module?: unknown; project?: unknown; wired?: unknown };
    if (r.applied !== true || typeof r.method !== "string" || typeof r.module !== "string" || r.method === "" || r.module === "") return undefined;
    const wired = r.wired === true;
    return typeof r.project === "string" && r.project !== ""
        ? { method: r.method, module: r.module, project: r.project, wired }
        : { method: r.method, module: r.module, wired };
}

export type ExtractNextChoice = "wire" | "build" | "buildAndBenchmark";

/**
 * What to offer after an extraction: Wire only when the method has a project the extraction did not wire (an untrusted
 * workspace, `wire: false`, or an older server that never wires), then Build, and Build and Benchmark.
 */
export function extractNextChoices(next: ExtractNextSteps): ExtractNextChoice[] {
    return next.project !== undefined && !next.wired ? ["wire", "build", "buildAndBenchmark"] : ["build", "buildAndBenchmark"];
}

/**
 * Where the method <paramref name="name"/> is declared in C# text (the start of its name, 0-based), skipping its managed
 * twin `<name>Managed`, calls, and comments; undefined when there is no such declaration.
 */
export function methodDeclarationPosition(text: string, name: string): Position | undefined {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // A declaration: a return type (or modifiers) before the name, `(` after it, and no `=`/`.`/`return` right before.
    const declaration = new RegExp(`^(\\s*(?:\\[[^\\]]*\\]\\s*)*(?:[\\w<>\\[\\],?*]+\\s+)+)(${escaped})\\s*\\(`);
    const lines = text.split(/\r?\n/);
    for (let line = 0; line < lines.length; line++) {
        const m = declaration.exec(lines[line]);
        if (m === null || /\b(return|new|await)\s+$/.test(m[1]) || m[1].trimStart().startsWith("//")) continue;
        return { line, character: m[1].length };
    }
    return undefined;
}
