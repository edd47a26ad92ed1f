#!/usr/bin/env bash
# End-to-end test of the HybridLsp extension in a real VS Code: code-server 4.100.3 (VS Code 1.100, Node 20) with the
# built .vsix installed, driven by playwright-core in Debian's headless chromium, on a copy of examples/hybrid-demo.
# Asserts the status bar shows ready, the Problems panel lists the demo's codes, F12 on a C# extern opens lib.rs, the
# light-bulb fix (Ctrl+.) for HL1005 removes its diagnostic, Build Native Module lists the demo's modules, Bind Exports
# runs hybridLsp.bindAll and shows its result, the Extract to Native flow asks its questions, and the walkthrough is
# contributed with its first step done.
# Screenshots: artifacts/e2e/vscode/*.png. Prints "N passed, N failed" last; exit 0 only if all pass.
#
#   tests/e2e/vscode/run.sh                  packages the extension first (`npm run package`)
#   HL_VSIX=path/x.vsix run.sh               that package
#   HL_TIMEOUT_MS=90000                      longest wait for one state in the browser
#   HL_E2E_TIMEOUT=600                       the browser drive is killed after this many seconds
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
artifacts="$repo/artifacts/e2e/vscode"
rm -rf "$artifacts"
mkdir -p "$artifacts"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# code-server's native modules (kerberos, argon2, spdlog, ...) build from source here: no prebuilt downloads offline.
for p in build-essential pkg-config python3 libkrb5-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
if [ ${#need_apt[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || { echo "vscode e2e: missing ${need_apt[*]}; apt-get install them (needs root)" >&2; exit 2; }
    echo "vscode e2e: apt-get install ${need_apt[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# code-server and playwright-core, pinned in this folder's package.json. code-server 4.100.3 is the newest that runs
# on Node 20. Its postinstall downloads ripgrep from GitHub; the download cache is seeded with Debian's rg instead.
cs_pkg="$here/node_modules/code-server/package.json"
if ! [ -f "$cs_pkg" ] || ! grep -q '"version": "4.100.3"' "$cs_pkg" \
    || ! [ -x "$here/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
    echo "vscode e2e: npm install (code-server 4.100.3, playwright-core); a few minutes the first time"
    rgcache="$(node -e 'console.log(require("os").tmpdir())')/vscode-ripgrep-cache-1.15.11"
    mkdir -p "$rgcache/x"
    cp "$(command -v rg)" "$rgcache/x/rg"
    tar -C "$rgcache/x" -czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" rg
    rm -rf "$rgcache/x"
    (cd "$here" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund) \
        >"$artifacts/npm-install.log" 2>&1 || { tail -40 "$artifacts/npm-install.log" >&2; exit 1; }
fi
code_server="$here/node_modules/.bin/code-server"

vsix="${HL_VSIX:-}"
if [ -z "$vsix" ]; then
    # Always from the current sources: a stale .vsix would test yesterday's extension.
    echo "vscode e2e: npm run package"
    (cd "$repo" && { [ -d node_modules ] || npm install --no-audit --no-fund; } && npm run package) >"$artifacts/package.log" 2>&1 \
        || { tail -40 "$artifacts/package.log" >&2; exit 1; }
    vsix="$(ls -t "$repo"/artifacts/hybrid-lsp-[0-9]*.vsix | head -1)"
fi
echo "vscode e2e: $vsix"

tmp="$(mktemp -d)"
cs_pgid=""
drive_pgid=""
stop_group() {
    local g="$1"
    [ -n "$g" ] || return 0
    kill -TERM -- "-$g" 2>/dev/null || return 0
    for _ in $(seq 50); do kill -0 -- "-$g" 2>/dev/null || return 0; sleep 0.1; done
    kill -KILL -- "-$g" 2>/dev/null || true
}
cleanup() {
    stop_group "$drive_pgid"
    stop_group "$cs_pgid"
    rm -rf "$tmp"
}
trap cleanup EXIT

# A private VS Code: own user data, extensions, XDG folders and temp; settings that keep it off the network.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg/config" XDG_DATA_HOME="$tmp/xdg/data" XDG_CACHE_HOME="$tmp/xdg/cache" TMPDIR="$tmp/tmp"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$TMPDIR" "$tmp/user-data/User" "$tmp/extensions"
cat >"$tmp/user-data/User/settings.json" <<'JSON'
{
    "telemetry.telemetryLevel": "off",
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "chat.disableAIFeatures": true,
    "update.mode": "none",
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    "security.workspace.trust.enabled": true,
    "security.workspace.trust.startupPrompt": "never",
    "security.workspace.trust.banner": "never",
    "window.restoreWindows": "none",
    "files.hotExit": "off"
}
JSON
cs_args=(--auth none --user-data-dir "$tmp/user-data" --extensions-dir "$tmp/extensions" --disable-telemetry
         --disable-update-check --disable-getting-started-override)
"$code_server" "${cs_args[@]}" --install-extension "$vsix" >"$artifacts/install-extension.log" 2>&1 \
    || { cat "$artifacts/install-extension.log" >&2; exit 1; }

# The workspace: a copy of the demo without build output, so nothing the test does touches the repository.
ws="$tmp/ws/hybrid-demo"
mkdir -p "$ws"
tar -C "$repo/examples/hybrid-demo" --exclude=./native/fastmath/target --exclude=bin --exclude=obj -cf - . | tar -C "$ws" -xf -

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})')"
setsid "$code_server" "${cs_args[@]}" --bind-addr "127.0.0.1:$port" \
    >"$artifacts/code-server.log" 2>&1 </dev/null &
cs_pgid=$!
# Ready when it answers HTTP (a state, polled; 60 s at most).
for _ in $(seq 600); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break
    kill -0 "$cs_pgid" 2>/dev/null || { cat "$artifacts/code-server.log" >&2; echo "vscode e2e: code-server exited" >&2; exit 1; }
    sleep 0.1
done
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "vscode e2e: code-server did not answer" >&2; exit 1; }
echo "vscode e2e: code-server $(node -p 'require(process.argv[1]).version' "$here/node_modules/code-server/package.json") on port $port"

set +e
HL_URL="http://127.0.0.1:$port" HL_WORKSPACE="$ws" HL_SHOTS="$artifacts" HL_BROWSER_PROFILE="$tmp/chromium" \
    setsid timeout -k 10 "${HL_E2E_TIMEOUT:-600}" node "$here/drive.mjs" >"$artifacts/output.txt" 2>"$artifacts/drive-stderr.txt" </dev/null &
drive_pgid=$!
wait "$drive_pgid"
rc=$?
set -e
cat "$artifacts/output.txt"
# Keep the extension's own log as an artifact.
find "$tmp/user-data/logs" -path '*HybridLsp*' -name '*.log' -exec cp {} "$artifacts/" \; 2>/dev/null || true
last="$(tail -n 1 "$artifacts/output.txt")"
if [ "$rc" -ne 0 ] || ! [[ "$last" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
    [ "$rc" -eq 124 ] && echo "vscode e2e: timed out after ${HL_E2E_TIMEOUT:-600}s"
    if [ -s "$artifacts/drive-stderr.txt" ]; then echo "--- drive stderr"; tail -20 "$artifacts/drive-stderr.txt"; fi
    echo "--- last lines of code-server's log"; tail -15 "$artifacts/code-server.log"
    [[ "$last" =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]] && echo "$last" || echo "0 passed, 1 failed"
    exit 1
fi
