-- A fresh complaint per request: random point around Kwitang/Senen (inside the Jakarta Pusat box), rotating categories.
local categories = { "jalan-rusak", "sampah", "banjir", "saluran-air", "penerangan-jalan", "parkir-liar", "pkl" }
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  statuses = {}
end

-- INTAKE_DELAY_MS: each connection pauses this long between its requests (a steady, light load); unset, it sends the
-- next as soon as the answer comes.
local pause = tonumber(os.getenv("INTAKE_DELAY_MS") or "")
if pause then
  function delay() return pause end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local lat = -6.19 + math.random() * 0.02
  local lon = 106.83 + math.random() * 0.02
  local body = string.format(
    '{"kind":"pengaduan","category":"%s","description":"Benchmark %d: jalan berlubang dan genangan di depan rumah nomor %d","latitude":%.6f,"longitude":%.6f,"channel":"jaki","anonymous":true}',
    categories[counter % #categories + 1], counter, math.random(1, 999), lat, lon)
  return wrk.format(nil, "/api/complaints", nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local ok, other = 0, 0
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for status, n in pairs(s) do
      if status >= 200 and status < 300 then ok = ok + n else other = other + n end
    end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d ok=%d non2xx=%d errors=%d seconds=%.3f rps=%.1f ok_rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, ok, other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    seconds, summary.requests / seconds, ok / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
