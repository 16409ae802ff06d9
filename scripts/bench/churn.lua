-- Churn: create and drop many small reference cycles — two lists, two dicts,
-- a self-referencing list and a three-list ring per round — and rely on the
-- automatic collector to reclaim them. Prints a checksum.
local function ring(i)
  local a = {i}
  local b = {a}
  local c = {b, a}
  a[2] = c
  return #c
end

local total = 0
for i = 0, 299999 do
  local a = {i}
  local b = {a, i % 7}
  a[2] = b
  local d = {id = i, peer = false}
  local e = {id = i + 1, peer = d}
  d.peer = e
  local s = {i}
  s[2] = s
  total = (total + a[2][2] + e.peer.id + #s + ring(i)) % 1000000007
end
print(total)
