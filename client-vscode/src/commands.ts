// One factory per command. Each returns the registration; extension.ts owns the list.

import * as path from "node:path";
import * as vscode from "vscode";
import { commandIds } from "./commandIds";
import { enclosingMethodName, runExtractFlow, type FlowUi } from "./extractFlow";
import { serverCommands } from "./lspExtTypes";
import { libraryNames, nativeModules, type ManifestFile, type NativeModule } from "./nativeModules";
import {
    benchmarkArgs, bindAllArgs, buildArgs, extractArgs, extractNextChoices, extractNextSteps, methodDeclarationPosition, untrustedMessage, type ExtractNextChoice, type ExtractNextSteps,
} from "./serverCommandArgs";
import { executeServerCommand } from "./serverCommands";
import { configFileName, starterConfig } from "./starterConfig";
import type { Session } from "./session";
import { excludedFolders } from "./workspaceKind";

export { commandIds };

export function restartServer(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.restartServer, () => session.restart("requested by the user"));
}

export function showLogs(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.showLogs, () => session.output.show(true));
}

async function reindexWithProgress(session: Session, title: string): Promise<number | undefined> {
    try {
        const result = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title },
            () => session.reindex());
        session.output.info(`Re-indexed ${result.files} files`);
        return result.files;
    } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        session.output.error(`Re-index failed: ${message}`);
        void vscode.window.showErrorMessage(`HybridLsp: re-index failed: ${message}`);
        return undefined;
    }
}

export function reindex(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.reindex, async () => {
        const files = await reindexWithProgress(session, "HybridLsp: re-indexing");
        if (files !== undefined) void vscode.window.showInformationMessage(`HybridLsp: re-indexed ${files} files.`);
        return files;
    });
}

export function checkWorkspace(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.checkWorkspace, async () => {
        const files = await reindexWithProgress(session, "HybridLsp: checking the workspace");
        if (files !== undefined) await vscode.commands.executeCommand("workbench.actions.view.problems");
        return files;
    });
}

export function openConfiguration(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.openConfiguration, async () => {
        const folder = await pickFolder();
        if (folder === undefined) return;
        const uri = vscode.Uri.joinPath(folder.uri, configFileName);
        if (!(await exists(uri))) {
            if (!vscode.workspace.isTrusted) {
                void vscode.window.showWarningMessage(`HybridLsp: trust this workspace to create ${configFileName}.`);
                return;
            }
            // Created only when missing: never overwrites (DESIGN §7).
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterConfig));
            session.output.info(`Created ${uri.fsPath}`);
        }
        await vscode.window.showTextDocument(uri);
    });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        void vscode.window.showErrorMessage(`HybridLsp: open a folder first; ${configFileName} lives at the workspace root.`);
        return undefined;
    }
    if (folders.length === 1) return folders[0];
    return vscode.window.showWorkspaceFolderPick({ placeHolder: `Folder for ${configFileName}` });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

// --- Commands that run server commands (workspace/executeCommand). Their ids differ from the server's
// (`hybridLsp.build` …): vscode-languageclient registers the server's ids itself for code lenses.

/** Runs `work` only in a trusted workspace; otherwise says why the command is off (package.json also disables it). */
function trusted<T>(title: string, work: () => Promise<T>): () => Promise<T | undefined> {
    return async () => {
        if (!vscode.workspace.isTrusted) {
            void vscode.window.showWarningMessage(untrustedMessage(title), "Manage Workspace Trust").then((choice) => {
                if (choice !== undefined) void vscode.commands.executeCommand("workbench.trust.manage");
            });
            return undefined;
        }
        return work();
    };
}

/** The workspace's Cargo.toml / CMakeLists.txt files with their texts. */
async function manifestFiles(): Promise<ManifestFile[]> {
    const uris = await vscode.workspace.findFiles("**/{Cargo.toml,CMakeLists.txt}", excludedFolders, 500);
    return Promise.all(uris.map(async (uri) => ({ path: uri.fsPath, text: await readText(uri) })));
}

/** Manifests and hybrid-lsp.toml are small; anything bigger is not read (a generated or binary file by that name). */
const maxManifestBytes = 1024 * 1024;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
    try {
        if ((await vscode.workspace.fs.stat(uri)).size > maxManifestBytes) return undefined;
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
        return undefined;
    }
}

function rootFor(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
    return (uri !== undefined ? vscode.workspace.getWorkspaceFolder(uri) : undefined) ?? vscode.workspace.workspaceFolders?.[0];
}

export async function workspaceModules(): Promise<NativeModule[]> {
    const root = rootFor(vscode.window.activeTextEditor?.document.uri);
    return nativeModules(await manifestFiles(), root?.uri.fsPath);
}

function argObject(arg: unknown): Record<string, unknown> | undefined {
    return typeof arg === "object" && arg !== null && !(arg instanceof vscode.Uri) ? arg as Record<string, unknown> : undefined;
}

