-- Lists: building with append and comprehensions, sorting, indexing, slicing.
local function lcg_list(n, seed)
  local out = {}
  local x = seed
  for i = 1, n do
    x = (x * 1103515245 + 12345) % 2147483648
    out[#out + 1] = x % 100000
  end
  return out
end

local function fmt(t, k)
  local parts = {}
  for i = 1, k do parts[i] = tostring(t[i]) end
  return "[" .. table.concat(parts, ", ") .. "]"
end

local checksum = 0
local data, squares
for round_ = 0, 5 do
  data = lcg_list(100000, round_ + 1)
  squares = {}
  for i = 1, #data do squares[i] = data[i] * data[i] % 1000 end
  table.sort(data)
  table.sort(squares, function(a, b) return a > b end)
  local evens = {}
  for i = 1, #data do
    if data[i] % 2 == 0 then evens[#evens + 1] = data[i] end
  end
  local msum = 0
  for i = #data // 4 + 1, 3 * #data // 4 do msum = msum + data[i] end
  local stack = {}
  for i = 1, 20000 do
    local v = squares[i]
    stack[#stack + 1] = v
    if v % 7 == 0 then stack[#stack] = nil end
  end
  checksum = (checksum + data[1] + data[#data] + squares[1] + #evens
              + msum % 1000 + #stack) % 1000000007
end
print(checksum .. " " .. #data .. " " .. fmt(data, 5) .. " " .. fmt(squares, 5))
