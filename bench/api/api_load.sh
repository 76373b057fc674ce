#!/usr/bin/env bash
# HTTP API load: `GET /api/v1/bindings/{id}/balances` with a bearer token, as a script polling
# its balances would call it. Starts `tradelink demo` (platform + embedded sandbox) on free
# ports, logs in as the demo user, makes an API token, binds the good demo key, waits for its
# first synced balances, then runs wrk. Writes requests/s and latency percentiles between the
# api-load markers of the benchmark report.
# Usage: api_load.sh TRADELINK_BINARY [REPORT]   (env: TRADELINK_API_LOAD_SECONDS, default 10;
# TRADELINK_API_LOAD_PERF=FILE also records a perf profile of the server during the run)
set -euo pipefail
tradelink=${1:?usage: api_load.sh TRADELINK_BINARY [REPORT]}
report=${2:-docs/benchmarks.md}
seconds=${TRADELINK_API_LOAD_SECONDS:-10}
threads=2
connections=32

command -v wrk >/dev/null || { echo "api_load: wrk is missing (scripts/bootstrap installs it)" >&2; exit 1; }
work=$(mktemp -d)
demo_pid=
cleanup() {
  if [[ -n "$demo_pid" ]]; then
    kill -INT "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
sandbox_port=$(free_port)
"$tradelink" demo --listen "127.0.0.1:$port" --sandbox-listen "127.0.0.1:$sandbox_port" \
  --data "$work/data" --keys-json "$work/demo.json" >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 400); do
  [[ -s "$work/demo.json" ]] && break
  kill -0 "$demo_pid" 2>/dev/null || { cat "$work/demo.out" "$work/demo.err" >&2; exit 1; }
  sleep 0.05
done
[[ -s "$work/demo.json" ]] || { echo "api_load: the demo did not start" >&2; exit 1; }

# Log in, make a token, bind the good key, wait for synced balances. Prints "TOKEN URL".
read -r token url < <(python3 - "$work/demo.json" <<'PY'
import json, sys, time, urllib.request, urllib.error
demo = json.load(open(sys.argv[1]))
base = demo["url"]
def call(method, path, body=None, headers=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null"), response.headers
login, headers = call("POST", "/api/v1/auth/login",
                      {"email": demo["email"], "password": demo["password"]})
cookie = headers["Set-Cookie"].split(";")[0]
made, _ = call("POST", "/api/v1/tokens", {"name": "api-load"},
               {"Cookie": cookie, "X-CSRF-Token": login["csrf_token"]})
bearer = {"Authorization": "Bearer " + made["token"]}
good = next(key for key in demo["keys"] if key["name"] == "good")
binding, _ = call("POST", "/api/v1/bindings", {"venue": "gateio", "label": "api-load",
                                               "api_key": good["key"], "secret": good["secret"],
                                               "scope": "both"}, bearer)
path = "/api/v1/bindings/%s/balances" % binding["id"]
for _ in range(400):
    try:
        call("GET", path, None, bearer)
        break
    except urllib.error.HTTPError:
        time.sleep(0.05)
else:
    sys.exit("api_load: the binding's balances never synced")
print(made["token"], base + path)
PY
)

load_average=$(cut -d' ' -f1-3 /proc/loadavg)
[[ -n "${TRADELINK_API_LOAD_PERF:-}" ]] && { perf record -g -p "$demo_pid" -o "$TRADELINK_API_LOAD_PERF" -- sleep "$seconds" >/dev/null 2>&1 & }
output=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -H "Authorization: Bearer $token" "$url")
if grep -q 'Non-2xx or 3xx responses' <<<"$output"; then
  echo "api_load: refusals:" >&2
  echo "$output" >&2
  exit 1
fi
rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$output")
p50=$(awk '$1 == "50%" {print $2}' <<<"$output")
p99=$(awk '$1 == "99%" {print $2}' <<<"$output")

block=$(cat <<MD
<!-- api-load:begin -->
Written by \`make bench\` (bench/api/api_load.sh): \`tradelink demo\` (the platform with its 2 I/O
threads and 4 API workers, and the sandbox, in one process) under \`wrk -t$threads -c$connections -d${seconds}s --latency\` with a bearer
token, on the same machine (wrk, the platform and the sandbox share its cores). Every answer 200.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average before the run: $load_average
- \`GET /api/v1/bindings/{id}/balances\`: **$rps req/s**, p50 $p50, p99 $p99 (goal ≥ 30k req/s, p99 ≤ 5 ms)
<!-- api-load:end -->
MD
)
python3 - "$report" "$block" <<'PY'
import sys
path, block = sys.argv[1], sys.argv[2] + "\n"
text = open(path).read()
begin, end = text.find("<!-- api-load:begin -->"), text.find("<!-- api-load:end -->")
if begin < 0 or end < 0:
    text = text.rstrip("\n") + "\n\n## HTTP API load\n\n" + block
else:
    text = text[:begin] + block + text[end + len("<!-- api-load:end -->\n"):]
open(path, "w").write(text)
PY
echo "$block"
