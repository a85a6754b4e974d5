# Shared by deploy/local/up, down and status. Sourced, not run.
# shellcheck shell=bash

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$LOCAL_DIR/../.." && pwd)"
STATE="${FIREBREAK_STATE_DIR:-$LOCAL_DIR/.state}"
LOGS="$STATE/logs"
PIDS="$STATE/pids"

PG_PORT="${FIREBREAK_PG_PORT:-15432}"
KAFKA_PORT="${FIREBREAK_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${FIREBREAK_KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_PARTITIONS="${FIREBREAK_KAFKA_PARTITIONS:-6}"
KAFKA_VERSION=4.1.2
KEYCLOAK_PORT="${FIREBREAK_KEYCLOAK_PORT:-8180}"
KEYCLOAK_VERSION=26.7.3
GATEWAY_PORT="${FIREBREAK_GATEWAY_PORT:-8080}"
# GreenMail: a real SMTP server whose mailboxes are readable over a small REST API.
SMTP_PORT="${FIREBREAK_SMTP_PORT:-3025}"
MAIL_API_PORT="${FIREBREAK_MAIL_API_PORT:-18025}"
GREENMAIL_VERSION=2.1.5
# How long the gateway waits for a service's answer before its own 504.
GATEWAY_READ_TIMEOUT="${FIREBREAK_GATEWAY_READ_TIMEOUT:-30s}"
# The gateway's per-address guards (API and intake); see nginx/nginx.conf.template.
GATEWAY_CLIENT_RATE="${FIREBREAK_GATEWAY_CLIENT_RATE:-500r/s}"
GATEWAY_CLIENT_BURST="${FIREBREAK_GATEWAY_CLIENT_BURST:-1000}"
GATEWAY_INTAKE_RATE="${FIREBREAK_GATEWAY_INTAKE_RATE:-5000r/s}"
GATEWAY_INTAKE_BURST="${FIREBREAK_GATEWAY_INTAKE_BURST:-10000}"
CORS_ORIGINS="${FIREBREAK_CORS_ORIGINS:-http://localhost:3000 http://127.0.0.1:3000 http://localhost:5173}"

# service:context:port — the six services and where they listen.
SERVICES=(classification:classification:8081 response:response:8082 comms:comms:8083
          change:change:8084 review:review:8085 metrics:metrics:8086)

# Replicas of every service (FIREBREAK_REPLICAS, default 1): replica r of a service listens on its port + 10 × (r − 1),
# the gateway balances over them, as Kubernetes Services do; the fault run starts two of each (docs/reliability.md).
REPLICAS="${FIREBREAK_REPLICAS:-1}"
# Classification's intake on replicas of its own (FIREBREAK_CLASSIFICATION_SPLIT=true), as the Kubernetes manifests
# run it: classification-intake on :8087 (+ 10 × (r − 1)) with signal processing off; classification with intake off.
CLASSIFICATION_SPLIT="${FIREBREAK_CLASSIFICATION_SPLIT:-false}"
INTAKE_PORT=8087

mkdir -p "$LOGS" "$PIDS"

# Every service process of the stack, one per line: name svc ctx port role (role: all, intake, processing).
planned_instances() {
  local r entry svc ctx port name role
  for r in $(seq 1 "$REPLICAS"); do
    for entry in "${SERVICES[@]}"; do
      IFS=: read -r svc ctx port <<< "$entry"
      name=$svc; [ "$r" = 1 ] || name="$svc-$r"
      role=all; [ "$svc" = classification ] && [ "$CLASSIFICATION_SPLIT" = true ] && role=processing
      echo "$name $svc $ctx $((port + 10 * (r - 1))) $role"
    done
    if [ "$CLASSIFICATION_SPLIT" = true ] && [[ " ${SERVICES[*]} " == *":classification:"* ]]; then
      name=classification-intake; [ "$r" = 1 ] || name="classification-intake-$r"
      echo "$name classification classification $((INTAKE_PORT + 10 * (r - 1))) intake"
    fi
  done
}

# The instances the running stack was started with (up records them), else those this environment plans.
instances() {
  if [ -s "$STATE/instances" ]; then cat "$STATE/instances"; else planned_instances; fi
}

