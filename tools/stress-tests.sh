#!/usr/bin/env bash
# Runs the browser test project N times in a row while both cores are kept busy, and prints "N passed, M failed".
# A test that fails now and then is a failing test: this is how to see it before CI does.
#
#   tools/stress-tests.sh [runs=20] [test project=tests/CaseManagement.BrowserTests]
#
# Load: stress-ng on every core when it is installed (Debian package stress-ng), otherwise one `yes` per core.
# Failed runs keep their output under $STRESS_LOGS (default /tmp/casemgmt-stress). Needs Chromium (see README).
set -uo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20}
project=${2:-tests/CaseManagement.BrowserTests}
logs=${STRESS_LOGS:-/tmp/casemgmt-stress}
cores=$(nproc)
mkdir -p "$logs"
# A skipped test (no Chromium) is a failed run here, as in CI.
export CASEMGMT_REQUIRE_ALL=1

dotnet build "$project" -v q -nologo >"$logs/build.log" 2>&1 || { tail -20 "$logs/build.log"; exit 2; }

load_pids=()
stop_load() { for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; }
trap stop_load EXIT
if command -v stress-ng >/dev/null; then
  stress-ng --cpu "$cores" --timeout 0 --quiet & load_pids+=($!)
  load="stress-ng --cpu $cores"
else
  for _ in $(seq "$cores"); do yes >/dev/null & load_pids+=($!); done
  load="$cores x yes"
fi
echo "stress: $runs runs of $project under load ($load)"

passed=0 failed=0
for run in $(seq "$runs"); do
  started=$SECONDS
  if dotnet test "$project" --no-build -nologo >"$logs/run-$run.log" 2>&1; then
    passed=$((passed + 1)); verdict=passed; rm -f "$logs/run-$run.log"
  else
    failed=$((failed + 1)); verdict="FAILED (log: $logs/run-$run.log)"
    grep -E '\[FAIL\]|Failed [A-Za-z]' "$logs/run-$run.log" | head -5
  fi
  echo "run $run: $verdict in $((SECONDS - started)) s"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