/** Build Native Module: the one module, or a quick pick of them (the module of the active file first). */
export function buildNativeModule(session: Session): vscode.Disposable {
    const title = "Build Native Module";
    return vscode.commands.registerCommand(commandIds.buildNativeModule, (arg?: unknown) => trusted(title, async () => {
        // Called with { module, release? } (e.g. from another extension), the pick is skipped.
        const given = argObject(arg);
        if (typeof given?.["module"] === "string") {
            return executeServerCommand(session, serverCommands.build, buildArgs(given["module"], given["release"] === true));
        }
        const modules = await workspaceModules();
        if (modules.length === 0) {
            void vscode.window.showErrorMessage("HybridLsp: no Cargo.toml or CMakeLists.txt in this workspace: there is no native module to build.");
            return undefined;
        }
        const active = vscode.window.activeTextEditor?.document.uri.fsPath;
        const ordered = [...modules].sort((a, b) => Number(isUnder(active, b.folder)) - Number(isUnder(active, a.folder)));
        const module = ordered.length === 1 ? ordered[0]! : (await vscode.window.showQuickPick(
            ordered.map((m) => ({
                label: m.label,
                description: m.libraries.join(", "),
                detail: m.kind === "cargo" ? "cargo build" : "cmake configure + build",
                module: m,
            })), { title, placeHolder: "Which native module should be built?" }))?.module;
        if (module === undefined) return undefined;
        return executeServerCommand(session, serverCommands.build, buildArgs(module.folder));
    })());
}

function isUnder(file: string | undefined, folder: string): boolean {
    if (file === undefined) return false;
    const rel = path.relative(folder, file);
    return rel.length > 0 && !rel.startsWith("..") && !path.isAbsolute(rel);
}

/**
 * Bind Exports: a quick pick of library names (the workspace's modules and hybrid-lsp.toml), or any other name.
 * It only edits C# text (like the Bind code action), so the server allows it without trust and so does the client.
 */
export function bindExports(session: Session): vscode.Disposable {
    return vscode.commands.registerCommand(commandIds.bindExports, async (arg?: unknown) => {
        const title = "Bind Exports";
        const given = argObject(arg);
        if (typeof given?.["library"] === "string") return executeServerCommand(session, serverCommands.bindAll, bindAllArgs(given["library"]));
        const root = rootFor(vscode.window.activeTextEditor?.document.uri);
        const config = root !== undefined ? await readText(vscode.Uri.joinPath(root.uri, configFileName)) : undefined;
        const names = libraryNames(nativeModules(await manifestFiles(), root?.uri.fsPath), config);
        const other = { label: "$(edit) Another library…", description: "type its name", name: undefined as string | undefined };
        const picked = await vscode.window.showQuickPick(
            [...names.map((n) => ({ label: n.name, description: n.detail, name: n.name as string | undefined })), other],
            { title, placeHolder: "Generate C# declarations for every export of which library?" });
        if (picked === undefined) return undefined;
        let library = picked.name;
        if (library === undefined) {
            library = (await vscode.window.showInputBox({
                title, prompt: "The library name as [DllImport]/[LibraryImport] writes it",
                validateInput: (v) => (v.trim().length === 0 ? "Enter a library name." : undefined),
            }))?.trim();
        }
        if (library === undefined) return undefined;
        return executeServerCommand(session, serverCommands.bindAll, bindAllArgs(library));
    });
}

function activeCSharpEditor(title: string): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined || editor.document.languageId !== "csharp" || editor.document.uri.scheme !== "file") {
        void vscode.window.showErrorMessage(`HybridLsp: ${title} works on a C# file: put the cursor in it first.`);
        return undefined;
    }
    return editor;
}

function protocolUri(session: Session, uri: vscode.Uri): string {
    return session.languageClient?.code2ProtocolConverter.asUri(uri) ?? uri.toString();
}

/** Benchmark: on the C# extern (or call) under the cursor; the report opens when the run ends. */
export function benchmark(session: Session): vscode.Disposable {
    const title = "Benchmark";
    return vscode.commands.registerCommand(commandIds.benchmark, () => trusted(title, async () => {
        const editor = activeCSharpEditor(title);
        if (editor === undefined) return undefined;
        const p = editor.selection.active;
        const quick = await pickBenchmarkJob();
        if (quick === undefined) return undefined;
        return executeServerCommand(session, serverCommands.benchmark,
            benchmarkArgs(protocolUri(session, editor.document.uri), { line: p.line, character: p.character }, quick));
    })());
}

/** BenchmarkDotNet's default job takes minutes per benchmark; its short in-process job gives rough numbers in seconds. */
export async function pickBenchmarkJob(): Promise<boolean | undefined> {
    const picked = await vscode.window.showQuickPick([
        { label: "Full run", description: "BenchmarkDotNet's default job: reliable numbers, a few minutes", quick: false },
        { label: "Quick run", description: "BenchmarkDotNet's short in-process job: rough numbers, seconds", quick: true },
    ], { title: "Benchmark", placeHolder: "How long may BenchmarkDotNet measure?", ignoreFocusOut: true });
    return picked?.quick;
}

