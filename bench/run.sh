#!/usr/bin/env bash
# One command for all benchmarks: package, cold start (ours vs a bare-SDK baseline), warm cost,
# batch scaling. Run from anywhere after `mvn -B -q -DskipTests package`:
#   bench/run.sh [--runs 10] [--requests 1000] [--only batch]
#   bench/run.sh --focus custom [--runs 20]   the decisive cold-start comparison alone (baseline, custom runtime C1 / both JITs)
# Loopback only. About 6-8 minutes on 2 cores (the custom runtime's image is built first). Prints a Markdown report and writes it into
# BENCHMARKS.md (between its generated-section markers) and bench/target/results.md.
set -euo pipefail
ROOT="${BENCH_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$ROOT"

for jar in functions/target/instance-role-functions.jar local/target/instance-role-local.jar emulator/target/alibaba-cloud-emulator.jar; do
  if [[ ! -f "$jar" ]]; then
    echo "missing $jar: build first with  mvn -B -q -DskipTests package" >&2
    exit 1
  fi
done

# The custom runtime's image (jlinked JDK 25, AOT cache), made fresh so it holds the jars just built.
[[ " $* " == *" --only batch "* ]] || runtime/build.sh >&2

# The baseline: its own module, outside the parent's <modules>, so the test suite never builds it.
mvn -B -q -f bench/pom.xml package >&2

# The harness runs our handlers in-process, so it compiles against the local stack's jar (which holds them all).
# A jar, not a class folder: AppCDS refuses to archive from a non-empty directory on the class path.
rm -rf bench/target/harness-classes
javac --release 11 -Xlint:all -Werror -d bench/target/harness-classes \
  -cp local/target/instance-role-local.jar $(find bench/src/harness/java -name '*.java')
jar --create --file bench/target/bench-harness.jar -C bench/target/harness-classes .

export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
exec java -cp bench/target/bench-harness.jar:local/target/instance-role-local.jar io.instancerole.bench.BenchMain --root "$ROOT" "$@"
