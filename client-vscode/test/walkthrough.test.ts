// The ids the client uses to complete the walkthrough's "Create a crate" step match the manifest's walkthrough.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import {
    createCrateStepId, hasNativeModuleContext, walkthroughId, walkthroughStepId,
} from "../src/walkthrough";

interface Step { id: string; title: string; completionEvents?: string[] }
interface Walkthrough { id: string; steps: Step[] }
const manifest = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")) as {
    name: string; publisher: string; contributes: { walkthroughs: Walkthrough[] };
};

describe("walkthrough ids", () => {
    const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === walkthroughId);

    it("name a contributed walkthrough whose first step is 'Create a crate'", () => {
        assert.ok(walkthrough, `no walkthrough '${walkthroughId}' in package.json`);
        assert.equal(walkthrough.steps[0]?.id, createCrateStepId);
        assert.equal(walkthrough.steps[0]?.title, "Create a crate");
    });

    it("keep the context key as the step's completion event", () => {
        assert.deepEqual(walkthrough?.steps[0]?.completionEvents, [`onContext:${hasNativeModuleContext}`]);
    });

    it("compose the full step id the way VS Code does (publisher.name#walkthrough#step)", () => {
        const extensionId = `${manifest.publisher}.${manifest.name}`;
        assert.equal(walkthroughStepId(extensionId, walkthroughId, createCrateStepId),
            "hybrid-lsp.hybrid-lsp#firstNativeFunction#createCrate");
    });
});
