import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { commandIds } from "../src/commandIds";
import { serverCommands } from "../src/lspExtTypes";
import { RestartBudget } from "../src/restartPolicy";
import { parseServerStatus, presentStatus } from "../src/statusModel";
import { isHybridWorkspace } from "../src/workspaceKind";
import { starterConfig } from "../src/starterConfig";

describe("restart budget", () => {
    it("allows 5 restarts in 3 minutes, then refuses until the oldest leaves the window", () => {
        let now = 0;
        const b = new RestartBudget(5, 180_000, () => now);
        for (let i = 0; i < 5; i++) {
            now += 1_000;
            assert.equal(b.tryRestart(), true, `restart ${i + 1}`);
        }
        now += 1_000;
        assert.equal(b.tryRestart(), false);
        now = 1_000 + 180_000; // the first restart is now 3 minutes old
        assert.equal(b.tryRestart(), true);
        assert.equal(b.tryRestart(), false);
    });

    it("forgets crashes on reset", () => {
        const b = new RestartBudget(1, 180_000, () => 0);
        assert.equal(b.tryRestart(), true);
        assert.equal(b.tryRestart(), false);
        b.reset();
        assert.equal(b.tryRestart(), true);
    });
});

describe("status bar model", () => {
    it("shows indexing, ready, warning and error from the server status", () => {
        assert.match(presentStatus("running", { health: "ok", indexing: true, message: "" }).text, /indexing/);
        const ready = presentStatus("running", { health: "ok", indexing: false, message: "3 bindings" });
        assert.equal(ready.text, "$(check) HybridLsp");
        assert.equal(ready.label, "HybridLsp: ready");
        assert.match(ready.tooltip, /Ready: 3 bindings/);
        assert.equal(presentStatus("running", { health: "warning", indexing: false, message: "w" }).severity, "warning");
        assert.equal(presentStatus("running", { health: "error", indexing: false, message: "e" }).severity, "error");
        assert.equal(presentStatus("failed", undefined, "dotnet missing").tooltip.startsWith("dotnet missing"), true);
    });

    it("validates notifications", () => {
        assert.deepEqual(parseServerStatus({ health: "ok", indexing: true, message: "m" }), { health: "ok", indexing: true, message: "m" });
        assert.deepEqual(parseServerStatus({ health: "warning" }), { health: "warning", indexing: false, message: "" });
        assert.equal(parseServerStatus({ health: "fine" }), undefined);
        assert.equal(parseServerStatus(null), undefined);
        assert.equal(parseServerStatus("ok"), undefined);
    });
});

describe("workspace kind", () => {
    it("is hybrid with a .csproj plus a Cargo.toml or CMakeLists.txt", () => {
        assert.equal(isHybridWorkspace({ csproj: true, cargoToml: true, cmakeLists: false }), true);
        assert.equal(isHybridWorkspace({ csproj: true, cargoToml: false, cmakeLists: true }), true);
        assert.equal(isHybridWorkspace({ csproj: true, cargoToml: false, cmakeLists: false }), false);
        assert.equal(isHybridWorkspace({ csproj: false, cargoToml: true, cmakeLists: true }), false);
    });
});

describe("starter configuration", () => {
    it("is entirely comments, so creating it changes no diagnostics", () => {
        for (const line of starterConfig.split("\n")) assert.ok(line === "" || line.startsWith("#"), line);
    });
});

describe("manifest", () => {
    const clientDir = join(__dirname, "..");
    const manifest = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8"));

    it("contributes exactly the client settings of DESIGN §4.2", () => {
        const props = Object.keys(manifest.contributes.configuration.properties).sort();
        assert.deepEqual(props, ["hybridLsp.libclang.path", "hybridLsp.server.path", "hybridLsp.trace.server"]);
        for (const p of props) assert.ok(manifest.contributes.configuration.properties[p].markdownDescription, p);
    });

    it("supports untrusted workspaces in a limited way and needs VS Code 1.100 at most", () => {
        assert.equal(manifest.capabilities.untrustedWorkspaces.supported, "limited");
        assert.equal(manifest.engines.vscode, "^1.100.0");
    });

    it("declares every command it registers", () => {
        const ids = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
        assert.deepEqual(ids, ["hybridLsp.benchmarkExtern", "hybridLsp.bindExports", "hybridLsp.buildNativeModule",
            "hybridLsp.checkWorkspace", "hybridLsp.extractToNative", "hybridLsp.openConfiguration", "hybridLsp.reindex",
            "hybridLsp.restartServer", "hybridLsp.showLogs"]);
        assert.deepEqual(ids, Object.values(commandIds).sort());
    });

    it("never declares a server command id (vscode-languageclient registers those for code lenses)", () => {
        const ids = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
        for (const id of Object.values(serverCommands)) assert.ok(!ids.has(id), id);
        for (const id of Object.values(commandIds)) assert.ok(!(Object.values(serverCommands) as string[]).includes(id), id);
    });

    it("turns the commands that build, run or write native code off in untrusted workspaces", () => {
        const byId = new Map<string, { enablement?: string }>(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
        for (const id of [commandIds.buildNativeModule, commandIds.benchmark, commandIds.extractToNative]) {
            assert.equal(byId.get(id)?.enablement, "isWorkspaceTrusted", id);
        }
        // Bind Exports only edits C# text: the server runs hybridLsp.bindAll without trust (LSP-EXTENSIONS.md).
        assert.equal(byId.get(commandIds.bindExports)?.enablement, undefined);
        assert.equal(byId.get(commandIds.restartServer)?.enablement, undefined);
    });

    it("has the walkthrough: create a crate, extract, build, benchmark, each with a page and a button", () => {
        const [walkthrough] = manifest.contributes.walkthroughs;
        assert.equal(walkthrough.title, "Your first native function");
        assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ["createCrate", "extractMethod", "build", "benchmark"]);
        for (const step of walkthrough.steps) {
            assert.ok(existsSync(join(clientDir, step.media.markdown)), step.media.markdown);
            const button = /\n\[[^\]]+\]\(command:([\w.]+)\)$/.exec(step.description);
            assert.ok(button, `step ${step.id} ends with a command button`);
            assert.ok((Object.values(commandIds) as string[]).includes(button[1]!), button[1]);
            assert.ok(step.completionEvents.length > 0);
            for (const e of step.completionEvents as string[]) {
                const m = /^onCommand:(.*)$/.exec(e);
                if (m) assert.ok([...Object.values(commandIds), ...Object.values(serverCommands)].includes(m[1]! as never), e);
            }
        }
        assert.deepEqual(walkthrough.steps[0].completionEvents, ["onContext:hybridLsp.hasNativeModule"]);
    });

    it("ships what the manifest points at (schema, walkthrough pages) in the package", () => {
        const [toml] = manifest.contributes.tomlValidation;
        assert.equal(toml.fileMatch, "hybrid-lsp.toml");
        assert.ok(existsSync(join(clientDir, toml.url)));
        const ignore = readFileSync(join(clientDir, ".vscodeignore"), "utf8").split("\n");
        assert.ok(ignore.includes("!media/**") && ignore.includes("!schemas/**"));
        assert.equal(manifest.publisher, "hybrid-lsp");
        assert.equal(manifest.repository, undefined, "no invented repository URL");
    });
});
