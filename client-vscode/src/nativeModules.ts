// The native modules of a workspace, read from its Cargo.toml and CMakeLists.txt files (found by the caller with
// `workspace.findFiles`). No 'vscode' import, no file IO: the caller hands in paths and texts.
//
// Why the client reads these files itself: the commands' quick picks need the module folders and library names
// before any server command runs, and the server has no request that lists them. The rules are deliberately
// simple and documented in README.md:
// - a Cargo.toml with a [package] is a Rust crate; its library name is [lib] name, else the package name with
//   '-' as '_' (what rustc names the library); a virtual workspace manifest (no [package]) is not a module;
// - a CMakeLists.txt is a module unless a folder above it (inside the workspace) has one too: that is a
//   subdirectory of a larger CMake project, which is built from the top; its libraries are its
//   add_library(NAME SHARED|MODULE …) targets (OUTPUT_NAME from set_target_properties wins);
// - a CMake project takes C++ unless its project(… LANGUAGES …) lists languages without CXX.

import * as path from "node:path";
import type { NativeLanguage } from "./lspExtTypes";

export interface ManifestFile {
    /** Absolute path of a Cargo.toml or CMakeLists.txt. */
    readonly path: string;
    /** Its text; undefined when it could not be read. */
    readonly text: string | undefined;
}

export interface NativeModule {
    readonly kind: "cargo" | "cmake";
    /** Absolute folder of the manifest. */
    readonly folder: string;
    /** The folder relative to the workspace root, with '/', for labels ("." for the root itself). */
    readonly label: string;
    /** The library names [DllImport] uses for it (may be empty when the manifest names none). */
    readonly libraries: readonly string[];
    /** Whether Extract to Native can put C++ (cmake) or Rust (cargo) code into it. */
    readonly accepts: NativeLanguage | undefined;
}

export function relativeLabel(root: string | undefined, folder: string): string {
    if (root === undefined) return folder;
    const rel = path.relative(root, folder);
    if (rel.length === 0) return ".";
    if (rel.startsWith("..") || path.isAbsolute(rel)) return folder;
    return rel.split(path.sep).join("/");
}

/** Strips a TOML comment that is not inside a string (enough for the one-line keys read here). */
function stripTomlComment(line: string): string {
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
        const c = line[i]!;
        if (quote !== undefined) {
            if (c === "\\" && quote === "\"") i++;
            else if (c === quote) quote = undefined;
        } else if (c === "\"" || c === "'") quote = c;
        else if (c === "#") return line.slice(0, i);
    }
    return line;
}

