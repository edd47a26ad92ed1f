#!/usr/bin/env bash
# Publishes the server ReadyToRun and times it on examples/hybrid-demo (DESIGN.md §6).
# Prints a Markdown table and writes it to artifacts/bench.md. Measures only: no budget is asserted.
# Extra arguments go to the driver, e.g. ./bench.sh --spawn-runs 5 --requests 100
set -euo pipefail
cd "$(dirname "$0")"

dotnet publish server -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/server
dotnet build tests/HybridLsp.Benchmarks -c Release
dotnet run --project tests/HybridLsp.Benchmarks -c Release --no-build -- \
  --server artifacts/server/hybrid-lsp --demo examples/hybrid-demo --out artifacts/bench.md "$@"
