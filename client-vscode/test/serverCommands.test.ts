import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { serverCommands } from "../src/lspExtTypes";
import {
    benchmarkArgs, bindAllArgs, buildArgs, describeFailure, extractArgs, extractNextChoices, extractNextSteps, isAdvertised, methodDeclarationPosition, needsBenchmarkJob, withBenchmarkJob,
    resultMessage, untrustedMessage,
} from "../src/serverCommandArgs";

describe("server command arguments", () => {
    it("build: the module folder, release only when asked", () => {
        assert.deepEqual(buildArgs("/ws/native/fastmath"), [{ module: "/ws/native/fastmath" }]);
        assert.deepEqual(buildArgs("native/fastmath", true), [{ module: "native/fastmath", release: true }]);
        assert.equal(JSON.stringify(buildArgs("/m")), '[{"module":"/m"}]');
    });

    it("bindAll: the library name", () => {
        assert.deepEqual(bindAllArgs("fastmath"), [{ library: "fastmath" }]);
    });

    it("benchmark: uri and a plain position (no extra fields from a vscode.Position)", () => {
        const position = { line: 21, character: 30, extra: "ignored" };
        assert.equal(JSON.stringify(benchmarkArgs("file:///ws/app/A.cs", position)),
            '[{"uri":"file:///ws/app/A.cs","position":{"line":21,"character":30}}]');
        assert.equal(JSON.stringify(benchmarkArgs("file:///ws/app/A.cs", position, true)),
            '[{"uri":"file:///ws/app/A.cs","position":{"line":21,"character":30},"quick":true}]');
    });

    it("extract: optional into and name are left out when not chosen", () => {
        assert.deepEqual(extractArgs("file:///a.cs", { line: 1, character: 2 }, "rust", "/ws/native/fm", "compute_sum"),
            [{ uri: "file:///a.cs", position: { line: 1, character: 2 }, language: "rust", into: "/ws/native/fm", name: "compute_sum" }]);
        assert.deepEqual(extractArgs("file:///a.cs", { line: 1, character: 2 }, "cpp", undefined, undefined),
            [{ uri: "file:///a.cs", position: { line: 1, character: 2 }, language: "cpp" }]);
    });

    it("knows whether the server advertised a command", () => {
        const caps = { executeCommandProvider: { commands: [serverCommands.build, serverCommands.extract] } };
        assert.ok(isAdvertised(caps, serverCommands.build));
        assert.ok(!isAdvertised(caps, serverCommands.benchmark));
        assert.ok(!isAdvertised({}, serverCommands.build));
        assert.ok(!isAdvertised(undefined, serverCommands.build));
    });
});

describe("server command results", () => {
    it("shows the result's message line (hybridLsp.bindAll), also when nothing was applied", () => {
        assert.equal(resultMessage({ applied: true, file: "/ws/app/Native.cs", message: "Bound the unbound exports of 'fastmath' in /ws/app/Native.cs" }),
            "Bound the unbound exports of 'fastmath' in /ws/app/Native.cs");
        assert.equal(resultMessage({ applied: false, message: " Nothing to bind for 'x': … " }), "Nothing to bind for 'x': …");
    });

    it("shows nothing for results without one", () => {
        for (const r of [null, undefined, 3, "text", {}, { message: 4 }, { message: "  " }]) assert.equal(resultMessage(r), undefined, JSON.stringify(r));
    });
});

describe("server command failures", () => {
    it("shows the server's own reason for RequestFailed (e.g. an untrusted workspace)", () => {
        const f = describeFailure("Build Native Module", { code: -32803, message: "hybridLsp.build needs a trusted workspace." });
        assert.equal(f.kind, "error");
        assert.equal(f.message, "HybridLsp: Build Native Module failed: hybridLsp.build needs a trusted workspace.");
    });

    it("says a cancellation is one, and shows nothing alarming", () => {
        assert.equal(describeFailure("Benchmark", { code: -32800, message: "cancelled" }).kind, "cancelled");
    });

    it("names invalid arguments and unknown commands", () => {
        assert.match(describeFailure("Bind Exports", { code: -32602, message: "missing 'library'" }).message,
            /rejected the arguments of Bind Exports: missing 'library'\.$/);
        assert.match(describeFailure("Extract to Native", { code: -32601, message: "unknown command" }).message, /update the server/);
        assert.match(describeFailure("Benchmark", { code: -32801, message: "x" }).message, /run it again/);
        assert.match(describeFailure("Benchmark", { code: -32002, message: "x" }).message, /still starting/);
    });

    it("points at the log for other errors (a dropped connection)", () => {
        const f = describeFailure("Build Native Module", new Error("Connection got disposed."));
        assert.equal(f.message, "HybridLsp: Build Native Module failed: Connection got disposed. See 'HybridLsp: Show Logs'.");
        assert.match(describeFailure("X", "plain string").message, /plain string/);
    });

    it("explains why a command is off in an untrusted workspace", () => {
        const m = untrustedMessage("Benchmark");
        assert.match(m, /Benchmark is turned off in an untrusted workspace/);
        assert.match(m, /Manage Workspace Trust/);
    });
});