# PostgreSQL's data, socket and log live outside the checkout, under a short path of their own: the
# server runs as another user when we are root ('postgres'), who cannot enter a checkout in root's
# home (mode 700), and Unix socket paths are limited to 107 bytes, which a deep checkout exceeds.
# One directory per checkout (named by a hash of its path), so two checkouts do not share a database.
PG_HOME="${FIREBREAK_PG_HOME:-/var/tmp/firebreak-pg-$(printf '%s' "$REPO_DIR" | sha256sum | cut -c1-12)}"
PG_DATA="$PG_HOME/data"
PG_SOCK="$PG_HOME/sock"
PG_LOG="$PG_HOME/postgres.log"

say()  { printf '\033[1m[firebreak]\033[0m %s\n' "$*"; }
fail() { printf '\033[31m[firebreak] %s\033[0m\n' "$*" >&2; exit 1; }

# Prints the last lines of a log and fails: used when a component does not come up.
fail_with_log() {
  local component="$1" log="$2"
  printf '\033[31m[firebreak] %s did not become ready. Last lines of %s:\033[0m\n' "$component" "$log" >&2
  tail -n 30 "$log" >&2 2>/dev/null || true
  exit 1
}

# A pid file holds the pid of a process started with setsid, so it is also its process group.
pid_of()  { [ -f "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid"; }
alive()   { local pid; pid=$(pid_of "$1") && [ -n "$pid" ] && pgrep -s "$pid" >/dev/null 2>&1; }

# Starts a command in its own session (so in its own process group) with its output in a log.
start_group() {
  local name="$1"; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

# Stops a process group started by start_group: TERM, then KILL after a grace period.
stop_group() {
  local name="$1" grace="${2:-20}" pid
  pid=$(pid_of "$name") || return 0
  if [ -n "$pid" ]; then
    # The session started by setsid holds every process of the component, even one that moved to a
    # process group of its own (Keycloak's launcher does): signal the whole session, nothing else.
    pkill -TERM -s "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 4))); do pgrep -s "$pid" >/dev/null 2>&1 || break; sleep 0.25; done
    pkill -KILL -s "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDS/$name.pid"
}

# Waits until a URL answers 200, the process is gone, or the timeout passes.
wait_http() {
  local url="$1" seconds="$2" name="$3"
  for _ in $(seq 1 $((seconds * 4))); do
    if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then return 0; fi
    if [ -n "$name" ] && ! alive "$name"; then return 1; fi
    sleep 0.25
  done
  return 1
}

# The Maven command: the wrapper of this repository.
mvn_cmd() { "$REPO_DIR/mvnw" -B -q "$@"; }

# A JDK of at least the given feature release: FIREBREAK_KEYCLOAK_JAVA_HOME, JAVA_HOME, then the JDKs under /usr/lib/jvm.
find_java() {
  local min="$1" candidate
  for candidate in "${FIREBREAK_KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* ; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ "$(java_release "$candidate/bin/java")" -ge "$min" ] 2>/dev/null; then echo "$candidate"; return 0; fi
  done
  return 1
}

# The feature release of a java binary (17, 21, 25, ...).
java_release() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  echo "${version%%.*}"
}

# A JDK 21+ for Keycloak.
find_java21() { find_java 21; }

# The services' JVM: FIREBREAK_JAVA when set (measurements); else a JDK 25+ for its AOT cache (see aot_options),
# unless FIREBREAK_AOT=off; else java on PATH.
service_java() {
  if [ -n "${FIREBREAK_JAVA:-}" ]; then echo "$FIREBREAK_JAVA"; return; fi
  local home
  if [ "${FIREBREAK_AOT:-on}" != off ] && home=$(find_java 25); then echo "$home/bin/java"; return; fi
  echo java
}

# JDK 25's AOT cache (JEP 483/514) holds the classes a training run loaded and linked and its method profiles, so a
# start skips that work: a third less time to ready for the services (docs/operations.md). One cache per service
# and build, named by a fingerprint of the JDK and the packaged app's jars. The first instance of a service started
# without a usable cache records one (-XX:AOTCacheOutput; the JVM assembles it when it exits, i.e. at `down`, which
# waits for that); every later start of any instance of the service uses it. A cache the JVM cannot use (cut short
# by a kill during assembly) fails a dry start and is recorded again. Not when FIREBREAK_JAVA is set.
# Prints the JVM options: name svc java jvm-options...
aot_options() {
  local name="$1" svc="$2" java="$3"; shift 3
  [ -z "${FIREBREAK_JAVA:-}" ] && [ "${FIREBREAK_AOT:-on}" != off ] || return 0
  [ "$(java_release "$java")" -ge 25 ] 2>/dev/null || return 0
  local app="$REPO_DIR/$svc-service/target/quarkus-app" fingerprint cache
  fingerprint=$( { "$java" -version 2>&1; echo "$*"; find "$app" -name '*.jar' -printf '%P %s %T@\n' | sort; } | sha256sum | cut -c1-16)
  cache="$STATE/aot/$svc-$fingerprint.aot"
  if [ -s "$cache" ] && [ ! -e "$cache.ok" ]; then
    if "$java" "$@" -XX:AOTMode=on -XX:AOTCache="$cache" -cp "$app/quarkus-run.jar" -version >/dev/null 2>&1; then
      touch "$cache.ok"
    else
      rm -f "$cache"
    fi
  fi
  if [ -e "$cache.ok" ]; then
    echo "-XX:AOTCache=$cache"
  elif [ "$name" = "$svc" ]; then
    mkdir -p "$STATE/aot"
    rm -f "$STATE/aot/$svc-"*
    echo "-XX:AOTCacheOutput=$cache"
  fi
}

# PostgreSQL server binaries: FIREBREAK_PG_BIN, then Debian's packages.
find_pg_bin() {
  local dir
  for dir in "${FIREBREAK_PG_BIN:-}" $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# PostgreSQL refuses to run as root: it runs as the 'postgres' user (created by Debian's package) or 'nobody'.
pg_user() {
  if [ "$(id -u)" != 0 ]; then id -un; elif id postgres >/dev/null 2>&1; then echo postgres; else echo nobody; fi
}
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$(pg_user)" -- "$@"; else "$@"; fi
}

# The topics of the event contract: the channel addresses of docs/events/asyncapi.yaml, without DLQs.
contract_topics() {
  awk '/^  [a-zA-Z]+:$/ {in_channel=1} /^    address: / {print $2}' "$REPO_DIR/docs/events/asyncapi.yaml" | grep -v '\.dlq$'
}

# The gateway configuration for SERVICES, from nginx/nginx.conf.template (used by up and by tests/gateway-problems).
render_gateway() {
  local conf="$STATE/nginx/nginx.conf" upstreams="" locations="" index="" cors="" entry svc ctx port origin
  mkdir -p "$STATE/nginx"/{client_body,proxy,fastcgi,uwsgi,scgi}
  for origin in $CORS_ORIGINS; do cors="$cors        \"$origin\" \$http_origin;
"; done
  local name role servers intake_servers="" pool
  for entry in "${SERVICES[@]}"; do
    IFS=: read -r svc ctx port <<< "$entry"
    servers=""
    while read -r name _ pool port role; do
      [ "$pool" = "$ctx" ] || continue
      # A replica that fails is skipped for 5 s; requests it could not take (refused connection) go to the next.
      if [ "$role" = intake ]; then intake_servers="$intake_servers server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"
      else servers="$servers server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"; fi
    done < <(planned_instances)
    upstreams="$upstreams    upstream $ctx {$servers keepalive 8; }
"
    locations="$locations        location /api/v1/$ctx/ {
            if (\$request_method = OPTIONS) { return 204; }
            proxy_pass http://$ctx;
        }
        location = /openapi/$ctx { proxy_pass http://$ctx/q/openapi?format=json; }
        location = /health/$ctx { proxy_pass http://$ctx/q/health/ready; }
"
    index="$index{\"service\":\"$svc-service\",\"openapi\":\"/openapi/$ctx\",\"health\":\"/health/$ctx\"},"
  done
  # Alert intake: to the intake replicas where classification runs them, else to classification.
  local intake=classification
  if [ -n "$intake_servers" ]; then
    intake=classification_intake
    upstreams="$upstreams    upstream classification_intake {$intake_servers keepalive 32; }
"
    locations="$locations        location /api/v1/classification/intake/ { limit_req zone=intake_client burst=$GATEWAY_INTAKE_BURST nodelay; proxy_pass http://classification_intake; }
"
  fi
  # Server-sent events (the war-room feed) pass unbuffered and may stay open an hour; clients reconnect
  # with Last-Event-ID after that, and a heartbeat comment every 15 s keeps a quiet feed alive.
  locations="$locations        location ~ ^/api/v1/response/incidents/[^/]+/feed\$ {
            proxy_pass http://response;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }
"
  # The public status page: cached for as long as comms' Cache-Control allows, its own per-client limit.
  # (No add_header here: one in a location would drop every header the server block adds.)
  if [[ " ${SERVICES[*]} " == *":comms:"* ]]; then locations="$locations        location /api/v1/comms/status-page/ {
            limit_req zone=status_page_client burst=4000 nodelay;
            proxy_pass http://comms;
            proxy_cache status_page;
            proxy_cache_lock on;
            proxy_cache_use_stale updating error timeout http_502 http_503 http_504;
            proxy_cache_background_update on;
        }
"; fi
  [ -n "$intake_servers" ] || locations="$locations        location /api/v1/classification/intake/ { limit_req zone=intake_client burst=$GATEWAY_INTAKE_BURST nodelay; proxy_pass http://classification; }
"
  locations="$locations        location = /v2/enqueue { limit_req zone=intake_client burst=$GATEWAY_INTAKE_BURST nodelay; proxy_pass http://$intake; }
        location = /v2/change/enqueue { limit_req zone=intake_client burst=$GATEWAY_INTAKE_BURST nodelay; proxy_pass http://$intake; }
"
  T_WORKERS="${FIREBREAK_GATEWAY_WORKERS:-auto}" T_WORKER_CONNECTIONS="${FIREBREAK_GATEWAY_WORKER_CONNECTIONS:-8192}" \
  T_RLIMIT_NOFILE="$(( 2 * ${FIREBREAK_GATEWAY_WORKER_CONNECTIONS:-8192} + 64 ))" \
  T_CLIENT_RATE="$GATEWAY_CLIENT_RATE" T_CLIENT_BURST="$GATEWAY_CLIENT_BURST" T_INTAKE_RATE="$GATEWAY_INTAKE_RATE" \
  T_STATUS_PAGE_RATE="${FIREBREAK_GATEWAY_STATUS_PAGE_RATE:-2000r/s}" T_STATE="$STATE" T_PORT="$GATEWAY_PORT" T_READ_TIMEOUT="$GATEWAY_READ_TIMEOUT" T_CORS="$cors" T_UPSTREAMS="$upstreams" T_LOCATIONS="$locations" \
  T_INDEX="{\"services\":[${index%,}]}" python3 - "$LOCAL_DIR/nginx/nginx.conf.template" "$conf" <<'PY'
import os, sys
text = open(sys.argv[1]).read()
for key, var in {"@STATE@": "T_STATE", "@GATEWAY_PORT@": "T_PORT", "@READ_TIMEOUT@": "T_READ_TIMEOUT", "@CORS_MAP@": "T_CORS", "@UPSTREAMS@": "T_UPSTREAMS",
                 "@LOCATIONS@": "T_LOCATIONS", "@OPENAPI_INDEX@": "T_INDEX", "@STATUS_PAGE_RATE@": "T_STATUS_PAGE_RATE",
                 "@CLIENT_RATE@": "T_CLIENT_RATE", "@CLIENT_BURST@": "T_CLIENT_BURST", "@INTAKE_RATE@": "T_INTAKE_RATE",
                 "@WORKERS@": "T_WORKERS", "@WORKER_CONNECTIONS@": "T_WORKER_CONNECTIONS", "@RLIMIT_NOFILE@": "T_RLIMIT_NOFILE"}.items():
    text = text.replace(key, os.environ[var].rstrip("\n"))
open(sys.argv[2], "w").write(text)
PY
}

# Starts one service process (keys from up's state folder; see up, start_services): name svc ctx port role. Extra
# settings for measurements: FIREBREAK_JAVA (the java binary), FIREBREAK_INSTANCE_JAVA_OPTS, FIREBREAK_INSTANCE_ENV.
start_instance() {
  local name="$1" svc="$2" ctx="$3" port="$4" role="$5" role_env
  # Extra JVM options for one service only, e.g. FIREBREAK_CLASSIFICATION_JAVA_OPTS (benchmarks).
  local own_opts_var="FIREBREAK_${svc^^}_JAVA_OPTS"
  # The replica's role (lib.sh, FIREBREAK_CLASSIFICATION_SPLIT): intake replicas do not consume signals, processing
  # replicas answer intake with 503.
  local java jvm_opts="${FIREBREAK_SERVICE_JAVA_OPTS:--Xms64m -Xmx256m -XX:+UseSerialGC}"
  java=$(service_java)
  case $role in
    intake) role_env=FIREBREAK_CLASSIFICATION_PROCESSING_ENABLED=false ;;
    processing) role_env=FIREBREAK_CLASSIFICATION_INTAKE_ENABLED=false ;;
    *) role_env=FIREBREAK_ROLE=all ;;
  esac
  local nice; nice=$(cpu_nice "$svc")
  start_group "$name" nice -n "$nice" env "$role_env" ${FIREBREAK_INSTANCE_ENV:-} \
    FIREBREAK_DB_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/firebreak" \
    FIREBREAK_DB_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/firebreak" \
    FIREBREAK_DB_USER="$ctx" FIREBREAK_DB_PASSWORD="$ctx-local-dev-only" \
    FIREBREAK_KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT" \
    FIREBREAK_OIDC_URL="http://127.0.0.1:$KEYCLOAK_PORT/realms/firebreak" \
    FIREBREAK_AUDIT_KEY="$(cat "$STATE/audit.key")" \
    FIREBREAK_SMTP_HOST=127.0.0.1 FIREBREAK_SMTP_PORT="$SMTP_PORT" FIREBREAK_SMTP_STARTTLS=DISABLED \
    FIREBREAK_MAIL_FROM="firebreak@firebreak.local" \
    FIREBREAK_RESPONSE_PAGING_LINK_KEY="$(cat "$STATE/link.key")" \
    FIREBREAK_RESPONSE_PUBLIC_BASE_URL="http://127.0.0.1:$GATEWAY_PORT" \
    FIREBREAK_COMMS_ALLOW_HTTP_WEBHOOKS=true FIREBREAK_COMMS_ALLOW_PRIVATE_WEBHOOK_HOSTS=true \
    FIREBREAK_COMMS_COMMENTARY_SECRET="$(cat "$STATE/commentary.key")" \
    FIREBREAK_COMMS_ENGAGEMENT_LEGAL=legal@firebreak.local FIREBREAK_COMMS_ENGAGEMENT_COMPLIANCE=compliance@firebreak.local \
    FIREBREAK_COMMS_ENGAGEMENT_PR=press@firebreak.local \
    FIREBREAK_REMINDERS_MAILBOX="$ctx-reminders@firebreak.local" FIREBREAK_REMINDERS_PERSON_DOMAIN=firebreak.local \
    FIREBREAK_REVIEW_PUBLIC_BASE_URL="http://127.0.0.1:$GATEWAY_PORT" \
    FIREBREAK_REVIEW_ALLOW_HTTP_TRACKERS=true FIREBREAK_REVIEW_ALLOW_PRIVATE_TRACKER_HOSTS=true \
    FIREBREAK_DELIVERY_CREDENTIALS_LOCALGITHUB="Bearer local-dev-only-github-token" \
    "$java" $jvm_opts $(aot_options "$name" "$svc" "$java" $jvm_opts) ${!own_opts_var:-} ${FIREBREAK_INSTANCE_JAVA_OPTS:-} \
      -XX:ErrorFile="$LOGS/$name-hs_err_%p.log" \
      -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
      -jar "$REPO_DIR/$svc-service/target/quarkus-app/quarkus-run.jar"
  group_nice "$name" "$nice"
}

