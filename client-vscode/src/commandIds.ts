// The client's command ids (package.json `contributes.commands`). No 'vscode' import, so the unit tests can check
// the manifest against them. They never equal the server's command ids (lspExtTypes.ts `serverCommands`), which
// vscode-languageclient registers itself for the code lenses.

export const commandIds = {
    restartServer: "hybridLsp.restartServer",
    showLogs: "hybridLsp.showLogs",
    reindex: "hybridLsp.reindex",
    checkWorkspace: "hybridLsp.checkWorkspace",
    openConfiguration: "hybridLsp.openConfiguration",
    buildNativeModule: "hybridLsp.buildNativeModule",
    bindExports: "hybridLsp.bindExports",
    benchmark: "hybridLsp.benchmarkExtern",
    extractToNative: "hybridLsp.extractToNative",
} as const;
