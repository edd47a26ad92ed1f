// Watches the baseline file that hybrid-lsp.toml names (`baseline = "…"`) and tells the server about its changes
// with `workspace/didChangeWatchedFiles`, like the workspace files of the static watcher in session.ts.
//
// Why here: the baseline can have any name, so no fixed glob covers it, and the server registers no watchers
// itself (it re-reads the baseline with every batch of file events: server/Lsp/WorkspaceIndexer.cs). The client
// reads the one key from hybrid-lsp.toml and follows it when the configuration changes.

import * as path from "node:path";
import * as vscode from "vscode";
import { DidChangeWatchedFilesNotification, FileChangeType, State, type LanguageClient } from "vscode-languageclient/node";
import { configuredBaseline } from "./nativeModules";
import { configFileName } from "./starterConfig";

export class BaselineWatcher implements vscode.Disposable {
    private readonly configWatcher: vscode.FileSystemWatcher;
    private baselineWatcher: vscode.Disposable | undefined;
    private watched: string | undefined;
    private disposed = false;

    constructor(private readonly client: LanguageClient, private readonly root: vscode.Uri, private readonly output: vscode.LogOutputChannel) {
        this.configWatcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, configFileName));
        const refresh = () => void this.refresh();
        this.configWatcher.onDidCreate(refresh);
        this.configWatcher.onDidChange(refresh);
        this.configWatcher.onDidDelete(refresh);
        refresh();
    }

    /** The absolute path of the baseline file being watched, if any. */
    get baselinePath(): string | undefined {
        return this.watched;
    }

    async refresh(): Promise<void> {
        let text: string | undefined;
        try {
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.root, configFileName)));
        } catch {
            text = undefined;
        }
        if (this.disposed) return;
        const relative = configuredBaseline(text);
        const file = relative !== undefined && !path.isAbsolute(relative) ? path.resolve(this.root.fsPath, relative) : undefined;
        if (file === this.watched) return;
        this.baselineWatcher?.dispose();
        this.baselineWatcher = undefined;
        this.watched = file;
        if (file === undefined) return;

        const name = path.basename(file);
        // A name with glob characters is matched by '*' and filtered here, so it is never read as a pattern.
        const glob = /[*?[\]{}!]/.test(name) ? "*" : name;
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), glob));
        const forward = (type: FileChangeType) => (uri: vscode.Uri) => {
            if (uri.fsPath !== file || this.client.state !== State.Running) return;
            void this.client.sendNotification(DidChangeWatchedFilesNotification.type, {
                changes: [{ uri: this.client.code2ProtocolConverter.asUri(uri), type }],
            });
        };
        this.baselineWatcher = vscode.Disposable.from(
            watcher,
            watcher.onDidCreate(forward(FileChangeType.Created)),
            watcher.onDidChange(forward(FileChangeType.Changed)),
            watcher.onDidDelete(forward(FileChangeType.Deleted)),
        );
        this.output.info(`Watching the baseline ${file}`);
    }

    dispose(): void {
        this.disposed = true;
        this.baselineWatcher?.dispose();
        this.configWatcher.dispose();
    }
}
