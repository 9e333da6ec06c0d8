#!/usr/bin/env bash
# The custom runtime's image, in one command, after `mvn -B -q -DskipTests package`:
#   runtime/build.sh            -> runtime/target/image/ and runtime/target/instance-role-runtime.zip
# The image: a jlinked JDK 25 with only the modules the functions use (jdeps says which), the code
# package (the functions' jar and the adapter's), an AOT cache made by a training run that sends
# every route to the adapter against an emulator, and `bootstrap`, which Function Compute runs.
# Needs Temurin 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) and curl. Loopback only.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
JDK="${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
OUT=runtime/target
IMAGE="$OUT/image"
FUNCTIONS=functions/target/instance-role-functions.jar
ADAPTER=runtime/target/instance-role-runtime.jar
LOCAL=local/target/instance-role-local.jar
for jar in "$FUNCTIONS" "$ADAPTER" "$LOCAL"; do
  [[ -f "$jar" ]] || { echo "missing $jar: build first with  mvn -B -q -DskipTests package" >&2; exit 1; }
done
[[ -x "$JDK/bin/jlink" ]] || { echo "no JDK 25 at $JDK (set JDK25_HOME)" >&2; exit 1; }
step() { printf '%s  %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

rm -rf "$IMAGE" "$OUT/instance-role-runtime.zip"
mkdir -p "$IMAGE/lib"
cp "$FUNCTIONS" "$ADAPTER" "$IMAGE/lib/"

step "jdeps: the modules the code package uses"
MODULES=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
  --class-path "$IMAGE/lib/instance-role-functions.jar" "$IMAGE/lib/instance-role-runtime.jar" "$IMAGE/lib/instance-role-functions.jar")
# jdk.crypto.ec: elliptic-curve TLS to the real cloud's HTTPS endpoints, loaded by name (no class refers to it)
MODULES="$MODULES,jdk.crypto.ec"
step "jlink: $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --output "$IMAGE/jdk" \
  --strip-debug --no-man-pages --no-header-files --compress=zip-0

cp runtime/src/main/image/bootstrap "$IMAGE/bootstrap"
chmod +x "$IMAGE/bootstrap"

