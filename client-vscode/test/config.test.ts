import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readSettings, restartKeys, type SettingsSource } from "../src/config";

function source(values: Record<string, unknown>): SettingsSource {
    return { get: <T>(key: string) => values[key] as T | undefined };
}

describe("settings", () => {
    it("has defaults when nothing is set", () => {
        assert.deepEqual(readSettings(source({})), { serverPath: undefined, traceServer: "off", libclangPath: undefined });
    });

    it("reads and trims the paths", () => {
        const s = readSettings(source({ "server.path": "  /opt/hl/hybrid-lsp.dll ", "libclang.path": "/usr/lib/libclang.so" }));
        assert.equal(s.serverPath, "/opt/hl/hybrid-lsp.dll");
        assert.equal(s.libclangPath, "/usr/lib/libclang.so");
    });

    it("treats empty, blank and non-string paths as unset", () => {
        for (const v of ["", "   ", 42, null, ["/x"], { path: "/x" }]) {
            const s = readSettings(source({ "server.path": v, "libclang.path": v }));
            assert.equal(s.serverPath, undefined, JSON.stringify(v));
            assert.equal(s.libclangPath, undefined, JSON.stringify(v));
        }
    });

    it("accepts only the known trace levels", () => {
        assert.equal(readSettings(source({ "trace.server": "messages" })).traceServer, "messages");
        assert.equal(readSettings(source({ "trace.server": "verbose" })).traceServer, "verbose");
        for (const v of ["Verbose", "all", true, 1, undefined]) {
            assert.equal(readSettings(source({ "trace.server": v })).traceServer, "off");
        }
    });

    it("restarts the server for path settings only", () => {
        assert.deepEqual([...restartKeys].sort(), ["hybridLsp.libclang.path", "hybridLsp.server.path"]);
    });
});
