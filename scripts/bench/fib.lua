-- Recursive Fibonacci, fib(30) four times: function-call overhead.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local total = 0
for i = 0, 3 do
  total = total + fib(30)
end
print(fib(30) .. " " .. total)
