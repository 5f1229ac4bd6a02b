-- wrk script for bench/run-all: prints one machine-readable line after the run.
--
--   wrk -t2 -c64 -d30s -s bench/report.lua URL
--
-- The line reads
--   BENCH rps=... p50_ms=... p90_ms=... p99_ms=... p999_ms=... max_ms=... requests=...
--         bytes_per_req=... connect_err=... read_err=... write_err=... timeout_err=... status_err=...
-- where status_err is wrk's own count of responses with a status >= 400 (what wrk
-- prints as "Non-2xx or 3xx responses"). A redirect (3xx) is not counted there, so
-- run-all also compares bytes_per_req with the size of the response it expects.
--
-- With WRK_COUNT_STATUS=1 the script also counts every status code and prints
--   BENCH_STATUS 200=... 303=...
-- That parses each response in Lua, which costs wrk CPU (shared with the server on a
-- small machine), so it is off for the measured runs.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

if os.getenv("WRK_COUNT_STATUS") == "1" then
  function init(args)
    statuses = {}
  end

  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end
end

local function ms(us)
  return string.format("%.2f", us / 1000.0)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local n = summary.requests
  io.write(string.format(
    "BENCH rps=%.0f p50_ms=%s p90_ms=%s p99_ms=%s p999_ms=%s max_ms=%s requests=%d " ..
    "bytes_per_req=%.0f connect_err=%d read_err=%d write_err=%d timeout_err=%d status_err=%d\n",
    n / seconds,
    ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency:percentile(99.9)), ms(latency.max),
    n, n > 0 and summary.bytes / n or 0,
    e.connect, e.read, e.write, e.timeout, e.status))

  if os.getenv("WRK_COUNT_STATUS") == "1" then
    local total = {}
    for _, t in ipairs(threads) do
      local s = t:get("statuses")
      if s then
        for code, count in pairs(s) do
          total[code] = (total[code] or 0) + count
        end
      end
    end
    local codes = {}
    for code in pairs(total) do table.insert(codes, code) end
    table.sort(codes)
    local parts = {}
    for _, code in ipairs(codes) do
      table.insert(parts, string.format("%d=%d", code, total[code]))
    end
    io.write("BENCH_STATUS " .. table.concat(parts, " ") .. "\n")
  end
end
