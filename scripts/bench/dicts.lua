-- Dicts: inserting, looking up, updating and deleting int and str keys.
local function run(n)
  local d = {}
  local dn = 0
  for i = 0, n - 1 do
    local k = i * 7 % n
    if d[k] == nil then dn = dn + 1 end
    d[k] = i
  end
  local hits = 0
  for i = 0, 2 * n - 1, 3 do
    local v = d[i]
    if v ~= nil then hits = hits + v end
  end
  local words = {}
  local wn = 0
  for i = 0, n - 1 do
    local key = "k" .. (i % 5000)
    local old = words[key]
    if old == nil then wn = wn + 1; old = 0 end
    words[key] = old + i
  end
  for i = 0, n - 1, 2 do
    if d[i] ~= nil then dn = dn - 1 end
    d[i] = nil
  end
  local total = 0
  for k, v in pairs(d) do total = total + v end
  local longest = 0
  for k, v in pairs(words) do
    if v > longest then longest = v end
  end
  return dn, hits, wn, total, longest, words["k42"]
end

local a, b, c, d, e, f
for r = 1, 5 do
  a, b, c, d, e, f = run(200000)
end
print(string.format("(%d, %d, %d, %d, %d, %d)", a, b, c, d, e, f))