describe("benchmark lens job", () => {
    it("asks for the job only when a benchmark invocation names none", () => {
        const at = { uri: "file:///ws/a.cs", position: { line: 4, character: 30 } };
        assert.equal(needsBenchmarkJob("hybridLsp.benchmark", [at]), true);
        assert.equal(needsBenchmarkJob("hybridLsp.benchmark", [{ ...at, quick: true }]), false);
        assert.equal(needsBenchmarkJob("hybridLsp.benchmark", [{ ...at, quick: false }]), false);
        assert.equal(needsBenchmarkJob("hybridLsp.build", [{ module: "/m" }]), false);
        assert.equal(needsBenchmarkJob("hybridLsp.benchmark", []), false);
        assert.equal(needsBenchmarkJob("hybridLsp.benchmark", [null]), false);
    });

    it("adds the chosen job and keeps the rest", () => {
        const at = { uri: "file:///ws/a.cs", position: { line: 4, character: 30 } };
        assert.deepEqual(withBenchmarkJob([at], true), [{ ...at, quick: true }]);
        assert.deepEqual(withBenchmarkJob([at, 2], false), [{ ...at, quick: false }, 2]);
        assert.deepEqual(at, { uri: "file:///ws/a.cs", position: { line: 4, character: 30 } });
    });
});

describe("extract next steps", () => {
    it("an applied extraction names the method, module and project", () => {
        assert.deepEqual(extractNextSteps({ applied: true, method: "Sum", module: "/ws/native/k", project: "/ws/app/App.csproj", message: "x" }),
            { method: "Sum", module: "/ws/native/k", project: "/ws/app/App.csproj", wired: false });
        assert.deepEqual(extractNextSteps({ applied: true, method: "Sum", module: "/ws/native/k" }), { method: "Sum", module: "/ws/native/k", wired: false });
        assert.deepEqual(extractNextSteps({ applied: true, method: "Sum", module: "/ws/native/k", project: "/ws/app/App.csproj", wired: true }),
            { method: "Sum", module: "/ws/native/k", project: "/ws/app/App.csproj", wired: true });
    });

    it("offers Wire only when the extraction left the project unwired", () => {
        assert.deepEqual(extractNextChoices({ method: "Sum", module: "/m", project: "/p.csproj", wired: true }), ["build", "buildAndBenchmark"]);
        assert.deepEqual(extractNextChoices({ method: "Sum", module: "/m", project: "/p.csproj", wired: false }), ["wire", "build", "buildAndBenchmark"]);
        assert.deepEqual(extractNextChoices({ method: "Sum", module: "/m", wired: false }), ["build", "buildAndBenchmark"]);
    });

    it("anything else has no next steps", () => {
        assert.equal(extractNextSteps({ applied: false, method: "Sum", module: "/m" }), undefined);
        assert.equal(extractNextSteps({ applied: true, message: "older server" }), undefined);
        assert.equal(extractNextSteps(null), undefined);
        assert.equal(extractNextSteps("applied"), undefined);
    });

    it("finds the method's declaration, not its managed twin, a call or a comment", () => {
        const text = [
            "static class Kernels",
            "{",
            "    // Sum(values) adds them up",
            "    public static int SumManaged(ReadOnlySpan<int> values) { return 0; }",
            "    static int Twice(int x) => Sum(default) + x;",
            "    int total = Sum(default);",
            "    public static int Sum(ReadOnlySpan<int> values)",
            "        => (int)Native.k_sum(values);",
            "}",
        ].join("\n");
        assert.deepEqual(methodDeclarationPosition(text, "Sum"), { line: 6, character: 22 });
        assert.deepEqual(methodDeclarationPosition(text, "SumManaged"), { line: 3, character: 22 });
        assert.equal(methodDeclarationPosition(text, "Missing"), undefined);
        assert.equal(methodDeclarationPosition("    return Sum(x);", "Sum"), undefined);
    });
});
