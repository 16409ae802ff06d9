-- Binary trees built from tables: allocation and deallocation of many small
-- objects.
local function make(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return {make(depth), make(depth)}
end

local function check(node)
  local left = node[1]
  if left == nil then return 1 end
  return 1 + check(left) + check(node[2])
end

local min_depth = 4
local max_depth = 15
local stretch = make(max_depth + 1)
print(string.format("stretch tree of depth %d\t check: %d", max_depth + 1, check(stretch)))
stretch = nil
local long_lived = make(max_depth)
for depth = min_depth, max_depth, 2 do
  local iterations = 2 ^ (max_depth - depth + min_depth)
  iterations = math.tointeger(iterations)
  local total = 0
  for i = 1, iterations do
    total = total + check(make(depth))
  end
  print(string.format("%d\t trees of depth %d\t check: %d", iterations, depth, total))
end
print(string.format("long lived tree of depth %d\t check: %d", max_depth, check(long_lived)))
