#!/usr/bin/env bash
# The long hardening run (docs/hardening.md): every fuzzer with many more cases and a seed of your choice, then
# the soak test with more operations. CI runs the same tests with their defaults (2,000 cases, 10,000 operations).
#   ./fuzz.sh                      # 50,000 cases per parser, a seed from the clock, 50,000 soak operations
#   CASES=200000 SEED=7 OPS=100000 ./fuzz.sh
set -euo pipefail
cd "$(dirname "$0")"
export HYBRIDLSP_FUZZ_CASES="${CASES:-50000}"
export HYBRIDLSP_FUZZ_SEED="${SEED:-$(date +%s)}"
export HYBRIDLSP_SOAK_OPS="${OPS:-50000}"
echo "fuzz.sh: $HYBRIDLSP_FUZZ_CASES cases per parser, seed $HYBRIDLSP_FUZZ_SEED; soak $HYBRIDLSP_SOAK_OPS operations"
dotnet build HybridLsp.sln -c Release -warnaserror -nologo -v quiet
status=0
dotnet test tests/HybridLsp.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~Fuzzing.ParserFuzzTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "^fuzz |Passed|Failed|Total" || status=1
dotnet test tests/HybridLsp.Server.Tests -c Release --no-build --nologo --filter "FullyQualifiedName~FrameReaderFuzzTests|FullyQualifiedName~SoakTests" \
  --logger "console;verbosity=detailed" 2>&1 | grep -E "^fuzz |^soak:|Passed|Failed|Total" || status=1
echo "fuzz.sh: failing inputs (if any) are in ${TMPDIR:-/tmp}/hybrid-lsp-fuzz/"
exit $status
