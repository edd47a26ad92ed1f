import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { StderrClassifier } from "../src/serverLog";

describe("server stderr levels", () => {
    it("keeps the server's level and drops its time and tag", () => {
        const c = new StderrClassifier();
        assert.deepEqual(c.classify("19:53:33.131 [INF] HybridLsp.Server: serving over stdio"),
            { level: "info", text: "HybridLsp.Server: serving over stdio" });
        assert.equal(c.classify("19:53:33.131 [WRN] x").level, "warn");
        assert.equal(c.classify("19:53:33.131 [DBG] x").level, "debug");
        assert.equal(c.classify("19:53:33.131 [VRB] x").level, "trace");
        assert.equal(c.classify("19:53:33.131 [FTL] x").level, "error");
    });

    it("gives stack frames the level of the line they continue", () => {
        const c = new StderrClassifier();
        c.classify("19:53:33.131 [WRN] HybridLsp.Server: request failed");
        assert.equal(c.classify("   at HybridLsp.Foo.Bar()").level, "warn");
    });

    it("treats untagged lines as errors (dotnet host messages, crashes)", () => {
        const c = new StderrClassifier();
        assert.equal(c.classify("You must install or update .NET to run this application.").level, "error");
        c.classify("19:53:33.131 [INF] fine");
        assert.equal(c.classify("Unhandled exception. System.InvalidOperationException: boom").level, "error");
        assert.equal(c.classify("   at X.Y()").level, "error");
    });
});
