#!/usr/bin/env bash
# End-to-end test: Neovim (Debian, headless) as an independent LSP client of hybrid-lsp on examples/hybrid-demo.
# Diagnostics, definition in both directions, references. Prints "N passed, N failed" last; exit 0 only if all pass.
#
#   tests/e2e/neovim/run.sh                      build the server (Release) and run
#   HL_SERVER_DLL=path/to/hybrid-lsp.dll run.sh  use that server instead of building
#   HL_TIMEOUT_MS=60000                          longest wait for any one state inside Neovim
#   HL_E2E_TIMEOUT=300                           the whole Neovim run is killed after this many seconds
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
artifacts="$repo/artifacts/e2e/neovim"
mkdir -p "$artifacts"

if ! command -v nvim >/dev/null 2>&1; then
    echo "neovim e2e: installing Debian neovim"
    if [ "$(id -u)" -ne 0 ]; then echo "neovim e2e: nvim is missing and this is not root: apt-get install neovim" >&2; exit 2; fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null
fi
echo "neovim e2e: $(nvim --version | head -1)"

if [ -z "${HL_SERVER_DLL:-}" ]; then
    echo "neovim e2e: dotnet build server -c Release"
    dotnet build "$repo/server" -c Release -nologo -v q >"$artifacts/build.log" 2>&1 \
        || { tail -30 "$artifacts/build.log" >&2; echo "neovim e2e: server build failed" >&2; exit 1; }
    HL_SERVER_DLL="$repo/server/bin/Release/net10.0/hybrid-lsp.dll"
fi
[ -f "$HL_SERVER_DLL" ] || { echo "neovim e2e: no server at $HL_SERVER_DLL" >&2; exit 1; }

tmp="$(mktemp -d)"
server_log="$artifacts/server.log"
rm -f "$server_log"
export HL_DEMO="$repo/examples/hybrid-demo"
export HL_SERVER_CMD="dotnet	$HL_SERVER_DLL	serve	--stdio	--log-file	$server_log"
export HL_SERVER_LOG="$server_log"
# A private, empty Neovim state: no user config, shada, swap or log files outside $tmp.
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" XDG_CACHE_HOME="$tmp/cache"
export NVIM_LOG_FILE="$tmp/nvim.log"

pgid=""
cleanup() {
    # Neovim and the server it started run in their own process group: stop whatever is left of it.
    if [ -n "$pgid" ] && kill -0 -- "-$pgid" 2>/dev/null; then
        echo "neovim e2e: stopping leftover processes of group $pgid"
        kill -TERM -- "-$pgid" 2>/dev/null || true
        sleep 1
        kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

cd "$here"
# setsid: a new process group (its id is the pid) so that the cleanup can reach the server too.
setsid timeout -k 10 "${HL_E2E_TIMEOUT:-300}" \
    nvim --headless --clean -u NONE -i NONE -n -c 'luafile test.lua' </dev/null >"$artifacts/output.txt" 2>"$artifacts/nvim-stderr.txt" &
pgid=$!
set +e
wait "$pgid"
rc=$?
set -e
cat "$artifacts/output.txt"
last="$(tail -n 1 "$artifacts/output.txt")"
if [ "$rc" -ne 0 ] || ! [[ "$last" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
    [ "$rc" -eq 124 ] && echo "neovim e2e: timed out after ${HL_E2E_TIMEOUT:-300}s"
    if [ -s "$artifacts/nvim-stderr.txt" ]; then echo "--- Neovim's messages"; cat "$artifacts/nvim-stderr.txt"; echo; fi
    echo "--- last lines of the server log ($server_log)"
    tail -n 20 "$server_log" 2>/dev/null || true
    # The last line is always the count; when Neovim died before printing one, count that as the failure.
    [[ "$last" =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]] && echo "$last" || echo "0 passed, 1 failed"
    exit 1
fi
