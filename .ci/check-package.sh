#!/usr/bin/env bash
# The package as consumers get it: packs the library, checks what is in it and its size, checks that API.md is
# current, then installs the tarball into fresh cdk8s apps outside the repository (.ci/consumer-app: strict
# tsconfig, cdk8s.yaml), once with the newest and once with the lowest supported cdk8s, constructs and
# cdk8s-plus-28, type-checks, runs `cdk8s synth` (with SupersetApp, whose files must equal cdk8s' App's) and the
# installed `cdk8s-superset render`, and validates the output.
#
# With --record (as .ci/run calls it), each check counts as one test in test-reports/summary.txt, the
# `Tests: N passed, N failed` line CI reads, so a broken package fails CI there too. Exit code 1 when a check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export CDK8S_CHECK_UPGRADE=false

# The budget the README states, in bytes: the tarball, and the package once unpacked.
readonly PACKED_BUDGET=$((400 * 1024))
readonly UNPACKED_BUDGET=$((1800 * 1024))
# The newest versions the project develops with, and the lowest the peer ranges allow (cdk8s-plus-28's minimums).
# The apps type-check with the project's TypeScript, and with the oldest the README supports.
readonly CURRENT_PEERS="cdk8s@2.70.106 constructs@10.8.1 cdk8s-plus-28@2.5.6 typescript@$(node -p 'require("typescript/package.json").version')"
readonly LOWEST_PEERS="cdk8s@2.68.12 constructs@10.3.0 cdk8s-plus-28@2.0.3 typescript@5.0.4"

work=$(mktemp -d "${TMPDIR:-/tmp}/cdk8s-superset-package.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
passed=0
failed=0

# check NAME COMMAND...: runs the command, output in $work/NAME.log, shown only when it fails.
check() {
  local name=$1
  shift
  local started=$SECONDS
  if "$@" >"$work/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "PASS $name ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL $name ($((SECONDS - started)) s)"
    sed 's/^/    /' "$work/$name.log"
  fi
}

pack() {
  # prepack compiles a clean lib/; the JSON report lists the files and sizes.
  npm pack --json --pack-destination "$work" >"$work/pack.json" || return 1
  node -e '
    const [report] = require(process.argv[1]);
    console.log(`${report.filename}: ${report.size} bytes packed, ${report.unpackedSize} unpacked, ${report.entryCount} files`);
  ' "$work/pack.json"
}

contents() {
  node -e '
    const fs = require("node:fs");
    const [report] = require(process.argv[1]);
    const allowed = /^(package\.json|README\.md|LICENSE|API\.md|lib\/(src|imports)\/.+\.(js|d\.ts))$/;
    const problems = report.files.map((f) => f.path).filter((p) => !allowed.test(p)).map((p) => `not for consumers: ${p}`);
    for (const must of ["lib/src/index.js", "lib/src/index.d.ts", "README.md", "LICENSE", "API.md"]) {
      if (!report.files.some((f) => f.path === must)) problems.push(`missing: ${must}`);
    }
    // A source map would point at TypeScript sources the package does not contain.
    for (const f of report.files.filter((f) => f.path.endsWith(".js"))) {
      if (fs.readFileSync(f.path, "utf8").includes("sourceMappingURL")) problems.push(`source map reference: ${f.path}`);
    }
    if (problems.length) { console.log(problems.join("\n")); process.exit(1); }
    console.log(`${report.files.length} files, all for consumers`);
  ' "$work/pack.json"
}

budget() {
  node -e '
    const [report] = require(process.argv[1]);
    const [packed, unpacked] = process.argv.slice(2).map(Number);
    const line = (what, size, max) => `${what}: ${size} bytes, budget ${max} (${Math.round(100 * size / max)} %)`;
    console.log(line("packed", report.size, packed));
    console.log(line("unpacked", report.unpackedSize, unpacked));
    if (report.size > packed || report.unpackedSize > unpacked) process.exit(1);
  ' "$work/pack.json" "$PACKED_BUDGET" "$UNPACKED_BUDGET"
}

api_docs() {
  npx typedoc --logLevel Error --out "$work/api" || return 1
  if ! cmp -s "$work/api/API.md" API.md; then
    diff -u API.md "$work/api/API.md" | head -40
    echo "API.md is not current: run 'npx projen docgen' and commit it"
    return 1
  fi
  echo "API.md is current"
}

# consumer NAME PACKAGES: a fresh app outside the repository with the tarball, these peers and TypeScript.
consumer() {
  local app="$work/$1" peers=$2 tarball
  tarball=$(node -p 'require(process.argv[1])[0].filename' "$work/pack.json")
  mkdir -p "$app" && cp .ci/consumer-app/main.ts .ci/consumer-app/tsconfig.json .ci/consumer-app/cdk8s.yaml .ci/consumer-app/superset.yaml "$app/"
  (
    cd "$app" || exit 1
    echo '{ "name": "consumer-app", "version": "0.0.0", "private": true }' >package.json
    # The peers exactly as given, so that npm cannot satisfy them with another version.
    # shellcheck disable=SC2086
    npm install --no-audit --no-fund --prefer-offline --save-exact "$work/$tarball" $peers || exit 1
    # Exactly one copy of each peer in the app.
    for peer in cdk8s constructs cdk8s-plus-28; do
      copies=$(find . -path "*/node_modules/$peer/package.json" | wc -l)
      [ "$copies" -eq 1 ] || { echo "$copies copies of $peer"; exit 1; }
    done
    npm ls --depth=0 cdk8s constructs cdk8s-plus-28 cdk8s-superset || exit 1
    node_modules/.bin/tsc -p . || exit 1
    "$repo/node_modules/.bin/cdk8s" synth || exit 1
    # SupersetApp wrote what cdk8s' own App writes, byte for byte.
    CDK8S_OUTDIR=plain.out PLAIN_APP=1 node dist/main.js || exit 1
    diff -r cdk8s.out plain.out || { echo "SupersetApp and App wrote different files"; exit 1; }
    # The command line the package installs, on a resource kept in YAML.
    node_modules/.bin/cdk8s-superset render --check superset.yaml || exit 1
    node_modules/.bin/cdk8s-superset render superset.yaml -o rendered || exit 1
  ) || return 1
  node_modules/.bin/tsx scripts/validate-manifests.ts "$app"/cdk8s.out/*.yaml "$app"/rendered/*.yaml
}

check pack pack
if [ -f "$work/pack.json" ]; then
  check package-contents contents
  check package-size budget
  check consumer-current-peers consumer current "$CURRENT_PEERS"
  check consumer-lowest-peers consumer lowest "$LOWEST_PEERS"
fi
check api-docs-current api_docs

echo "package checks: $passed passed, $failed failed"
[ "${1:-}" = --record ] || { [ "$failed" -eq 0 ]; exit; }
# Add the checks to the closing line of the test run (or start one when the tests did not write it).
mkdir -p test-reports
node -e '
  const fs = require("node:fs");
  const file = "test-reports/summary.txt";
  const [passed, failed] = process.argv.slice(1).map(Number);
  const line = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "Tests: 0 passed, 0 failed";
  const m = /^Tests: (\d+) passed, (\d+) failed(.*)$/m.exec(line);
  if (!m) { fs.writeFileSync(file, `Tests: ${passed} passed, ${failed + 1} failed\n`); process.exit(0); }
  fs.writeFileSync(file, `Tests: ${Number(m[1]) + passed} passed, ${Number(m[2]) + failed} failed${m[3]}\n`);
' "$passed" "$failed"
[ "$failed" -eq 0 ]
