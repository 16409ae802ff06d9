-- Strings: building with join, format and %, splitting, searching, replacing.
local function split(s, sep)
  local out = {}
  local start = 1
  while true do
    local i = string.find(s, sep, start, true)
    if not i then
      out[#out + 1] = string.sub(s, start)
      return out
    end
    out[#out + 1] = string.sub(s, start, i - 1)
    start = i + #sep
  end
end

local function run(n)
  local parts = {}
  for i = 0, n - 1 do
    parts[#parts + 1] = string.format("%d:%d", i, i * i % 97)
  end
  local text = table.concat(parts, ",")
  local fields = split(text, ",")
  local total = 0
  for _, f in ipairs(fields) do
    local kv = split(f, ":")
    total = total + math.tointeger(tonumber(kv[2]))
  end
  local lines = {}
  for i = 0, n - 1, 10 do
    lines[#lines + 1] = string.format("%05d|%-8s|%6.2f", i, string.rep("x", i % 7), i / 7)
  end
  local report = table.concat(lines, "\n")
  local upper = string.gsub(string.upper(report), "X", "ab")
  local count = 0
  for _ in string.gmatch(upper, "ab") do count = count + 1 end
  local found = string.find(upper, "00700", 1, true)
  return #text, total, #report, count, found and found - 1 or -1, fields[#fields]
end

local a, b, c, d, e, f
for r = 1, 8 do
  a, b, c, d, e, f = run(100000)
end
print(string.format("(%d, %d, %d, %d, %d, '%s')", a, b, c, d, e, f))