const quickPickUi: FlowUi = {
    async pick(title, items, placeholder) {
        const picked = await vscode.window.showQuickPick(items.map((i) => ({ ...i, item: i })), { title, placeHolder: placeholder, ignoreFocusOut: true });
        return picked?.item.value;
    },
    async input(title, prompt, value, validate) {
        return vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: (v) => validate(v) ?? null });
    },
};

/** The C# method at the cursor: from the document symbols when a C# extension gives them, else from the text. */
async function methodAt(editor: vscode.TextEditor): Promise<string | undefined> {
    const position = editor.selection.active;
    try {
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
            "vscode.executeDocumentSymbolProvider", editor.document.uri);
        let best: vscode.DocumentSymbol | undefined;
        const visit = (list: readonly vscode.DocumentSymbol[]) => {
            for (const s of list) {
                if (!s.range.contains(position)) continue;
                if (s.kind === vscode.SymbolKind.Method || s.kind === vscode.SymbolKind.Function) best = s;
                visit(s.children ?? []);
            }
        };
        if (Array.isArray(symbols) && symbols.length > 0 && "children" in symbols[0]!) visit(symbols);
        if (best !== undefined) return best.name.replace(/\(.*$/, "");
    } catch {
        // No symbol provider for C#: the text heuristic below.
    }
    return enclosingMethodName(editor.document.getText(), editor.document.offsetAt(position));
}

/** Extract to Native: Rust or C++ → crate/library (existing or new) → function name → hybridLsp.extract. */
export function extractToNative(session: Session): vscode.Disposable {
    const title = "Extract to Native";
    return vscode.commands.registerCommand(commandIds.extractToNative, () => trusted(title, async () => {
        const editor = activeCSharpEditor(title);
        if (editor === undefined) return undefined;
        const root = rootFor(editor.document.uri);
        if (root === undefined) {
            void vscode.window.showErrorMessage(`HybridLsp: ${title} needs an open folder: the native code goes into the workspace.`);
            return undefined;
        }
        const position = editor.selection.active;
        const uri = editor.document.uri;
        const [method, files] = await Promise.all([methodAt(editor), manifestFiles()]);
        const choice = await runExtractFlow(quickPickUi, nativeModules(files, root.uri.fsPath), root.uri.fsPath, method);
        if (choice === undefined) return undefined;
        const result = await executeServerCommand(session, serverCommands.extract, extractArgs(protocolUri(session, uri),
            { line: position.line, character: position.character }, choice.language, choice.into, choice.name));
        const next = extractNextSteps(result);
        if (next !== undefined) void offerExtractNextSteps(session, uri, next);
        return result;
    })());
}

/**
 * The rest of the loop after an extraction (issue: build, wire, benchmark): wire the module into `dotnet build` (only
 * when the extraction did not: the server wires it in the same edit in a trusted workspace), build it, or build it and
 * benchmark the new method against its managed original. Each is the server's own command.
 */
async function offerExtractNextSteps(session: Session, uri: vscode.Uri, next: ExtractNextSteps): Promise<void> {
    const labels: Record<ExtractNextChoice, string> = { wire: "Wire into dotnet build", build: "Build", buildAndBenchmark: "Build and Benchmark" };
    const wire = labels.wire;
    const build = labels.build;
    const buildAndBenchmark = labels.buildAndBenchmark;
    const choices = extractNextChoices(next).map((c) => labels[c]);
    const built = next.wired ? " and 'dotnet build' builds it" : "";
    const picked = await vscode.window.showInformationMessage(
        `HybridLsp: '${next.method}' now calls native code ('${next.method}Managed' keeps the original)${built}. Next:`, ...choices);
    if (picked === wire && next.project !== undefined) {
        await executeServerCommand(session, serverCommands.wire, [{ project: next.project, module: next.module }]);
    } else if (picked === build || picked === buildAndBenchmark) {
        const built = await executeServerCommand(session, serverCommands.build, buildArgs(next.module));
        if (picked !== buildAndBenchmark || (built as { succeeded?: unknown } | undefined)?.succeeded !== true) return;
        const document = await vscode.workspace.openTextDocument(uri);
        const at = methodDeclarationPosition(document.getText(), next.method);
        if (at === undefined) {
            void vscode.window.showErrorMessage(`HybridLsp: cannot find '${next.method}' in ${vscode.workspace.asRelativePath(uri)} to benchmark it.`);
            return;
        }
        const quick = await pickBenchmarkJob();
        if (quick === undefined) return;
        await executeServerCommand(session, serverCommands.benchmark, benchmarkArgs(protocolUri(session, uri), at, quick));
    }
}
