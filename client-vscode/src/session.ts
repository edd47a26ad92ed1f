// The running state of the extension: the output channels, the status item and the language client.
// `start`, `stop` and `restart` are serialised so that commands, trust grants and setting changes cannot race.

import * as fs from "node:fs";
import * as os from "node:os";
import * as readline from "node:readline";
import type { Readable } from "node:stream";
import * as vscode from "vscode";
import {
    CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State,
    type CloseHandlerResult, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions,
} from "vscode-languageclient/node";
import { BaselineWatcher } from "./baselineWatcher";
import { parseBenchmarkReport } from "./benchmarkReport";
import { resolveServerLaunch, type Probe } from "./bootstrap";
import * as config from "./config";
import * as ext from "./lspExt";
import { BenchmarkReportPanel } from "./reportPanel";
import { RestartBudget } from "./restartPolicy";
import { pickBenchmarkJob } from "./commands";
import { needsBenchmarkJob, withBenchmarkJob } from "./serverCommandArgs";
import { executeServerCommand } from "./serverCommands";
import { StderrClassifier } from "./serverLog";
import { StatusItem } from "./status";

export const clientId = "hybridLsp"; // also the settings prefix the client reads `trace.server` from
export const clientName = "HybridLsp";

/** The environment variable that carries the libclang location to the server (DESIGN §7). */
export const libclangEnvVar = "HYBRID_LSP_LIBCLANG";

export const documentSelector = ["csharp", "rust", "c", "cpp"].map((language) => ({ scheme: "file", language }));

const watchedFiles = "**/{*.cs,*.csproj,*.props,*.targets,*.rs,Cargo.toml,*.c,*.h,*.cc,*.cpp,*.cxx,*.hpp,*.hh,*.hxx,CMakeLists.txt,*.cmake,hybrid-lsp.toml,compile_commands.json}";
/** A CMake build tree's File API reply: its flags feed the C/C++ parse (a reconfigure outside the editor re-checks). */
const watchedBuildTreeReplies = "**/.cmake/api/v1/reply/*.json";

export function nodeProbe(): Probe {
    return {
        fileTime(p) {
            try {
                const s = fs.statSync(p);
                return s.isFile() ? s.mtimeMs : undefined;
            } catch {
                return undefined;
            }
        },
        env: process.env,
        platform: process.platform,
        homeDir: os.homedir(),
    };
}

function eachLine(input: Readable, onLine: (line: string) => void): void {
    readline.createInterface({ input, crlfDelay: Infinity, terminal: false }).on("line", onLine);
}

export class Session implements vscode.Disposable {
    readonly output: vscode.LogOutputChannel;
    readonly traceOutput: vscode.LogOutputChannel;
    readonly status: StatusItem;
    readonly reports: BenchmarkReportPanel;
    private client: LanguageClient | undefined;
    private baseline: BaselineWatcher | undefined;
    private readonly budget = new RestartBudget(5, 3 * 60 * 1000);
    private queue: Promise<unknown> = Promise.resolve();
    private readonly statusEmitter = new vscode.EventEmitter<ext.ServerStatusParams>();
    readonly onDidChangeServerStatus = this.statusEmitter.event;

    constructor(readonly extension: vscode.ExtensionContext, showLogsCommand: string) {
        this.output = vscode.window.createOutputChannel(clientName, { log: true });
        this.traceOutput = vscode.window.createOutputChannel(`${clientName} Trace`, { log: true });
        this.status = new StatusItem(showLogsCommand);
        this.reports = new BenchmarkReportPanel(this.output);
    }

    get languageClient(): LanguageClient | undefined {
        return this.client;
    }

    get isRunning(): boolean {
        return this.client?.state === State.Running;
    }

    start(): Promise<void> {
        return this.serialise(() => this.doStart());
    }

    stop(): Promise<void> {
        return this.serialise(() => this.doStop());
    }

    /** A restart the user asked for (or a trust/setting change): forgets past crashes. */
    restart(reason: string): Promise<void> {
        return this.serialise(async () => {
            this.output.info(`Restarting the server: ${reason}`);
            this.budget.reset();
            await this.doStop();
            await this.doStart();
        });
    }

    async reindex(): Promise<ext.ReindexResult> {
        const client = this.client;
        if (client === undefined || client.state !== State.Running) {
            throw new Error("The HybridLsp server is not running. Run 'HybridLsp: Restart Server'.");
        }
        return client.sendRequest(ext.reindex);
    }

    markIdle(reason: string): void {
        this.output.info(reason);
        this.status.setPhase("idle", reason);
    }

    async dispose(): Promise<void> {
        await this.stop();
        this.reports.dispose();
        this.status.dispose();
        this.statusEmitter.dispose();
        this.output.dispose();
        this.traceOutput.dispose();
    }

    private serialise<T>(work: () => Promise<T>): Promise<T> {
        const next = this.queue.then(work, work);
        this.queue = next.catch(() => undefined);
        return next;
    }

