// Runs the server's `workspace/executeCommand` commands through the language client, for the palette commands
// (commands.ts) and for the code lenses the server returns (session.ts routes vscode-languageclient's
// registered server commands here through `middleware.executeCommand`). Failures become one clear message.

import * as vscode from "vscode";
import { ExecuteCommandRequest, State, type LanguageClient } from "vscode-languageclient/node";
import { serverCommands, type ServerCommand } from "./lspExtTypes";
import { describeFailure, isAdvertised, resultMessage } from "./serverCommandArgs";

/** What the user calls each server command in messages. */
export const commandTitles: Readonly<Record<ServerCommand, string>> = {
    [serverCommands.build]: "Build Native Module",
    [serverCommands.wire]: "Wire Native Module",
    [serverCommands.bindAll]: "Bind Exports",
    [serverCommands.benchmark]: "Benchmark",
    [serverCommands.extract]: "Extract to Native",
};

export function titleOf(command: string): string {
    return (commandTitles as Record<string, string>)[command] ?? command;
}

export interface CommandHost {
    readonly languageClient: LanguageClient | undefined;
    readonly output: vscode.LogOutputChannel;
}

/**
 * Sends `workspace/executeCommand`. Resolves with the server's result, or undefined after showing why when the
 * server is not running, does not offer the command, or fails (a cancellation shows nothing).
 */
export async function executeServerCommand(host: CommandHost, command: string, args: unknown[]): Promise<unknown> {
    const title = titleOf(command);
    const client = host.languageClient;
    if (client === undefined || client.state !== State.Running) {
        void showError(host, `HybridLsp: ${title} needs the HybridLsp server, which is not running. Run 'HybridLsp: Restart Server'.`);
        return undefined;
    }
    if (command in commandTitles && !isAdvertised(client.initializeResult?.capabilities, command as ServerCommand)) {
        void showError(host, `HybridLsp: this server does not offer ${title} ('${command}'); update the server or the extension.`);
        return undefined;
    }
    host.output.info(`${title}: ${command} ${JSON.stringify(args)}`);
    try {
        const result = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
        host.output.info(`${title} finished${result === null || result === undefined ? "" : `: ${JSON.stringify(result)}`}`);
        // Results carry one line for people (LSP-EXTENSIONS.md: `message`), also when nothing was done and why.
        const message = resultMessage(result);
        if (message !== undefined) void vscode.window.showInformationMessage(`HybridLsp: ${message}`);
        return result ?? null;
    } catch (e) {
        const failure = describeFailure(title, e);
        if (failure.kind === "cancelled") host.output.info(failure.message);
        else void showError(host, failure.message);
        return undefined;
    }
}

async function showError(host: CommandHost, message: string): Promise<void> {
    host.output.error(message);
    if (await vscode.window.showErrorMessage(message, "Show Logs") === "Show Logs") host.output.show(true);
}
