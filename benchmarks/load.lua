-- wrk script for benchmarks/load.py: POST one article to /v1/check over keep-alive
-- connections and check every answer (status 200 and the article's one real finding).
-- The body is read from the file named by $NEWSLINT_LOAD_BODY; a token from $NEWSLINT_TOKEN.

local body_file = assert(io.open(os.getenv("NEWSLINT_LOAD_BODY"), "rb"))
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("NEWSLINT_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  checked = 0
  wrong = 0
end

function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or not string.find(body, "markup/widget-line", 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local total_checked, total_wrong = 0, 0
  for _, thread in ipairs(threads) do
    total_checked = total_checked + thread:get("checked")
    total_wrong = total_wrong + thread:get("wrong")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "checked": %d, '
      .. '"wrong": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    total_checked, total_wrong, e.connect + e.read + e.write + e.timeout + e.status))
end
