-- A particle simulation with objects: metatable classes, methods, a
-- subclass overriding a method, small Vec objects created in the inner loop.
-- Lua has no properties: they are plain methods here.
local Vec = {}
Vec.__index = Vec

local function newvec(x, y)
  return setmetatable({x = x, y = y}, Vec)
end

function Vec:add(other) return newvec(self.x + other.x, self.y + other.y) end
function Vec:scale(k) return newvec(self.x * k, self.y * k) end
function Vec:dot(other) return self.x * other.x + self.y * other.y end

local Particle = {}
Particle.__index = Particle

function Particle.new(cls, x, y, vx, vy, mass)
  return setmetatable({pos = newvec(x, y), vel = newvec(vx, vy), mass = mass, bounces = 0}, cls)
end

function Particle:speed2() return self.vel:dot(self.vel) end
function Particle:energy() return 0.5 * self.mass * self:speed2() end
function Particle:get_x() return self.pos.x end
function Particle:set_x(value) self.pos = newvec(value, self.pos.y) end
function Particle:drag() return 0.999 end

function Particle:step(dt, gravity, size)
  self.vel = self.vel:add(gravity:scale(dt)):scale(self:drag())
  self.pos = self.pos:add(self.vel:scale(dt))
  local pos = self.pos
  local vel = self.vel
  if pos.x < 0.0 then
    self:set_x(-pos.x)
    vel.x = -vel.x
    self.bounces = self.bounces + 1
  elseif pos.x > size then
    self:set_x(2.0 * size - pos.x)
    vel.x = -vel.x
    self.bounces = self.bounces + 1
  end
  if pos.y < 0.0 then
    pos.y = -pos.y
    vel.y = -vel.y * 0.9
    self.bounces = self.bounces + 1
  end
end

local HeavyParticle = setmetatable({}, {__index = Particle})
HeavyParticle.__index = HeavyParticle
function HeavyParticle:drag() return 0.9995 end

local World = {}
World.__index = World

function World.new(n, size)
  local self = setmetatable({size = size, gravity = newvec(0.0, -9.81), particles = {}}, World)
  local seed = 12345
  for i = 0, n - 1 do
    seed = (seed * 1103515245 + 12345) % 2147483648
    local x = (seed % 10000) / 100.0
    seed = (seed * 1103515245 + 12345) % 2147483648
    local y = (seed % 10000) / 100.0
    seed = (seed * 1103515245 + 12345) % 2147483648
    local vx = (seed % 2001 - 1000) / 100.0
    seed = (seed * 1103515245 + 12345) % 2147483648
    local vy = (seed % 2001 - 1000) / 100.0
    local ps = self.particles
    if i % 3 == 0 then
      ps[#ps + 1] = Particle.new(HeavyParticle, x, y, vx, vy, 5.0)
    else
      ps[#ps + 1] = Particle.new(Particle, x, y, vx, vy, 1.0)
    end
  end
  return self
end

function World:step(dt)
  local ps = self.particles
  for i = 1, #ps do ps[i]:step(dt, self.gravity, self.size) end
end

function World:energy()
  local total = 0.0
  local ps = self.particles
  for i = 1, #ps do total = total + ps[i]:energy() end
  return total
end

function World:bounces()
  local total = 0
  local ps = self.particles
  for i = 1, #ps do total = total + ps[i].bounces end
  return total
end

local world = World.new(400, 100.0)
for frame = 0, 519 do
  world:step(0.01)
  if frame % 130 == 0 then
    print(string.format("%d %.6f", frame, world:energy()))
  end
end
print(string.format("%.6f %d", world:energy(), world:bounces()))
