// Code lenses carry the server's command ids (hybridLsp.build …). vscode-languageclient registers every id the server
// advertises in `executeCommandProvider` as a VS Code command and calls `middleware.executeCommand` with the lens's
// arguments; session.ts routes that middleware to executeServerCommand. This test pins that library behaviour with a
// stand-in for the 'vscode' module, so an update of vscode-languageclient that changes it fails here.
import assert from "node:assert/strict";
import Module from "node:module";
import { after, describe, it } from "node:test";
import { serverCommands } from "../src/lspExtTypes";

type Handler = (...args: unknown[]) => unknown;
const registered = new Map<string, Handler>();
const fakeVscode = {
    commands: {
        registerCommand(id: string, handler: Handler) {
            assert.ok(!registered.has(id), `command '${id}' registered twice`);
            registered.set(id, handler);
            return { dispose: () => registered.delete(id) };
        },
    },
    EventEmitter: class { event = () => ({ dispose() {} }); fire() {} dispose() {} },
    CancellationError: class extends Error {},
    Disposable: class { static from() { return { dispose() {} }; } dispose() {} },
    languages: {},
    workspace: {},
};

const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = loader._load;
loader._load = function (request: string, ...rest: unknown[]) {
    return request === "vscode" ? fakeVscode : originalLoad.call(this, request, ...rest);
};
after(() => { loader._load = originalLoad; });

// The package exports its internals for tests under "$test/common/*".
const { ExecuteCommandFeature } = require("vscode-languageclient/$test/common/executeCommand") as {
    ExecuteCommandFeature: new (client: unknown) => { initialize(capabilities: unknown): void; clear(): void };
};

describe("server commands used by code lenses", () => {
    it("are registered from executeCommandProvider and run through middleware.executeCommand with the lens arguments", async () => {
        const viaMiddleware: [string, unknown[]][] = [];
        const client = {
            middleware: {
                executeCommand: (command: string, args: unknown[]) => {
                    viaMiddleware.push([command, args]);
                    return Promise.resolve({ message: "built" });
                },
            },
            sendRequest: () => { throw new Error("the middleware must handle server commands"); },
        };
        const feature = new ExecuteCommandFeature(client);
        feature.initialize({ executeCommandProvider: { commands: [serverCommands.build, serverCommands.benchmark] } });
        assert.deepEqual([...registered.keys()].sort(), [serverCommands.benchmark, serverCommands.build]);

        const lensArgs = { module: "/ws/native/fastmath" };
        assert.deepEqual(await registered.get(serverCommands.build)!(lensArgs), { message: "built" });
        assert.deepEqual(viaMiddleware, [[serverCommands.build, [lensArgs]]]);

        feature.clear();
        assert.equal(registered.size, 0, "a stopped client unregisters them (a restart registers them again)");
    });

    it("registers nothing when the server advertises no commands", () => {
        const feature = new ExecuteCommandFeature({ middleware: {} });
        feature.initialize({});
        assert.equal(registered.size, 0);
    });
});
