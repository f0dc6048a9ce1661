#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: lint, compile, Solidity tests (unit, fuzz, invariant),
# TypeScript tests (vitest). Ends with one line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh || exit 1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() {
  echo "==> npm run $1"
  npm run --silent "$1" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}
step build || exit 1
# The build compiles exactly what is deployed (one set of settings for every profile): a compiler warning is a
# defect to fix, not noise — in particular a code-size warning means a contract could not be deployed.
if sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -q '^Warning:'; then
  echo "The Solidity build printed a compiler warning (above): fix it." >&2
  exit 1
fi
step lint || exit 1
failed_steps=0
step test:sol || failed_steps=$((failed_steps + 1))
step test:ts || failed_steps=$((failed_steps + 1))

plain=$(sed 's/\x1b\[[0-9;]*m//g' "$log")
sum() { grep -Eo '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
sol_passed=$(grep -E '^ *[0-9]+ passing' <<<"$plain" | sum)
sol_failed=$(grep -E '^ *[0-9]+ failing' <<<"$plain" | sum)
ts_line=$(grep -E '^ *Tests +' <<<"$plain" | tail -n 1)
ts_passed=$(grep -Eo '[0-9]+ passed' <<<"$ts_line" | grep -Eo '[0-9]+')
ts_failed=$(grep -Eo '[0-9]+ failed' <<<"$ts_line" | grep -Eo '[0-9]+')
passed=$((${sol_passed:-0} + ${ts_passed:-0}))
failed=$((${sol_failed:-0} + ${ts_failed:-0}))
if [ "$failed_steps" -gt 0 ] && [ "$failed" -eq 0 ]; then failed=$failed_steps; fi
echo "Solidity: ${sol_passed:-0} passed, ${sol_failed:-0} failed; TypeScript: ${ts_passed:-0} passed, ${ts_failed:-0} failed"
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed_steps" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
