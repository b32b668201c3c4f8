-- Counts the answers of a GET load by status and prints one RESULT line (bench/run.sh, bench/growth.sh).
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local ok, other = 0, 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      if status >= 200 and status < 300 then ok = ok + n else other = other + n end
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d rps=%.1f ok_rps=%.1f p50_ms=%.2f p99_ms=%.2f\n", summary.requests, ok, other,
    summary.requests / seconds, ok / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
