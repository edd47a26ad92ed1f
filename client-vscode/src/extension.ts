// Entry point: builds the session, registers the commands, starts the server in hybrid workspaces, and returns
// a typed API (used by the end-to-end tests and by other extensions).

import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import * as commands from "./commands";
import * as config from "./config";
import type { BenchmarkReportParams, ReindexResult, ServerStatusParams } from "./lspExtTypes";
import { Session } from "./session";
import { excludedFolders, isHybridWorkspace, notHybridReason, type WorkspaceFinds } from "./workspaceKind";

export interface HybridLspApi {
    /** The language client while the server runs. */
    readonly client: LanguageClient | undefined;
    /** The latest `hybridLsp/serverStatus`, while the server runs. */
    readonly serverStatus: ServerStatusParams | undefined;
    readonly onDidChangeServerStatus: vscode.Event<ServerStatusParams>;
    restart(): Promise<void>;
    reindex(): Promise<ReindexResult>;
    /** The benchmark report shown last (`hybridLsp/benchmarkReport`), if any. */
    readonly benchmarkReport: BenchmarkReportParams | undefined;
}

let session: Session | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<HybridLspApi | undefined> {
    try {
        const s = new Session(context, commands.commandIds.showLogs);
        session = s;
        context.subscriptions.push(
            s,
            commands.restartServer(s),
            commands.showLogs(s),
            commands.reindex(s),
            commands.checkWorkspace(s),
            commands.openConfiguration(s),
            commands.buildNativeModule(s),
            commands.bindExports(s),
            commands.benchmark(s),
            commands.extractToNative(s),
            watchNativeModules(),
            vscode.workspace.onDidGrantWorkspaceTrust(() => {
                if (s.languageClient !== undefined) void s.restart("the workspace is now trusted");
            }),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (s.languageClient !== undefined && config.restartKeys.some((k) => e.affectsConfiguration(k))) {
                    void s.restart("a HybridLsp setting changed");
                }
            }),
        );

        const finds = await findProjectFiles();
        void setHasNativeModule(finds.cargoToml || finds.cmakeLists);
        if (isHybridWorkspace(finds)) await s.start();
        else s.markIdle(notHybridReason(finds));

        return {
            get client() { return s.languageClient; },
            get serverStatus() { return s.status.serverStatus; },
            onDidChangeServerStatus: s.onDidChangeServerStatus,
            restart: () => s.restart("requested through the API"),
            reindex: () => s.reindex(),
            get benchmarkReport() { return s.reports.current; },
        };
    } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        void vscode.window.showErrorMessage(`HybridLsp failed to activate: ${message}`);
        return undefined;
    }
}

export async function deactivate(): Promise<void> {
    const s = session;
    session = undefined;
    await s?.stop();
}

async function findProjectFiles(): Promise<WorkspaceFinds> {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) return { csproj: false, cargoToml: false, cmakeLists: false };
    const any = async (glob: string) => (await vscode.workspace.findFiles(glob, excludedFolders, 1)).length > 0;
    const [csproj, cargoToml, cmakeLists] = await Promise.all([
        any("**/*.csproj"), any("**/Cargo.toml"), any("**/CMakeLists.txt"),
    ]);
    return { csproj, cargoToml, cmakeLists };
}

/** The walkthrough's first step ("create a crate") is done when the workspace has a native module. */
export const hasNativeModuleContext = "hybridLsp.hasNativeModule";

function setHasNativeModule(value: boolean): Thenable<unknown> {
    return vscode.commands.executeCommand("setContext", hasNativeModuleContext, value);
}

function watchNativeModules(): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher("**/{Cargo.toml,CMakeLists.txt}", false, true, true);
    return vscode.Disposable.from(watcher, watcher.onDidCreate(() => void setHasNativeModule(true)));
}
