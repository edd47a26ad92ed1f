// Packages the extension with the server inside: `npm run package` from the repository root.
//
//   node client-vscode/scripts/package.mjs                 universal .vsix, portable framework-dependent server
//   node client-vscode/scripts/package.mjs --target RID    platform .vsix (linux-x64, linux-arm64, win-x64,
//                                                          win-arm64, osx-x64, osx-arm64): RID-specific,
//                                                          framework-dependent, ReadyToRun server
//
// The .vsix lands in artifacts/. It needs an already built dist/extension.js (`npm run build`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const clientDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = join(clientDir, "..");
const serverOut = join(clientDir, "server");
const artifacts = join(repoRoot, "artifacts");

const argv = process.argv.slice(2);
const targetAt = argv.indexOf("--target");
const target = targetAt >= 0 ? argv[targetAt + 1] : undefined;
const vsceTargets = { "linux-x64": "linux-x64", "linux-arm64": "linux-arm64", "win-x64": "win32-x64",
    "win-arm64": "win32-arm64", "osx-x64": "darwin-x64", "osx-arm64": "darwin-arm64" };
if (targetAt >= 0 && !(target in vsceTargets)) {
    console.error(`package: unknown --target '${target}'; one of ${Object.keys(vsceTargets).join(", ")}`);
    process.exit(2);
}

function run(command, args, cwd) {
    console.log(`> ${command} ${args.join(" ")}`);
    const r = spawnSync(command, args, { cwd, stdio: "inherit" });
    if (r.error) throw r.error;
    if (r.status !== 0) {
        console.error(`package: '${command}' failed with exit code ${r.status}`);
        process.exit(r.status ?? 1);
    }
}

if (!existsSync(join(clientDir, "dist", "extension.js"))) {
    console.error("package: client-vscode/dist/extension.js is missing; run 'npm run build' first");
    process.exit(1);
}

rmSync(serverOut, { recursive: true, force: true }); // no stale files from an earlier publish
const publishArgs = ["publish", "server", "-c", "Release", "-o", relative(repoRoot, serverOut), "-nologo"];
if (target) publishArgs.push("-r", target, "--self-contained", "false", "-p:PublishReadyToRun=true");
run("dotnet", publishArgs, repoRoot);
if (!existsSync(join(serverOut, "hybrid-lsp.dll"))) {
    console.error("package: the publish produced no hybrid-lsp.dll");
    process.exit(1);
}
rmSync(join(serverOut, "hybrid-lsp.pdb"), { force: true });

const { version } = JSON.parse(readFileSync(join(clientDir, "package.json"), "utf8"));
mkdirSync(artifacts, { recursive: true });
const vsix = join(artifacts, target ? `hybrid-lsp-${vsceTargets[target]}-${version}.vsix` : `hybrid-lsp-${version}.vsix`);
// The project has no public repository URL: the manifest leaves `repository` out (no invented URL), so vsce is told
// that is intended, and README.md links nothing relative (vsce could not rewrite such links without a URL).
const vsceArgs = ["vsce", "package", "--no-dependencies", "--allow-missing-repository", "--out", vsix];
if (target) vsceArgs.push("--target", vsceTargets[target]);
run("npx", ["--no-install", ...vsceArgs], clientDir);
console.log(`package: ${relative(repoRoot, vsix)}`);
