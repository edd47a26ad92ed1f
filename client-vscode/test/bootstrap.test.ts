import assert from "node:assert/strict";
import * as path from "node:path";
import { describe, it } from "node:test";
import {
    bundledServerPath, developmentServerPaths, dotnetCandidates, dotnetMissingMessage, resolveServerLaunch,
    resolveSettingPath, type BootstrapInput, type Probe,
} from "../src/bootstrap";

const ext = "/home/u/.vscode/extensions/hybrid-lsp-0.1.0";
const repoExt = "/src/repo/client-vscode";

function probe(files: Record<string, number>, env: Record<string, string> = { PATH: "/usr/bin:/bin" },
    platform: NodeJS.Platform = "linux"): Probe {
    return { fileTime: (p) => files[p], env, platform, homeDir: "/home/u" };
}

function input(over: Partial<BootstrapInput> = {}): BootstrapInput {
    return { settingPath: undefined, extensionPath: ext, workspaceFolder: "/work/demo", ...over };
}

describe("resolveServerLaunch", () => {
    it("prefers the setting over the bundled server", () => {
        const r = resolveServerLaunch(input({ settingPath: "/opt/hl/hybrid-lsp.dll" }),
            probe({ "/opt/hl/hybrid-lsp.dll": 1, [bundledServerPath(ext)]: 1, "/usr/bin/dotnet": 1 }));
        assert.ok(r.ok);
        assert.equal(r.launch.source, "setting");
        assert.equal(r.launch.command, "/usr/bin/dotnet");
        assert.deepEqual(r.launch.args, ["/opt/hl/hybrid-lsp.dll", "serve"]);
        assert.match(r.launch.description, /setting/);
    });

    it("resolves a relative setting against the workspace folder and ~ against home", () => {
        const p = probe({});
        assert.equal(resolveSettingPath("tools/hybrid-lsp.dll", input(), p), "/work/demo/tools/hybrid-lsp.dll");
        assert.equal(resolveSettingPath("~/hl/hybrid-lsp", input(), p), "/home/u/hl/hybrid-lsp");
        assert.equal(resolveSettingPath("x.dll", input({ workspaceFolder: undefined }), p), path.join(ext, "x.dll"));
    });

    it("reports a setting that points at nothing, without falling back silently", () => {
        const r = resolveServerLaunch(input({ settingPath: "/nope/hybrid-lsp.dll" }),
            probe({ [bundledServerPath(ext)]: 1, "/usr/bin/dotnet": 1 }));
        assert.ok(!r.ok);
        assert.equal(r.reason, "server-not-found");
        assert.match(r.message, /hybridLsp\.server\.path/);
        assert.match(r.message, /\/nope\/hybrid-lsp\.dll/);
    });

    it("runs an executable setting directly, without dotnet", () => {
        const r = resolveServerLaunch(input({ settingPath: "/opt/hl/hybrid-lsp" }), probe({ "/opt/hl/hybrid-lsp": 1 }));
        assert.ok(r.ok);
        assert.equal(r.launch.command, "/opt/hl/hybrid-lsp");
        assert.deepEqual(r.launch.args, ["serve"]);
    });

    it("uses the bundled server when there is no setting", () => {
        const r = resolveServerLaunch(input(), probe({ [bundledServerPath(ext)]: 1, "/usr/bin/dotnet": 1 }));
        assert.ok(r.ok);
        assert.equal(r.launch.source, "bundled");
        assert.equal(r.launch.serverFile, path.join(ext, "server", "hybrid-lsp.dll"));
    });

    it("falls back to the newer development build", () => {
        const [debug, release] = developmentServerPaths(repoExt);
        assert.equal(release, "/src/repo/server/bin/Release/net10.0/hybrid-lsp.dll");
        const r = resolveServerLaunch(input({ extensionPath: repoExt }),
            probe({ [debug!]: 200, [release!]: 100, "/usr/bin/dotnet": 1 }));
        assert.ok(r.ok);
        assert.equal(r.launch.source, "development");
        assert.equal(r.launch.serverFile, debug);
        const r2 = resolveServerLaunch(input({ extensionPath: repoExt }), probe({ [release!]: 100, "/usr/bin/dotnet": 1 }));
        assert.ok(r2.ok);
        assert.equal(r2.launch.serverFile, release);
    });

    it("says where it looked when there is no server at all", () => {
        const r = resolveServerLaunch(input(), probe({ "/usr/bin/dotnet": 1 }));
        assert.ok(!r.ok);
        assert.equal(r.reason, "server-not-found");
        assert.match(r.message, /hybridLsp\.server\.path/);
        assert.ok(r.message.includes(bundledServerPath(ext)));
    });

    it("says how to install .NET when dotnet is missing", () => {
        const r = resolveServerLaunch(input(), probe({ [bundledServerPath(ext)]: 1 }, { PATH: "/usr/bin" }));
        assert.ok(!r.ok);
        assert.equal(r.reason, "dotnet-not-found");
        assert.match(r.message, /\.NET 10 runtime/);
        assert.match(r.message, /dotnet\.microsoft\.com\/download/);
        assert.match(r.message, /DOTNET_ROOT/);
        assert.match(r.message, /Restart Server/);
    });
});

describe("dotnet discovery", () => {
    it("looks in DOTNET_ROOT first, then PATH, then the usual folders", () => {
        const c = dotnetCandidates(probe({}, { DOTNET_ROOT: "/opt/dotnet", PATH: "/a:/b" }));
        assert.deepEqual(c.slice(0, 3), ["/opt/dotnet/dotnet", "/a/dotnet", "/b/dotnet"]);
        assert.ok(c.includes("/home/u/.dotnet/dotnet"));
        assert.ok(c.includes("/usr/share/dotnet/dotnet"));
    });

    it("finds dotnet under DOTNET_ROOT when PATH lacks it", () => {
        const r = resolveServerLaunch(input(),
            probe({ [bundledServerPath(ext)]: 1, "/opt/dotnet/dotnet": 1 }, { DOTNET_ROOT: "/opt/dotnet", PATH: "/usr/bin" }));
        assert.ok(r.ok);
        assert.equal(r.launch.command, "/opt/dotnet/dotnet");
    });

    it("uses dotnet.exe and ; on Windows", () => {
        const c = dotnetCandidates(probe({}, { Path: "C:\\tools;D:\\dn", ProgramFiles: "C:\\Program Files" }, "win32"));
        assert.deepEqual(c, ["C:\\tools\\dotnet.exe", "D:\\dn\\dotnet.exe", "C:\\Program Files\\dotnet\\dotnet.exe"]);
    });

    it("gives a platform-specific install hint", () => {
        assert.match(dotnetMissingMessage("win32"), /winget/);
        assert.match(dotnetMissingMessage("darwin"), /brew/);
        assert.match(dotnetMissingMessage("linux"), /apt-get install dotnet-runtime-10\.0/);
    });
});
