#!/usr/bin/env bash
# Runs every test of HybridLsp: engine fixture tests, protocol/CLI tests against the real server process (the .dll, then
# the native executable), the cargo
# oracle tests, the VS Code client's unit tests and packaging, and the real-editor end-to-end tests (headless Neovim,
# code-server in headless Chromium). Works on a fresh machine of this kind: it installs what it needs itself
# (NuGet and npm packages; Debian packages for the editors are installed by the e2e scripts, as root).
set -euo pipefail
cd "$(dirname "$0")"

# Rust toolchain: the machine's rustup toolchain (~/.cargo/bin). Debian's cargo is too old for edition 2024.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "test.sh: cargo not found (expected the rustup toolchain in ~/.cargo/bin); the oracle tests need it" >&2
  exit 2
fi
# CMake and a C/C++ compiler: the CMake oracle tests and the demo's C library are built for real (part of the image).
for tool in cmake cc c++ nm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "test.sh: $tool not found; the CMake oracle tests need it (Debian: apt-get install cmake g++ binutils)" >&2
    exit 2
  fi
done
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet build HybridLsp.sln -c Release -warnaserror -nologo -v quiet

results=$(mktemp -d)
status=0
for project in tests/HybridLsp.Tests tests/HybridLsp.Server.Tests tests/HybridLsp.Oracle.Tests; do
  echo "== $project"
  if ! dotnet test "$project" -c Release --no-build --nologo 2>&1 | tee "$results/$(basename "$project").log"; then
    status=1
  fi
done

# The native server (Native AOT: what CI users run `check` with and what the benchmarks time): the protocol and CLI
# tests again, against that executable.
echo "== tests/HybridLsp.Server.Tests against the native server"
if ! { .ci/publish-native artifacts/native \
       && HYBRID_LSP_TEST_NATIVE_SERVER="$PWD/artifacts/native/hybrid-lsp" dotnet test tests/HybridLsp.Server.Tests -c Release --no-build --nologo; } \
     2>&1 | tee "$results/HybridLsp.Server.Tests.native.log"; then
  status=1
fi

# The VS Code client: install (npm registry only), unit tests, then the .vsix with the server published inside.
echo "== client-vscode"
if ! { npm ci --no-audit --no-fund && npm run build && npm test && npm run package; } 2>&1 | tee "$results/client.log"; then
  status=1
fi

# Real editors on the demo: headless Neovim, and VS Code (code-server in headless Chromium) with the .vsix just built.
echo "== end-to-end"
vsix=$(ls -t artifacts/hybrid-lsp-*.vsix 2>/dev/null | head -1 || true)
if ! HL_VSIX="${vsix:+$PWD/$vsix}" ./e2e.sh 2>&1 | tee "$results/e2e.log"; then
  status=1
fi

# One closing line for the whole run: "N passed, N failed" (dotnet's summaries plus every suite's own closing line).
passed=0; failed=0
for log in "$results"/*.log; do
  case "$(basename "$log")" in
    HybridLsp.*)
      p=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
      f=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
      if [ -z "$p" ] && [ -z "$f" ]; then status=1; echo "no test results in $log" >&2; fi
      passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
      ;;
    *)
      while read -r p f; do
        passed=$((passed + p)); failed=$((failed + f))
      done < <(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$log" | sed -E 's/ passed, / /; s/ failed//')
      # node --test (the client's unit tests) closes with "# pass N" and "# fail N" ("ℹ" instead of "#" on a terminal).
      p=$(grep -Eo '^(ℹ|#) pass [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
      f=$(grep -Eo '^(ℹ|#) fail [0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
      passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
      ;;
  esac
done
rm -rf "$results"
echo "$passed passed, $failed failed"
exit $status