    private async doStart(): Promise<void> {
        if (this.client !== undefined) return;
        const settings = config.readSettings(vscode.workspace.getConfiguration(config.section));
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const result = resolveServerLaunch({
            settingPath: settings.serverPath,
            extensionPath: this.extension.extensionPath,
            workspaceFolder: folder?.scheme === "file" ? folder.fsPath : undefined,
        }, nodeProbe());
        if (!result.ok) {
            this.output.error(result.message);
            this.status.setPhase("failed", result.message);
            void this.showError(result.message, result.reason === "server-not-found");
            return;
        }
        const launch = result.launch;
        this.output.info(launch.description);

        const env: NodeJS.ProcessEnv = { ...process.env };
        if (settings.libclangPath !== undefined) env[libclangEnvVar] = settings.libclangPath;
        const serverOptions: ServerOptions = {
            command: launch.command,
            args: [...launch.args],
            options: { env },
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector,
            outputChannel: this.output,
            traceOutputChannel: this.traceOutput,
            stdioOptions: {
                stdout: (input, channel) => eachLine(input, (line) => channel.info(line)),
                stderr: (input, channel) => {
                    const classifier = new StderrClassifier();
                    eachLine(input, (line) => {
                        const { level, text } = classifier.classify(line);
                        channel[level](text);
                    });
                },
            },
            revealOutputChannelOn: RevealOutputChannelOn.Never, // the status item and error messages tell about trouble
            initializationOptions: (): ext.InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
            synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher(watchedFiles), vscode.workspace.createFileSystemWatcher(watchedBuildTreeReplies)] },
            middleware: {
                // The server's commands (code lenses use them) go through the same path as the palette commands,
                // so a failure is a clear message instead of a line in the log only. A "Benchmark" lens names no job:
                // ask for a quick or a full run first, as the palette command does.
                executeCommand: async (command, args) => {
                    if (needsBenchmarkJob(command, args)) {
                        const quick = await pickBenchmarkJob();
                        if (quick === undefined) return undefined;
                        args = withBenchmarkJob(args, quick);
                    }
                    return executeServerCommand(this, command, args);
                },
            },
            errorHandler: {
                error: (error, _message, count): ErrorHandlerResult => {
                    this.output.error(`Connection error: ${error.message}`);
                    return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
                },
                closed: (): CloseHandlerResult => {
                    if (this.budget.tryRestart()) {
                        this.output.warn("The server stopped unexpectedly; restarting it.");
                        this.status.setPhase("starting");
                        return { action: CloseAction.Restart, handled: true };
                    }
                    const message = `The HybridLsp server stopped unexpectedly ${this.budget.maxRestarts} times in ` +
                        "3 minutes and will not be restarted. See the log, then run 'HybridLsp: Restart Server'.";
                    this.output.error(message);
                    this.status.setPhase("failed", message);
                    void this.showError(message, false);
                    return { action: CloseAction.DoNotRestart, handled: true };
                },
            },
        };

        const client = new LanguageClient(clientId, clientName, serverOptions, clientOptions);
        client.onDidChangeState((e) => {
            if (this.client !== client) return;
            if (e.newState === State.Running) this.status.setPhase("running");
            else if (e.newState === State.Starting) this.status.setPhase("starting");
        });
        client.onNotification(ext.serverStatus, (params) => {
            this.status.setServerStatus(params);
            this.statusEmitter.fire(params);
        });
        client.onNotification(ext.benchmarkReport, (params: unknown) => {
            const report = parseBenchmarkReport(params);
            if (report === undefined) {
                this.output.warn(`Ignoring a malformed ${ext.methods.benchmarkReport} notification`);
                return;
            }
            this.reports.show(report);
        });
        this.client = client;
        this.status.setPhase("starting");
        try {
            await client.start();
            this.status.setPhase("running");
            if (folder?.scheme === "file") this.baseline = new BaselineWatcher(client, folder, this.output);
        } catch (e) {
            const message = `The HybridLsp server did not start: ${e instanceof Error ? e.message : String(e)}`;
            this.output.error(message);
            this.client = undefined;
            this.status.setPhase("failed", message);
            try { await client.dispose(); } catch { /* already down */ }
            void this.showError(message, false);
        }
    }

    private async doStop(): Promise<void> {
        const client = this.client;
        this.client = undefined;
        this.baseline?.dispose();
        this.baseline = undefined;
        if (client === undefined) return;
        try {
            await client.stop(5000);
        } catch (e) {
            this.output.warn(`Stopping the server: ${e instanceof Error ? e.message : String(e)}`);
        }
        this.status.setPhase("stopped");
    }

    private async showError(message: string, offerSettings: boolean): Promise<void> {
        const actions = offerSettings ? ["Open Settings", "Show Logs"] : ["Show Logs"];
        const choice = await vscode.window.showErrorMessage(message, ...actions);
        if (choice === "Show Logs") this.output.show(true);
        else if (choice === "Open Settings") {
            await vscode.commands.executeCommand("workbench.action.openSettings", `${config.section}.server.path`);
        }
    }
}
