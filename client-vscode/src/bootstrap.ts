// Finds the server and the `dotnet` host that runs it. No 'vscode' import: the file system and the
// environment come in through `Probe`, so the unit tests can describe any machine.
//
// Order (STYLE §H): the `hybridLsp.server.path` setting → the server bundled in the extension
// (`server/hybrid-lsp.dll`) → a development build next to the extension
// (`../server/bin/{Debug,Release}/net10.0/hybrid-lsp.dll`, the newer of the two).

import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "development";

export interface Probe {
    /** The modification time in ms of a regular file, undefined when there is none at this path. */
    fileTime(p: string): number | undefined;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly platform: NodeJS.Platform;
    readonly homeDir: string;
}

export interface ServerLaunch {
    readonly source: ServerSource;
    /** The server file: a .dll run with dotnet, or an executable run directly. */
    readonly serverFile: string;
    readonly command: string;
    readonly args: readonly string[];
    /** One line for the log: what was chosen and why. */
    readonly description: string;
}

export type BootstrapResult =
    | { readonly ok: true; readonly launch: ServerLaunch }
    | { readonly ok: false; readonly reason: "server-not-found" | "dotnet-not-found"; readonly message: string };

export interface BootstrapInput {
    readonly settingPath: string | undefined;
    readonly extensionPath: string;
    /** The first workspace folder; a relative setting is resolved against it. */
    readonly workspaceFolder: string | undefined;
}

export const serverDllName = "hybrid-lsp.dll";
export const serverArgs: readonly string[] = ["serve"]; // vscode-languageclient appends --stdio itself

export function bundledServerPath(extensionPath: string): string {
    return path.join(extensionPath, "server", serverDllName);
}

export function developmentServerPaths(extensionPath: string): string[] {
    return ["Debug", "Release"].map((c) =>
        path.join(extensionPath, "..", "server", "bin", c, "net10.0", serverDllName));
}

/** Expands a leading `~` and resolves a relative path against the workspace folder (else the extension). */
export function resolveSettingPath(setting: string, input: BootstrapInput, probe: Probe): string {
    let p = setting;
    if (p === "~" || p.startsWith("~/") || p.startsWith("~\\")) p = path.join(probe.homeDir, p.slice(1));
    if (path.isAbsolute(p)) return path.normalize(p);
    return path.resolve(input.workspaceFolder ?? input.extensionPath, p);
}

/** Where the server is, before deciding how to run it. */
export function locateServer(input: BootstrapInput, probe: Probe):
    { source: ServerSource; file: string } | { error: string } {
    if (input.settingPath !== undefined) {
        const file = resolveSettingPath(input.settingPath, input, probe);
        if (probe.fileTime(file) === undefined) {
            return {
                error: `The setting hybridLsp.server.path points at '${file}', which is not a file. ` +
                    "Fix the setting or clear it to use the server bundled with the extension.",
            };
        }
        return { source: "setting", file };
    }
    const bundled = bundledServerPath(input.extensionPath);
    if (probe.fileTime(bundled) !== undefined) return { source: "bundled", file: bundled };

    let newest: { file: string; time: number } | undefined;
    for (const candidate of developmentServerPaths(input.extensionPath)) {
        const time = probe.fileTime(candidate);
        if (time !== undefined && (newest === undefined || time > newest.time)) newest = { file: candidate, time };
    }
    if (newest !== undefined) return { source: "development", file: newest.file };

    return {
        error: `The HybridLsp server was not found: not bundled (${bundled}) and no development build ` +
            `(${developmentServerPaths(input.extensionPath).join(", ")}). Reinstall the extension, run ` +
            "'dotnet build server' in the repository, or set hybridLsp.server.path.",
    };
}

/** Candidate locations of the dotnet host, in the order the .NET docs describe (DOTNET_ROOT, PATH, defaults). */
export function dotnetCandidates(probe: Probe): string[] {
    const exe = probe.platform === "win32" ? "dotnet.exe" : "dotnet";
    const join = probe.platform === "win32" ? path.win32.join : path.posix.join;
    const out: string[] = [];
    const root = probe.env["DOTNET_ROOT"];
    if (root) out.push(join(root, exe));
    const pathVar = probe.env["PATH"] ?? probe.env["Path"] ?? "";
    const sep = probe.platform === "win32" ? ";" : ":";
    for (const dir of pathVar.split(sep)) if (dir.length > 0) out.push(join(dir, exe));
    if (probe.platform === "win32") {
        const pf = probe.env["ProgramFiles"] ?? "C:\\Program Files";
        out.push(join(pf, "dotnet", exe));
    } else {
        out.push(join(probe.homeDir, ".dotnet", exe), "/usr/local/share/dotnet/dotnet", "/usr/share/dotnet/dotnet",
            "/usr/lib/dotnet/dotnet", "/usr/local/bin/dotnet", "/opt/homebrew/bin/dotnet");
    }
    return [...new Set(out)];
}

export function findDotnet(probe: Probe): string | undefined {
    return dotnetCandidates(probe).find((c) => probe.fileTime(c) !== undefined);
}

export function dotnetMissingMessage(platform: NodeJS.Platform): string {
    const install = platform === "win32"
        ? "winget install Microsoft.DotNet.Runtime.10"
        : platform === "darwin"
            ? "brew install --cask dotnet"
            : "sudo apt-get install dotnet-runtime-10.0 (or the dotnet-install script)";
    return "HybridLsp needs the .NET 10 runtime, and 'dotnet' was found neither in DOTNET_ROOT, on PATH nor in " +
        `the usual install folders. Install it from https://dotnet.microsoft.com/download/dotnet/10.0 (e.g. ${install}), ` +
        "or set DOTNET_ROOT, then run 'HybridLsp: Restart Server'.";
}

/** Decides how to start the server. Pure: everything it looks at comes through `probe`. */
export function resolveServerLaunch(input: BootstrapInput, probe: Probe): BootstrapResult {
    const located = locateServer(input, probe);
    if ("error" in located) return { ok: false, reason: "server-not-found", message: located.error };

    if (!located.file.toLowerCase().endsWith(".dll")) {
        // An apphost or Native AOT executable: no dotnet needed.
        return {
            ok: true,
            launch: {
                source: located.source, serverFile: located.file, command: located.file, args: serverArgs,
                description: `Server from the ${describe(located.source)}: ${located.file} (executable)`,
            },
        };
    }
    const dotnet = findDotnet(probe);
    if (dotnet === undefined) {
        return { ok: false, reason: "dotnet-not-found", message: dotnetMissingMessage(probe.platform) };
    }
    return {
        ok: true,
        launch: {
            source: located.source, serverFile: located.file, command: dotnet, args: [located.file, ...serverArgs],
            description: `Server from the ${describe(located.source)}: ${located.file} (run with ${dotnet})`,
        },
    };
}

function describe(source: ServerSource): string {
    switch (source) {
        case "setting": return "hybridLsp.server.path setting";
        case "bundled": return "extension";
        case "development": return "development build";
    }
}
