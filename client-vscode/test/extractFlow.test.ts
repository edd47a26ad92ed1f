import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
    defaultFunctionName, enclosingMethodName, newModuleFolder, runExtractFlow, snakeCase, targetItems, validateFunctionName,
    validateModuleName, type FlowUi, type PickItem,
} from "../src/extractFlow";
import type { NativeModule } from "../src/nativeModules";

const fastmath: NativeModule = { kind: "cargo", folder: "/ws/native/fastmath", label: "native/fastmath", libraries: ["fastmath"], accepts: "rust" };
const imageops: NativeModule = { kind: "cmake", folder: "/ws/native/imageops", label: "native/imageops", libraries: ["imageops"], accepts: undefined };
const geometry: NativeModule = { kind: "cmake", folder: "/ws/native/geometry", label: "native/geometry", libraries: ["geometry"], accepts: "cpp" };

/** A UI that answers from a script and records what it was asked. */
function scripted(answers: (string | undefined)[]): { ui: FlowUi; asked: string[] } {
    const asked: string[] = [];
    const ui: FlowUi = {
        async pick<T>(title: string, items: readonly PickItem<T>[], placeholder: string) {
            asked.push(`pick ${title} | ${placeholder} | ${items.map((i) => i.label).join(", ")}`);
            const answer = answers.shift();
            if (answer === undefined) return undefined;
            const item = items.find((i) => i.label === answer);
            assert.ok(item, `no item '${answer}'`);
            return item.value;
        },
        async input(title, prompt, value, validate) {
            asked.push(`input ${title} | ${prompt} | default '${value}'`);
            const answer = answers.shift();
            if (answer === undefined) return undefined;
            const typed = answer === "<default>" ? value : answer;
            assert.equal(validate(typed), undefined, `'${typed}' should be valid`);
            return typed;
        },
    };
    return { ui, asked };
}

describe("extract flow", () => {
    it("Rust into an existing crate: language, crate, name (default snake_case of the method)", async () => {
        const { ui, asked } = scripted(["Rust", "native/fastmath", "<default>"]);
        const choice = await runExtractFlow(ui, [fastmath, imageops, geometry], "/ws", "ComputeSum");
        assert.deepEqual(choice, { language: "rust", into: "/ws/native/fastmath", isNew: false, name: "compute_sum" });
        assert.deepEqual(asked, [
            "pick Extract 'ComputeSum' to native code (1/3) | Which language should the native function be written in? | Rust, C++",
            "pick Extract 'ComputeSum' to native code (2/3) | Which crate should hold the function? | native/fastmath, $(add) New Rust crate…",
            "input Extract 'ComputeSum' to native code (3/3) | Name of the exported Rust function | default 'compute_sum'",
        ]);
    });

    it("C++ offers only CMake projects that take C++, then a new library beside them", async () => {
        const { ui, asked } = scripted(["C++", "$(add) New C++ library…", "imaging", "blur_rows"]);
        const choice = await runExtractFlow(ui, [fastmath, imageops, geometry], "/ws", "BlurRows");
        assert.deepEqual(choice, { language: "cpp", into: "/ws/native/imaging", isNew: true, name: "blur_rows" });
        assert.match(asked[1]!, /\| native\/geometry, \$\(add\) New C\+\+ library…$/);
        assert.match(asked[2]!, /Name of the new CMake library \| default 'nativelib'/);
    });

    it("stops at any cancelled step and asks nothing more", async () => {
        for (let step = 0; step < 3; step++) {
            const answers = ["Rust", "native/fastmath", "<default>"].slice(0, step);
            const { ui, asked } = scripted([...answers, undefined]);
            assert.equal(await runExtractFlow(ui, [fastmath], "/ws", "Sum"), undefined);
            assert.equal(asked.length, step + 1);
        }
    });

    it("works in a workspace without native code (new crate under native/, no default name)", async () => {
        const { ui, asked } = scripted(["Rust", "$(add) New Rust crate…", "mathcore", "mc_sum"]);
        const choice = await runExtractFlow(ui, [], "/ws", undefined);
        assert.deepEqual(choice, { language: "rust", into: "/ws/native/mathcore", isNew: true, name: "mc_sum" });
        assert.match(asked[3]!, /^input Extract to native code \(3\/3\) .* default ''$/);
    });

    it("lists existing modules before 'New …'", () => {
        assert.deepEqual(targetItems("rust", [fastmath, geometry]).map((i) => i.label), ["native/fastmath", "$(add) New Rust crate…"]);
        assert.deepEqual(targetItems("cpp", [fastmath]).map((i) => i.label), ["$(add) New C++ library…"]);
    });
});

