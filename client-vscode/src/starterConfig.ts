// The commented starter hybrid-lsp.toml that 'HybridLsp: Open Configuration' creates. No 'vscode' import.

export const configFileName = "hybrid-lsp.toml";

export const starterConfig = `# hybrid-lsp.toml: configuration of HybridLsp for this repository (optional; everything works without it).
# It is the only place for what changes diagnostics, so the editor and \`hybrid-lsp check\` in CI agree.
# Paths are relative to this file's folder; globs are gitignore-style. Uncomment what you need.
# With the Even Better TOML extension, the HybridLsp extension's JSON schema completes and checks the keys.

# Targets every binding is checked for (the default):
# targets = ["linux-x64", "win-x64", "osx-arm64"]
# Known: linux-x64, linux-arm64, win-x64, win-x86, win-arm64, osx-x64, osx-arm64.

# Files and folders never read:
# exclude = ["third_party/**"]

# Larger files are skipped (HL0003) unless a resolved module names them or they are open:
# max-file-size = "5MB"

# Findings this baseline accepts are shown as hints (write it with \`hybrid-lsp check --write-baseline FILE\`):
# baseline = "hybrid-lsp.baseline.json"

# Tell HybridLsp where the native side of a [DllImport]/[LibraryImport] library lives, when its name
# alone does not say. Exactly one of crate / cmake-target / headers per library.
#
# [libraries.fastmath]
# crate = "native/fastmath"            # the folder holding the crate's Cargo.toml
#
# [libraries.mylib]
# cmake = "native/mylib"               # the folder of its CMakeLists.txt; and/or cmake-target = "TARGET"
#
# [libraries.git2]                     # a C library this repository does not build
# headers = ["vendor/libgit2/include/git2.h"]
# include = ["vendor/libgit2/include"]
# defines = ["GIT_DEPRECATE_HARD"]
# language = "c"                       # or "cpp"

# Rule severities: "off" | "hint" | "info" | "warning" | "error"
# [rules]
# HL2004 = "off"
# HL1008 = "error"

# Extra C# preprocessor symbols:
# [csharp]
# defines = ["WINDOWS"]

# Where rule help links point (default: the docs bundled with the server):
# [docs]
# base = "https://example.com/hybrid-lsp/rules/"
`;
