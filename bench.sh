#!/usr/bin/env bash
# Publishes the server as a native executable (Native AOT, .ci/publish-native) and times it (DESIGN.md §6). Measures only: no budget is asserted.
#
#   ./bench.sh [ARGS...]            the demo benchmark on examples/hybrid-demo: a Markdown table, also written to
#                                   artifacts/bench.md; ARGS go to the driver, e.g. --spawn-runs 5 --requests 100
#   ./bench.sh --scale [SIZE...]    the scale benchmark on generated workspaces (docs/performance.md): SIZE is a
#                                   number of externs (1k, 5k, 20k) or 'realistic'; default: 1k 5k 20k realistic.
#                                   Writes artifacts/bench-scale.md and one artifacts/bench-scale-SIZE.json per size;
#                                   exits 1 when a run's findings differ from what the generator seeded.
#                                   SCALE_ARGS (environment) go to each run, e.g. SCALE_ARGS='--requests 200 --edits 50'.
set -euo pipefail
cd "$(dirname "$0")"

.ci/publish-native artifacts/native
dotnet build tests/HybridLsp.Benchmarks -c Release
driver() { dotnet run --project tests/HybridLsp.Benchmarks -c Release --no-build -- "$@"; }

if [[ "${1:-}" != "--scale" ]]; then
  driver --server artifacts/native/hybrid-lsp --demo examples/hybrid-demo --out artifacts/bench.md "$@"
  exit 0
fi

shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1k 5k 20k realistic)
status=0
jsons=()
for size in "${sizes[@]}"; do
  ws=".tmp/bench-ws-$size"
  if [[ "$size" == realistic ]]; then
    driver gen --shape realistic --out "$ws"
  else
    # DESIGN §6's shape: three quarters of the externs bound to Rust, one quarter to C functions in CMake libraries.
    n=${size%k}; [[ "$size" == *k ]] && n=$((n * 1000))
    driver gen --shape dense --n $((n * 3 / 4)) --c-fraction 0.33334 --out "$ws"
  fi
  # shellcheck disable=SC2086
  driver scale --server artifacts/native/hybrid-lsp --workspace "$ws" --json "artifacts/bench-scale-$size.json" ${SCALE_ARGS:-} || status=1
  jsons+=("artifacts/bench-scale-$size.json")
done
driver report --out artifacts/bench-scale.md "${jsons[@]}"
exit $status