describe("extract flow pieces", () => {
    it("snake_case", () => {
        assert.equal(snakeCase("ComputeSum"), "compute_sum");
        assert.equal(snakeCase("HTTPServerStart"), "http_server_start");
        assert.equal(snakeCase("parseJSON"), "parse_json");
        assert.equal(snakeCase("Vector3Add"), "vector3_add");
        assert.equal(snakeCase("already_snake"), "already_snake");
        assert.equal(snakeCase("Sum"), "sum");
    });

    it("makes the default a valid name of the language", () => {
        assert.equal(defaultFunctionName("rust", "Match"), "match_native");
        assert.equal(defaultFunctionName("cpp", "Delete"), "delete_native");
        assert.equal(defaultFunctionName("rust", undefined), "");
    });

    it("validates names", () => {
        assert.equal(validateModuleName("rust", "fastmath2", []), undefined);
        assert.match(validateModuleName("rust", "FastMath", [])!, /lowercase/);
        assert.match(validateModuleName("rust", "fast-math", [])!, /lowercase/);
        assert.match(validateModuleName("rust", "fastmath", ["FastMath"])!, /already exists/);
        assert.match(validateModuleName("rust", "fn", [])!, /keyword/);
        assert.equal(validateModuleName("cpp", "Imaging", []), undefined);
        assert.match(validateModuleName("cpp", "../x", [])!, /letters/);
        assert.match(validateModuleName("rust", "", [])!, /Enter/);
        assert.equal(validateFunctionName("rust", "_sum2"), undefined);
        assert.match(validateFunctionName("rust", "2sum")!, /letters/);
        assert.match(validateFunctionName("rust", "loop")!, /Rust keyword/);
        assert.match(validateFunctionName("cpp", "class")!, /C\+\+ keyword/);
        assert.equal(validateFunctionName("cpp", "loop"), undefined);
    });

    it("puts a new module beside the existing ones, else under native/", () => {
        assert.equal(newModuleFolder("x", [fastmath, imageops], "/ws"), "/ws/native/x");
        assert.equal(newModuleFolder("x", [{ ...fastmath, folder: "/ws/rust/a" }, { ...imageops, folder: "/ws/c/b" }], "/ws"), "/ws/native/x");
        assert.equal(newModuleFolder("x", [{ ...fastmath, folder: "/ws/crates/a" }], "/ws"), "/ws/crates/x");
        assert.equal(newModuleFolder("x", [{ ...fastmath, folder: "/elsewhere/a" }], "/ws"), "/ws/native/x");
        assert.equal(newModuleFolder("x", [], "/ws"), "/ws/native/x");
    });

    it("finds the method around the cursor", () => {
        const text = [
            "namespace Demo;",
            "public static class Stats",
            "{",
            "    [MethodImpl(MethodImplOptions.AggressiveInlining)]",
            "    public static double Mean(ReadOnlySpan<double> values)",
            "    {",
            "        if (values.Length == 0) return 0;",
            "        return Sum(values) / values.Length;",
            "    }",
            "    private static List<int> Collect<T>(int n) { return new List<int>(n); }",
            "}",
        ].join("\n");
        const at = (needle: string) => text.indexOf(needle);
        assert.equal(enclosingMethodName(text, at("return Sum")), "Mean");
        assert.equal(enclosingMethodName(text, at("if (values")), "Mean");
        assert.equal(enclosingMethodName(text, at("Mean(") + 1), "Mean");
        assert.equal(enclosingMethodName(text, at("new List")), "Collect");
        assert.equal(enclosingMethodName(text, 0), undefined);
        assert.equal(enclosingMethodName("", 10), undefined);
    });
});
