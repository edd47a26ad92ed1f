// Extract to Native, as a sequence of questions: Rust or C++ → which crate/library (existing, or a new one and
// its name) → the native function's name. No 'vscode' import: the questions go through `FlowUi`, which the
// command implements with quick picks and input boxes and the unit tests implement with a script.

import * as path from "node:path";
import type { NativeLanguage } from "./lspExtTypes";
import type { NativeModule } from "./nativeModules";

export interface PickItem<T> {
    readonly label: string;
    readonly description?: string;
    readonly detail?: string;
    readonly value: T;
}

export interface FlowUi {
    /** Shows a quick pick; undefined when the user cancels. */
    pick<T>(title: string, items: readonly PickItem<T>[], placeholder: string): Promise<T | undefined>;
    /** Shows an input box whose value `validate` checks (a message means invalid); undefined when cancelled. */
    input(title: string, prompt: string, value: string, validate: (value: string) => string | undefined): Promise<string | undefined>;
}

export interface ExtractChoice {
    readonly language: NativeLanguage;
    /** The crate/library folder (absolute); a new module's folder does not exist yet. */
    readonly into: string;
    readonly isNew: boolean;
    /** The native function's name. */
    readonly name: string;
}

type Target = { kind: "existing"; module: NativeModule } | { kind: "new" };

export const languageItems: readonly PickItem<NativeLanguage>[] = [
    { label: "Rust", description: "a #[no_mangle] extern \"C\" fn in a Cargo crate (cdylib)", value: "rust" },
    { label: "C++", description: "an extern \"C\" function in a CMake shared library", value: "cpp" },
];

export function languageName(language: NativeLanguage): string {
    return language === "rust" ? "Rust" : "C++";
}

export function newModuleLabel(language: NativeLanguage): string {
    return language === "rust" ? "$(add) New Rust crate…" : "$(add) New C++ library…";
}

/** The quick pick of crates (Rust) or CMake libraries (C++) that can take the function, then "New …". */
export function targetItems(language: NativeLanguage, modules: readonly NativeModule[]): PickItem<Target>[] {
    const items: PickItem<Target>[] = modules
        .filter((m) => m.accepts === language)
        .map((m) => ({
            label: m.label,
            description: m.libraries.length > 0 ? m.libraries.join(", ") : undefined,
            detail: m.kind === "cargo" ? "Cargo crate" : "CMake project",
            value: { kind: "existing", module: m },
        }));
    items.push({
        label: newModuleLabel(language),
        description: language === "rust" ? "a cdylib crate with no dependencies" : "a CMake project with one shared library",
        value: { kind: "new" },
    });
    return items;
}

/**
 * Where a new module goes: beside the existing native modules when they all share one parent folder inside the
 * workspace (e.g. `native/`), else `<root>/native/<name>`.
 */
export function newModuleFolder(name: string, modules: readonly NativeModule[], root: string): string {
    const parents = new Set(modules.map((m) => path.dirname(m.folder)));
    if (parents.size === 1) {
        const [parent] = [...parents];
        const rel = path.relative(root, parent!);
        if (!rel.startsWith("..") && !path.isAbsolute(rel)) return path.join(parent!, name);
    }
    return path.join(root, "native", name);
}

const rustKeywords = new Set(("as async await break const continue crate dyn else enum extern false fn for if impl in let loop " +
    "match mod move mut pub ref return self Self static struct super trait true type unsafe use where while abstract " +
    "become box do final macro override priv try typeof unsized virtual yield gen").split(" "));
const cppKeywords = new Set(("alignas alignof and asm auto bool break case catch char class const constexpr continue " +
    "decltype default delete do double else enum explicit export extern false float for friend goto if inline int long " +
    "mutable namespace new noexcept not nullptr operator or private protected public register return short signed " +
    "sizeof static struct switch template this throw true try typedef typeid typename union unsigned using virtual void " +
    "volatile while xor").split(" "));

/** A new crate's name: it is also the library name [DllImport] probes, so lowercase letters, digits and '_'. */
export function validateModuleName(language: NativeLanguage, name: string, taken: readonly string[]): string | undefined {
    if (name.length === 0) return "Enter a name.";
    if (language === "rust") {
        if (!/^[a-z][a-z0-9_]*$/.test(name)) return "A crate name here is lowercase letters, digits and '_', starting with a letter (it is also the library name [DllImport] uses).";
        if (rustKeywords.has(name)) return `'${name}' is a Rust keyword.`;
    } else if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
        return "A library name here is letters, digits and '_', starting with a letter (it is the CMake target and the library file name).";
    }
    if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `A native library named '${name}' already exists in this workspace.`;
    if (name.length > 64) return "Use at most 64 characters.";
    return undefined;
}

