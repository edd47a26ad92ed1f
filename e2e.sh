#!/usr/bin/env bash
# Real-editor end-to-end tests: Neovim (tests/e2e/neovim) and, when present, VS Code through code-server
# (tests/e2e/vscode). Each prints "N passed, N failed" last; this script exits non-zero if any suite fails.
#
#   ./e2e.sh              all suites
#   ./e2e.sh neovim       only the named suites (neovim, vscode)
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

suites=("$@")
if [ ${#suites[@]} -eq 0 ]; then
    suites=(neovim)
    [ -x "$repo/tests/e2e/vscode/run.sh" ] && suites+=(vscode)
fi

status=0
summary=()
for suite in "${suites[@]}"; do
    script="$repo/tests/e2e/$suite/run.sh"
    if [ ! -x "$script" ]; then echo "e2e: no suite '$suite' ($script)" >&2; status=2; continue; fi
    echo "=== e2e: $suite"
    start=$(date +%s)
    if "$script"; then result=ok; else result=FAILED; status=1; fi
    summary+=("$suite: $result in $(( $(date +%s) - start ))s")
done
echo "=== e2e summary"
printf '%s\n' "${summary[@]}"
exit $status