# CPU weight of a service (docs/operations.md, "CPU priority"): on shared cores the paging path — classification, which
# declares, and response, which pages — must not queue behind the services that only follow an incident (comms, change,
# review, metrics): those run at FIREBREAK_SECONDARY_NICE (default 19; 0 gives every service the same weight) and catch
# up when the burst is over. The same intent as the Kubernetes manifests' larger CPU requests for the paging path.
cpu_nice() {
  local n="${FIREBREAK_SECONDARY_NICE:-19}"
  case $1 in classification|response) echo 0 ;; *) [[ $n =~ ^[0-9]+$ ]] && [ "$n" -le 19 ] && echo "$n" || echo 0 ;; esac
}

# With autogroup scheduling (/proc/sys/kernel/sched_autogroup_enabled, on here) the kernel shares the CPU between
# sessions first, and every component runs in a session of its own (setsid): a thread's nice then only counts inside
# its own session. The session's weight is its autogroup's nice, so that is set too.
group_nice() {
  local name="$1" nice="$2" pid
  [ "$nice" -gt 0 ] || return 0
  pid=$(pid_of "$name") || return 0
  [ -w "/proc/$pid/autogroup" ] || return 0
  # Only once setsid has run: before that the process is still in the caller's autogroup, which must keep its weight.
  for _ in $(seq 1 100); do
    [ "$(ps -o sid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ] && { echo "$nice" > "/proc/$pid/autogroup"; } 2>/dev/null && return 0
    sleep 0.02
  done
}
