-- The generator pipeline of genpipe.scr with coroutines: each Python
-- generator is a coroutine.wrap producer, consumers pull items one by one.
local wrap, yield = coroutine.wrap, coroutine.yield

local function numbers(n, seed)
  return wrap(function()
    local x = seed + 1
    for _ = 1, n do
      x = x * 16807 % 2147483647
      yield(x % 1000)
    end
  end)
end

local function pairs_of(it)
  return wrap(function()
    local prev = nil
    for v in it do
      if prev ~= nil then yield(prev, v) end
      prev = v
    end
  end)
end

local function windows(it, size)
  return wrap(function()
    local buf = {}
    for v in it do
      buf[#buf + 1] = v
      if #buf == size then
        local s = 0
        for i = 1, #buf do s = s + buf[i] end
        yield(s)
        table.remove(buf, 1)
      end
    end
  end)
end

local function chunks(n, parts)
  return wrap(function()
    for p = 0, parts - 1 do
      for v in numbers(n, p + 1) do yield(v) end
    end
  end)
end

local function range_iter(a, b)
  return wrap(function() for i = a, b - 1 do yield(i) end end)
end

local function flatten(seqs)
  return wrap(function()
    for _, s in ipairs(seqs) do
      for v in s do yield(v) end
    end
  end)
end

local function is_interesting(v) return v % 3 ~= 0 end

local function filter(pred, it)
  return wrap(function()
    for v in it do if pred(v) then yield(v) end end
  end)
end

local function pipeline(n, rounds)
  local total = 0
  for r = 0, rounds - 1 do
    local diffs = wrap(function()
      for a, b in pairs_of(numbers(n, r + 7)) do yield(b - a) end
    end)
    local s = 0
    for d in diffs do if d > 0 then s = s + d end end
    total = total + s
    local best = nil
    for v in filter(is_interesting, windows(chunks(n // 4, 4), 3)) do
      if best == nil or v > best then best = v end
    end
    total = total + best
    local sq = 0
    for v in flatten({range_iter(r, r + 50), numbers(n // 10, r)}) do sq = sq + v * v end
    total = total + sq % 1000003
    total = total % 1000000007
  end
  return total
end

print(pipeline(20000, 26))
