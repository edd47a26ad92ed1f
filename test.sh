#!/usr/bin/env bash
# Runs every test of HybridLsp: engine fixture tests, protocol/CLI tests against the real server process,
# and the cargo oracle tests. Works on a fresh machine of this kind: it restores what it needs itself.
set -euo pipefail
cd "$(dirname "$0")"

# Rust toolchain: the machine's rustup toolchain (~/.cargo/bin). Debian's cargo is too old for edition 2024.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! command -v cargo >/dev/null 2>&1; then
  echo "test.sh: cargo not found (expected the rustup toolchain in ~/.cargo/bin); the oracle tests need it" >&2
  exit 2
fi
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

# One closing line for the whole run: "N passed, N failed".
passed=0; failed=0
for log in "$results"/*.log; do
  p=$(grep -Eo 'Passed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  f=$(grep -Eo 'Failed: +[0-9]+' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ -z "$p" ] && [ -z "$f" ]; then status=1; echo "no test results in $log" >&2; fi
done
rm -rf "$results"
echo "$passed passed, $failed failed"
exit $status