/** The string value of `key = "…"` or `key = '…'` on one line, or undefined. */
export function tomlStringValue(line: string, key: string): string | undefined {
    const m = /^\s*("?)([A-Za-z0-9_-]+)\1\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*$/.exec(stripTomlComment(line));
    if (m === null || m[2] !== key) return undefined;
    if (m[4] !== undefined) return m[4];
    return m[3]!.replace(/\\(["\\])/g, "$1");
}

/** The table a header line opens (`[lib]` → "lib", `[[bin]]` → "[bin]"), or undefined for other lines. */
function tableHeader(line: string): string | undefined {
    const m = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*$/.exec(stripTomlComment(line));
    if (m === null) return undefined;
    return m[1] === "[[" ? `[${m[2]}]` : m[2]!;
}

/** Cargo.toml: the library name ([lib] name, else the package name with '-' as '_'); undefined without [package]. */
export function cargoLibraryName(text: string): string | undefined {
    let table = "";
    let packageName: string | undefined;
    let libName: string | undefined;
    let hasPackage = false;
    for (const line of text.split(/\r?\n/)) {
        const header = tableHeader(line);
        if (header !== undefined) {
            table = header;
            if (table === "package") hasPackage = true;
            continue;
        }
        const name = tomlStringValue(line, "name");
        if (name === undefined) continue;
        if (table === "package") packageName ??= name;
        else if (table === "lib") libName ??= name;
    }
    if (!hasPackage) return undefined;
    const chosen = libName ?? packageName;
    return chosen === undefined ? undefined : chosen.replace(/-/g, "_");
}

/** CMake: removes `# …` comments (not bracket comments, which are rare in CMakeLists.txt). */
function stripCMakeComments(text: string): string {
    return text.split(/\r?\n/).map((l) => {
        let quoted = false;
        for (let i = 0; i < l.length; i++) {
            if (l[i] === "\"" && l[i - 1] !== "\\") quoted = !quoted;
            else if (l[i] === "#" && !quoted) return l.slice(0, i);
        }
        return l;
    }).join("\n");
}

/** CMake: the shared/module library targets, by the name their binary has (OUTPUT_NAME when set). */
export function cmakeLibraryNames(text: string): string[] {
    const source = stripCMakeComments(text);
    const targets: string[] = [];
    for (const m of source.matchAll(/\badd_library\s*\(\s*([A-Za-z0-9_.+-]+)\s+(SHARED|MODULE)\b/gi)) targets.push(m[1]!);
    const outputNames = new Map<string, string>();
    for (const m of source.matchAll(/\bset_target_properties\s*\(([^)]*)\)/gi)) {
        const words = m[1]!.trim().split(/\s+/);
        const props = words.indexOf("PROPERTIES");
        if (props < 0) continue;
        for (let i = props + 1; i + 1 < words.length; i += 2) {
            if (words[i] === "OUTPUT_NAME") {
                for (const t of words.slice(0, props)) outputNames.set(t, words[i + 1]!.replace(/^"|"$/g, ""));
            }
        }
    }
    return [...new Set(targets.map((t) => outputNames.get(t) ?? t))];
}

/** CMake: whether C++ sources belong there (project() without LANGUAGES means C and CXX). */
export function cmakeAcceptsCpp(text: string): boolean {
    const m = /\bproject\s*\(([^)]*)\)/i.exec(stripCMakeComments(text));
    if (m === null) return true;
    const words = m[1]!.trim().split(/\s+/);
    const at = words.indexOf("LANGUAGES");
    if (at < 0) return words.length <= 1 || words.slice(1).some((w) => w === "CXX") || !words.slice(1).some((w) => w === "C");
    const languages = words.slice(at + 1).filter((w) => /^[A-Z]+$/.test(w) && !["VERSION", "DESCRIPTION", "HOMEPAGE_URL"].includes(w));
    return languages.includes("CXX");
}

/** The modules of a workspace, sorted by label. */
export function nativeModules(files: readonly ManifestFile[], root: string | undefined): NativeModule[] {
    const cmakeFolders = new Set(files.filter((f) => path.basename(f.path) === "CMakeLists.txt").map((f) => path.dirname(f.path)));
    const inside = (folder: string) => root === undefined || folder === root || !path.relative(root, folder).startsWith("..");
    const modules: NativeModule[] = [];
    for (const file of files) {
        const folder = path.dirname(file.path);
        const name = path.basename(file.path);
        if (name === "Cargo.toml") {
            if (file.text === undefined) continue;
            const library = cargoLibraryName(file.text);
            if (library === undefined) continue;
            modules.push({ kind: "cargo", folder, label: relativeLabel(root, folder), libraries: [library], accepts: "rust" });
        } else if (name === "CMakeLists.txt") {
            let parent = path.dirname(folder);
            let nested = false;
            while (parent !== folder && inside(parent)) {
                if (cmakeFolders.has(parent)) { nested = true; break; }
                const up = path.dirname(parent);
                if (up === parent) break;
                parent = up;
            }
            if (nested) continue;
            const text = file.text ?? "";
            modules.push({
                kind: "cmake", folder, label: relativeLabel(root, folder), libraries: cmakeLibraryNames(text),
                accepts: cmakeAcceptsCpp(text) ? "cpp" : undefined,
            });
        }
    }
    return modules.sort((a, b) => a.label.localeCompare(b.label));
}

/** `[libraries.NAME]` tables of hybrid-lsp.toml (e.g. C libraries the repository does not build). */
export function configuredLibraries(configText: string | undefined): string[] {
    if (configText === undefined) return [];
    const names: string[] = [];
    for (const line of configText.split(/\r?\n/)) {
        const header = tableHeader(line);
        if (header === undefined) continue;
        const m = /^libraries\.(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))$/.exec(header.replace(/\s*\.\s*/g, "."));
        if (m !== null) names.push(m[1] ?? m[2] ?? m[3]!);
    }
    return names;
}

/** Every library name for Bind Exports: the modules' libraries, then the configured ones, without duplicates. */
export function libraryNames(modules: readonly NativeModule[], configText: string | undefined): { name: string; detail: string }[] {
    const seen = new Set<string>();
    const out: { name: string; detail: string }[] = [];
    for (const m of modules) {
        for (const lib of m.libraries) {
            if (seen.has(lib.toLowerCase())) continue;
            seen.add(lib.toLowerCase());
            out.push({ name: lib, detail: `${m.kind === "cargo" ? "Rust crate" : "CMake library"} in ${m.label}` });
        }
    }
    for (const lib of configuredLibraries(configText)) {
        if (seen.has(lib.toLowerCase())) continue;
        seen.add(lib.toLowerCase());
        out.push({ name: lib, detail: "[libraries] in hybrid-lsp.toml" });
    }
    return out;
}

/**
 * `baseline = "…"` at the top level of hybrid-lsp.toml: the baseline file's path relative to the configuration
 * file's folder, or undefined. (The server validates it; the client only needs it to watch the file.)
 */
export function configuredBaseline(configText: string | undefined): string | undefined {
    if (configText === undefined) return undefined;
    for (const line of configText.split(/\r?\n/)) {
        if (tableHeader(line) !== undefined) return undefined; // only top-level keys come before the first table
        const value = tomlStringValue(line, "baseline");
        if (value !== undefined) return value.trim().length > 0 ? value.trim() : undefined;
    }
    return undefined;
}
