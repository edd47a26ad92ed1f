// The JSON schema for hybrid-lsp.toml (schemas/hybrid-lsp.schema.json, contributed through `tomlValidation`):
// valid for the configurations the project documents, strict where the server is, and in sync with the server's
// own lists (rule codes, targets, library keys), which this test reads from the server's sources.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import Ajv from "ajv";
import { starterConfig } from "../src/starterConfig";

const clientDir = join(__dirname, "..");
const repo = join(clientDir, "..");
const schema = JSON.parse(readFileSync(join(clientDir, "schemas", "hybrid-lsp.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false }).compile(schema);

// smol-toml is an ES module; this test file is CommonJS (esbuild bundles the dynamic import).
let parse: (toml: string) => unknown;
before(async () => {
    ({ parse } = await import("smol-toml"));
});

function check(toml: string): string[] {
    const ok = validate(parse(toml));
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The ```toml blocks of a markdown file. */
function tomlBlocks(file: string): string[] {
    return [...readFileSync(file, "utf8").matchAll(/```toml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe("hybrid-lsp.toml schema", () => {
    it("accepts the demo's configuration", () => {
        assert.deepEqual(check(readFileSync(join(repo, "examples", "hybrid-demo", "hybrid-lsp.toml"), "utf8")), []);
    });

    it("accepts every hybrid-lsp.toml example in README.md and docs/", () => {
        const blocks = [join(repo, "README.md"), join(repo, "docs", "ci.md"), join(repo, "docs", "cmake.md"), join(repo, "docs", "c-and-cpp.md")]
            .flatMap((f) => tomlBlocks(f).map((b) => ({ f, b })))
            // Cargo.toml snippets in the docs are not hybrid-lsp.toml.
            .filter(({ b }) => !/^\s*\[(package|lib|dependencies|workspace|profile)/m.test(b));
        assert.ok(blocks.length >= 2, `found ${blocks.length} blocks`);
        for (const { f, b } of blocks) assert.deepEqual(check(b), [], `${f}:\n${b}`);
    });

    it("accepts the starter file with every example line uncommented", () => {
        const uncommented = starterConfig.split("\n")
            .map((l) => (/^# (\[|[A-Za-z0-9_-]+ = )/.test(l) ? l.slice(2) : l))
            .join("\n");
        assert.ok(uncommented.includes("\n[libraries.git2]"));
        assert.deepEqual(check(uncommented), []);
    });

    it("rejects what the server reports as HL0004", () => {
        const cases: [string, RegExp][] = [
            ['targets = ["linux-x65"]', /must be equal to one of the allowed values/],
            ['targets = "linux-x64"', /must be array/],
            ['max-file-size = "five"', /must match pattern|must match a schema in anyOf/],
            ["max-file-size = 0", /must be >= 1|anyOf/],
            ['unknown-key = 1', /must NOT have additional properties/],
            ['[rules]\nHL1005 = "fatal"', /allowed values/],
            ['[rules]\nHL9999 = "off"', /additional properties/],
            ['[libraries.x]\ncrate = "a"\nheaders = ["b"]', /must NOT be valid/],
            ['[libraries.x]\ncrate = "/abs/path"', /pattern/],
            ['[libraries.x]\nheaders = "C:\\\\sdk\\\\include"', /pattern/],
            ['[libraries.x]\nlanguage = "rust"', /allowed values/],
            ['[libraries.x]\nsources = ["a"]', /additional properties/],
            ['[csharp]\ndefines = [1]', /must be string/],
            ['[docs]\nbase = "not a uri"', /pattern/],
            ['baseline = ""', /NOT have fewer than 1|pattern/],
        ];
        for (const [toml, message] of cases) {
            const errors = check(toml);
            assert.ok(errors.length > 0, `accepted: ${toml}`);
            assert.ok(errors.some((e) => message.test(e)), `${toml}: ${errors.join("; ")}`);
        }
    });

    it("allows the forms the server accepts besides the canonical ones", () => {
        assert.deepEqual(check('exclude = "vendor/**"\nmax-file-size = 1048576\n[rules]\nHL2004 = "none"\nHL1008 = "warn"\n[libraries.m]\ncmake = "native/m"\ncmake-target = "m"\ndefines = "X=1"'), []);
        assert.deepEqual(check("max-file-size = \"512 KB\""), []);
        assert.deepEqual(check("[libraries]"), []);
    });

    it("lists exactly the server's rule codes, targets and library keys", () => {
        const catalog = readFileSync(join(repo, "hybrid-lsp", "HybridLsp.Semantics", "Rules", "RuleCatalog.cs"), "utf8");
        const codes = [...new Set([...catalog.matchAll(/new\("(HL\d{4})"/g)].map((m) => m[1]!))].sort();
        assert.ok(codes.length >= 20);
        assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), codes);

        const targetsSource = readFileSync(join(repo, "hybrid-lsp", "HybridLsp.Semantics", "Targets", "TargetPlatform.cs"), "utf8");
        const targets = [...targetsSource.matchAll(/new\("([a-z0-9-]+)", "[a-z0-9_-]+"/g)].map((m) => m[1]!).sort();
        assert.ok(targets.length >= 7);
        assert.deepEqual([...schema.properties.targets.items.enum].sort(), targets);

        const reader = readFileSync(join(repo, "hybrid-lsp", "HybridLsp.Semantics", "Config", "ConfigReader.cs"), "utf8");
        const libraryKeys = /s_libraryKeys = \[([^\]]*)\]/.exec(reader)![1]!.match(/"[^"]+"/g)!.map((k) => JSON.parse(k) as string).sort();
        assert.deepEqual(Object.keys(schema.properties.libraries.additionalProperties.properties).sort(), libraryKeys);

        const topLevel = [...reader.matchAll(/case \["([a-z-]+)"\]:/g)].map((m) => m[1]!);
        const tables = [...reader.matchAll(/case \["(rules|csharp|docs)", /g)].map((m) => m[1]!);
        assert.deepEqual(Object.keys(schema.properties).sort(), [...new Set([...topLevel, ...tables, "libraries"])].sort());
    });
});
