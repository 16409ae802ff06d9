-- Integer loops: for over range, while, arithmetic and branches.
local function work(n)
  local total = 0
  for i = 0, n - 1 do
    if i % 3 == 0 then
      total = total + i * 2
    elseif i % 3 == 1 then
      total = total - i // 2
    else
      total = total ~ i
    end
  end
  local j = 0
  local acc = 1
  while j < n do
    acc = (acc * 31 + j) % 1000003
    j = j + 1
  end
  return total, acc
end

local t, a = work(4000000)
print(t .. " " .. a)
