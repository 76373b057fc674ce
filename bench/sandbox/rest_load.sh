#!/usr/bin/env bash
# REST load on the sandbox exchange: wrk against a public call (GET /api/v4/spot/time) as the
# baseline and against a signed one (GET /api/v4/spot/accounts, signed once by `tradelink gate
# sign`; its Timestamp stays valid for 60 s, longer than the run). Rate limits are switched off
# through the admin API so the figure is the server's, not Gate's quota. Writes both requests/s
# between the rest-load markers of the benchmark report.
# Usage: rest_load.sh TRADELINK_BINARY [REPORT]   (env: TRADELINK_REST_LOAD_SECONDS, default 10)
set -euo pipefail
tradelink=${1:?usage: rest_load.sh TRADELINK_BINARY [REPORT]}
report=${2:-docs/benchmarks.md}
seconds=${TRADELINK_REST_LOAD_SECONDS:-10}
threads=2
connections=64

command -v wrk >/dev/null || { echo "rest_load: wrk is missing (scripts/bootstrap installs it)" >&2; exit 1; }
work=$(mktemp -d)
sandbox_pid=
cleanup() {
  if [[ -n "$sandbox_pid" ]]; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"$tradelink" sandbox --listen 127.0.0.1:0 --no-market --threads 2 >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 200); do
  [[ -s "$work/sandbox.out" ]] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$work/sandbox.err" >&2; exit 1; }
  sleep 0.05
done
base=$(sed -n '1s|^sandbox: Gate.io APIv4 at \(http://[^ ,]*\)/api/v4,.*|\1|p' "$work/sandbox.out")
[[ -n "$base" ]] || { echo "rest_load: no banner from the sandbox" >&2; cat "$work/sandbox.out" "$work/sandbox.err" >&2; exit 1; }

# Admin calls: a user, a spot read key, some funds, rate limits off. Prints "KEY SECRET".
read -r key secret < <(python3 - "$base/sandbox/v1" <<'PY'
import json, sys, urllib.request
admin = sys.argv[1]
def call(method, path, body):
    request = urllib.request.Request(admin + path, method=method, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None
user = call("POST", "/users", {"name": "rest-load"})
key = call("POST", "/keys", {"user_id": user["user_id"], "name": "rest-load",
                             "perms": [{"name": "spot", "read_only": True}], "withdraw": False,
                             "ip_whitelist": [], "currency_pairs": [], "state": 1, "mode": 1})
for currency, amount in (("USDT", "10000"), ("BTC", "1"), ("ETH", "10")):
    call("POST", "/deposits", {"user_id": user["user_id"], "currency": currency, "amount": amount,
                               "account": "spot"})
call("PUT", "/rate_limits", {"enabled": False})
print(key["key"], key["secret"])
PY
)

# Runs wrk; prints requests/s, or fails when any answer was not 2xx (it would measure refusals).
run_wrk() {
  local name=$1 url=$2
  shift 2
  local output
  output=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" "$url")
  echo "$output" >"$work/$name.txt"
  if grep -q 'Non-2xx or 3xx responses' <<<"$output"; then
    echo "rest_load: $name got refusals:" >&2
    echo "$output" >&2
    curl -s "$@" "$url" >&2 || true
    exit 1
  fi
  awk '/^Requests\/sec:/ {print $2}' <<<"$output"
}

load_average=$(cut -d' ' -f1-3 /proc/loadavg)
public_rps=$(run_wrk public "$base/api/v4/spot/time")

signature=$(TRADELINK_GATE_SECRET=$secret "$tradelink" gate sign --key "$key" --method GET \
  --path /api/v4/spot/accounts)
header() { sed -n "s/^  $1: //p" <<<"$signature"; }
signed_rps=$(run_wrk signed "$base/api/v4/spot/accounts" \
  -H "KEY: $(header KEY)" -H "Timestamp: $(header Timestamp)" -H "SIGN: $(header SIGN)")
latency() { awk '/^ +99%/ {print $2}' "$work/$1.txt"; }

echo "rest_load: public GET /spot/time ${public_rps} req/s, signed GET /spot/accounts ${signed_rps} req/s" >&2

python3 - "$report" "$public_rps" "$signed_rps" "$(latency public)" "$(latency signed)" \
  "$seconds" "$threads" "$connections" "$load_average" <<'PY'
import datetime, os, sys
report, public, signed, public_p99, signed_p99, seconds, threads, connections, load = sys.argv[1:10]
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
except OSError:
    pass
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
begin, end = "<!-- rest-load:begin -->", "<!-- rest-load:end -->"
block = (
    f"{begin}\n"
    "Written by `make bench` (bench/sandbox/rest_load.sh): `tradelink sandbox --no-market --threads 2`\n"
    f"under `wrk -t{threads} -c{connections} -d{seconds}s` on the same machine (wrk and the sandbox share\n"
    "its cores), rate limits off, every answer 200.\n\n"
    f"- Machine: {cpu}, {os.cpu_count()} cores, load average before the runs {load}\n"
    f"- Date: {now}\n\n"
    "| request | requests/s | p99 latency |\n|---|---|---|\n"
    f"| public `GET /api/v4/spot/time` (baseline) | {float(public):,.0f} | {public_p99} |\n"
    f"| signed `GET /api/v4/spot/accounts` (3 currencies) | {float(signed):,.0f} | {signed_p99} |\n"
    f"{end}\n"
)
text = open(report).read() if os.path.exists(report) else "# tradelink benchmarks\n"
start, stop = text.find(begin), text.find(end)
if start >= 0 and stop >= 0:
    text = text[:start] + block + text[stop + len(end):].lstrip("\n")
else:
    text = text.rstrip("\n") + "\n\n## REST load (sandbox)\n\n" + block
open(report, "w").write(text)
PY
