-- wrk script for the intake capacity figure of docs/performance.md: PagerDuty Events v2 triggers,
-- rotating over the integration keys in the environment variable KEYS (comma-separated), each with a
-- fresh dedup key. wrk is a CLOSED loop: each connection sends its next request only after the answer,
-- so the figure is the throughput at saturation, and its latencies are not those of a fixed arrival rate.
--
-- Run through system-tests/bench/intake-wrk, which creates the keys; by hand:
--   KEYS=key1,key2,... wrk -t1 -c64 -d20s -s system-tests/src/test/resources/bench/intake-wrk.lua \
--     http://127.0.0.1:8081/v2/enqueue
local keys = {}
for k in string.gmatch(os.getenv("KEYS") or "", "([^,]+)") do
  keys[#keys + 1] = k
end
local counter = 0

request = function()
  counter = counter + 1
  local key = keys[(counter % #keys) + 1]
  local body = '{"routing_key":"' .. key .. '","event_action":"trigger","dedup_key":"wrk-' .. counter ..
      '","payload":{"summary":"wrk load ' .. counter .. '","source":"wrk","severity":"warning",' ..
      '"custom_details":{"note":"' .. string.rep("x", 200) .. '"}}}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx) %d, %.0f req/s, p50 %.1f ms, p99 %.1f ms\n",
      summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