step "training run: every route, against an emulator"
WORK="$OUT/training"
rm -rf "$WORK" && mkdir -p "$WORK"
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
cleanup() { for pid in ${STACK_PID:-} ${RUNTIME_PID:-}; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT
# the local stack's emulator with its demo account (instances of team-a and team-b, a RAM user)
java -jar "$LOCAL" serve --port 0 --emulator-port 0 --metadata-port -1 >"$WORK/stack.out" 2>&1 &
STACK_PID=$!
await() { for _ in $(seq 1 600); do grep -qE "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; echo "timed out waiting for $1" >&2; cat "$1" >&2; exit 1; }
await "$WORK/stack.out" 'emulator +http://'
EMU=$(grep -oE 'emulator +http://[0-9.]+:[0-9]+' "$WORK/stack.out" | grep -oE 'http://.*')
ACCOUNT=$(curl -sS "$EMU/_emulator/account")
KEY=$(printf '%s' "$ACCOUNT" | grep -oE '"rootAccessKeyId" *: *"[^"]+"' | sed -E 's/.*"([^"]+)"$/\1/')
SECRET=$(printf '%s' "$ACCOUNT" | grep -oE '"rootAccessKeySecret" *: *"[^"]+"' | sed -E 's/.*"([^"]+)"$/\1/')

# The training JVM is the production one (the image's java, bootstrap's flags, the same class path),
# serving every function at once: the x-fc-function-handler header of each request says which.
( cd "$IMAGE" && env -i PATH="$PATH" CLOUD_ENDPOINT="${EMU#http://}" DEFAULT_REGION_ID=cn-hangzhou \
    FC_SERVER_PORT=0 RUNTIME_BIND_ADDRESS=127.0.0.1 FC_FUNCTION_MEMORY_SIZE=512 \
    RUNTIME_JAVA_OPTIONS="-XX:AOTCacheOutput=app.aot" ./bootstrap ) >"$WORK/runtime.out" 2>&1 &
RUNTIME_PID=$!
await "$WORK/runtime.out" 'listening on'
R="http://127.0.0.1:$(grep -oE 'listening on [0-9.]+:[0-9]+' "$WORK/runtime.out" | grep -oE '[0-9]+$')"

n=0
fc() { # fc <Function> <control path> <method> <path> [body]: one request as Function Compute sends it
  n=$((n + 1))
  local args=(-sS -o "$WORK/answer.$n" -w '%{http_code}' -X "$3" "$R$4"
    -H "x-fc-control-path: $2" -H "x-fc-request-id: training-$n"
    -H "x-fc-function-handler: io.instancerole.functions.$1::handleRequest" -H "x-fc-function-name: $1"
    -H "x-fc-access-key-id: $KEY" -H "x-fc-access-key-secret: $SECRET"
    -H 'X-Caller-Id: alice' -H 'X-Caller-Team: team-a' -H 'Content-Type: application/json')
  [[ $# -ge 5 ]] && args+=(-d "$5")
  local status
  status=$(curl "${args[@]}")
  printf '%s %s %s %s -> %s\n' "$1" "$2" "$3" "$4" "$status" >>"$WORK/requests.txt"
  [[ "$status" =~ ^[2-4][0-9][0-9]$ ]] || { echo "training request $n failed ($status): $1 $3 $4" >&2; cat "$WORK/answer.$n" >&2; exit 1; }
}
for f in CreateRoleFunction CreatePolicyFunction BindRoleFunction UnbindRoleFunction ReplaceRoleFunction GrantPassRoleFunction DescribeFunction ChatOpsFunction; do
  fc "$f" /initialize POST /initialize
done
# the README walkthrough, as HTTP-trigger requests, three times: the cache keeps the methods' profiles too,
# and later rounds take the answers of a repeat ("unchanged")
for round in 1 2 3; do
  fc CreateRoleFunction /http-invoke POST /v1/roles '{"roleName": "team-a-web", "description": "web servers of team A"}'
  fc CreateRoleFunction /http-invoke POST /v1/roles '{"roleName": "team-a-web", "description": "web servers of team A"}'
  fc CreatePolicyFunction /http-invoke POST /v1/policies '{"policyName": "team-a-web-logs", "document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["oss:GetObject", "oss:PutObject"], "Resource": "acs:oss:*:*:team-a-logs/*"}]}, "attachToRoles": ["team-a-web"]}'
  fc CreatePolicyFunction /http-invoke POST /v1/roles/team-a-web/policy-attachments '{"policyName": "AliyunECSReadOnlyAccess", "policyType": "System"}'
  fc BindRoleFunction /http-invoke POST /v1/role-bindings '{"roleName": "team-a-web", "instanceIds": ["i-demoa1", "i-demoa2"], "dryRun": true}'
  fc BindRoleFunction /http-invoke POST /v1/role-bindings '{"roleName": "team-a-web", "instanceIds": ["i-demoa1", "i-demoa2", "i-demob1"]}'
  fc DescribeFunction /http-invoke GET /v1/instances/i-demoa1/role
  fc CreateRoleFunction /http-invoke POST /v1/roles '{"roleName": "team-a-batch"}'
  fc ReplaceRoleFunction /http-invoke POST /v1/role-bindings/replace '{"roleName": "team-a-batch", "instanceIds": ["i-demoa2"], "expectedCurrentRoleName": "team-a-web"}'
  fc UnbindRoleFunction /http-invoke POST /v1/role-bindings/unbind '{"instanceIds": ["i-demoa1"], "roleName": "team-a-web"}'
  fc GrantPassRoleFunction /http-invoke POST /v1/pass-role-grants '{"userName": "deployer", "roleNames": ["team-a-web"], "includeEcsActions": true}'
  fc DescribeFunction /http-invoke GET /v1/roles/team-a-web
  # refusals: the guardrails and the error answers
  fc CreateRoleFunction /http-invoke POST /v1/roles '{"roleName": "team-b-web"}'
  fc CreatePolicyFunction /http-invoke POST /v1/policies '{"policyName": "team-a-everything", "document": {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}}'
  fc CreateRoleFunction /http-invoke POST /v1/roles '{"roleName": '
done
# the chat routes without the platforms' secrets (the training run has none): their refusal only
fc ChatOpsFunction /http-invoke POST /v1/chatops/slack 'token=x&text=help'
# API Gateway events, as /invoke carries them
fc CreateRoleFunction /invoke POST /invoke '{"path":"/v1/roles","httpMethod":"POST","headers":{"X-Caller-Id":"alice","X-Caller-Team":"team-a","Content-Type":"application/json"},"queryParameters":{},"pathParameters":{},"body":"{\"roleName\":\"team-a-event\"}","isBase64Encoded":false}'
fc DescribeFunction /invoke POST /invoke '{"path":"/v1/roles/team-a-event","httpMethod":"GET","headers":{"X-Caller-Id":"alice","X-Caller-Team":"team-a"},"queryParameters":{},"pathParameters":{},"body":"","isBase64Encoded":false}'

step "writing the AOT cache ($n training requests; see $WORK/requests.txt)"
kill -TERM "$RUNTIME_PID"
wait "$RUNTIME_PID" || true
RUNTIME_PID=
[[ -f "$IMAGE/app.aot" ]] || { echo "the training run wrote no AOT cache; see $WORK/runtime.out" >&2; tail -20 "$WORK/runtime.out" >&2; exit 1; }

step "code package: $OUT/instance-role-runtime.zip"
( cd "$IMAGE" && rm -f app.aotconfig && zip -qr -X ../instance-role-runtime.zip . )
du -sh "$IMAGE" "$IMAGE/jdk" "$IMAGE/lib" "$IMAGE/app.aot" "$OUT/instance-role-runtime.zip" >&2
