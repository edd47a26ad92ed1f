// Bundles the extension (dist/extension.js) or, with --tests, each unit test (out-test/*.test.js).
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const tests = process.argv.includes("--tests");

const common = {
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    absWorkingDir: here,
};

if (tests) {
    const entryPoints = readdirSync(join(here, "test"))
        .filter((f) => f.endsWith(".test.ts"))
        .map((f) => join("test", f));
    // Unit tests cover modules that never import 'vscode': marking it external makes a mistake fail loudly.
    await build({ ...common, entryPoints, outdir: "out-test", external: ["vscode"] });
} else {
    await build({
        ...common,
        entryPoints: ["src/extension.ts"],
        outfile: "dist/extension.js",
        external: ["vscode"],
        minify: process.argv.includes("--minify"),
    });
}
