-- Closures, anonymous functions, map, filter and sorting with key functions.
local function make_adder(n)
  return function(x) return x + n end
end

local function make_scaler(factor)
  return function(x) return x * factor end
end

local function compose(f, g)
  return function(x) return f(g(x)) end
end

local function map(f, t)
  local out = {}
  for i = 1, #t do out[i] = f(t[i]) end
  return out
end

local function filter(p, t)
  local out = {}
  for i = 1, #t do
    if p(t[i]) then out[#out + 1] = t[i] end
  end
  return out
end

local function pipeline(data, rounds)
  local checksum = 0
  for r = 0, rounds - 1 do
    local add = make_adder(r)
    local scale = make_scaler(r % 5 + 1)
    local both = compose(add, scale)
    local mapped = map(both, data)
    local kept = filter(function(v) return v % 7 ~= 0 end, mapped)
    table.sort(kept, function(a, b)
      local ka, kb = a % 1000, b % 1000
      if ka ~= kb then return ka < kb end
      return a < b
    end)
    checksum = (checksum + kept[1] + kept[#kept] + #kept) % 1000000007
  end
  return checksum
end

local data = {}
for i = 0, 19999 do data[#data + 1] = (i * 7919) % 10007 end
print(pipeline(data, 40))
