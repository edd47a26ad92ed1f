// One factory per command. Each returns the registration; extension.ts owns the list.

import * as vscode from "vscode";
import { configFileName, starterConfig } from "./starterConfig";
import type { Session } from "./session";

export const commandIds = {
    restartServer: "hybridLsp.restartServer",
    showLogs: "hybridLsp.showLogs",
    reindex: "hybridLsp.reindex",
    checkWorkspace: "hybridLsp.checkWorkspace",
    openConfiguration: "hybridLsp.openConfiguration",
} as const;

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