/** The native function's name: a C identifier that is no keyword of the target language. */
export function validateFunctionName(language: NativeLanguage, name: string): string | undefined {
    if (name.length === 0) return "Enter a name.";
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return "Use letters, digits and '_', starting with a letter or '_' (the name is exported as a C symbol).";
    if ((language === "rust" ? rustKeywords : cppKeywords).has(name)) return `'${name}' is a ${languageName(language)} keyword.`;
    if (name.length > 128) return "Use at most 128 characters.";
    return undefined;
}

/** `ComputeSum` → `compute_sum`, `HTTPServerStart` → `http_server_start`, `parseJSON` → `parse_json`. */
export function snakeCase(name: string): string {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/_+/g, "_")
        .replace(/^_|_$/g, "")
        .toLowerCase();
}

/** The default native name for a C# method: its snake_case, made valid for the language when it is not. */
export function defaultFunctionName(language: NativeLanguage, methodName: string | undefined): string {
    let name = snakeCase(methodName ?? "");
    if (name.length === 0) return "";
    if (/^[0-9]/.test(name)) name = "_" + name;
    if (validateFunctionName(language, name) !== undefined) name = name + "_native";
    return name;
}

const notAMethod = new Set(["if", "while", "for", "foreach", "switch", "catch", "using", "lock", "fixed", "return", "nameof",
    "typeof", "sizeof", "default", "checked", "unchecked", "when", "new", "base", "this", "await", "throw", "else", "case", "yield", "in", "is", "as"]);

/**
 * The C# method whose declaration encloses `offset` (or is the nearest one above it), read from the text with a
 * line-based heuristic: a line `modifiers Type Name(`. Only a default for an input box; the server decides what
 * the method really is.
 */
export function enclosingMethodName(text: string, offset: number): string | undefined {
    const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
    const lines = before.split(/\r?\n/);
    // The cursor's line may hold the rest of the header: include it whole.
    const rest = text.slice(before.length).split(/\r?\n/, 1)[0] ?? "";
    lines[lines.length - 1] += rest;
    const header = /^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|private|protected|internal|static|unsafe|async|override|virtual|sealed|new|extern|partial|readonly)\s+)*([A-Za-z_][\w.]*(?:<[^()]*>)?(?:\[\])?\??)\s+([A-Za-z_]\w*)\s*(?:<[^()]*>)?\s*\(/;
    for (let i = lines.length - 1; i >= 0; i--) {
        const m = header.exec(lines[i]!);
        if (m === null) continue;
        const [, type, name] = m;
        if (notAMethod.has(type!) || notAMethod.has(name!)) continue;
        return name;
    }
    return undefined;
}

/** The whole flow; undefined when the user cancels any step. */
export async function runExtractFlow(ui: FlowUi, modules: readonly NativeModule[], root: string,
    methodName: string | undefined): Promise<ExtractChoice | undefined> {
    const title = methodName !== undefined ? `Extract '${methodName}' to native code` : "Extract to native code";
    const language = await ui.pick(`${title} (1/3)`, languageItems, "Which language should the native function be written in?");
    if (language === undefined) return undefined;

    const target = await ui.pick(`${title} (2/3)`, targetItems(language, modules),
        language === "rust" ? "Which crate should hold the function?" : "Which CMake library should hold the function?");
    if (target === undefined) return undefined;

    let into: string;
    let isNew = false;
    if (target.kind === "existing") {
        into = target.module.folder;
    } else {
        const taken = modules.flatMap((m) => [...m.libraries, path.basename(m.folder)]);
        const suggestion = language === "rust" ? "native_lib" : "nativelib";
        const name = await ui.input(`${title} (2/3)`,
            language === "rust" ? "Name of the new crate (also the library name for [DllImport])" : "Name of the new CMake library",
            taken.includes(suggestion) ? "" : suggestion, (v) => validateModuleName(language, v.trim(), taken));
        if (name === undefined) return undefined;
        into = newModuleFolder(name.trim(), modules, root);
        isNew = true;
    }

    const fnName = await ui.input(`${title} (3/3)`, `Name of the exported ${languageName(language)} function`,
        defaultFunctionName(language, methodName), (v) => validateFunctionName(language, v.trim()));
    if (fnName === undefined) return undefined;
    return { language, into, isNew, name: fnName.trim() };
}
