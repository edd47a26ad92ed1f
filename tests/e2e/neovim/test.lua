-- End-to-end test of hybrid-lsp with Neovim (0.7 API) as an independent LSP client, on examples/hybrid-demo.
-- Run by run.sh:  nvim --headless --clean -u NONE -c 'luafile test.lua'
-- Environment: HL_DEMO (the demo folder), HL_SERVER_CMD (the server command, words separated by a tab),
-- HL_SERVER_LOG (the server's log file), HL_TIMEOUT_MS (the longest wait for any one state; default 60000).
-- Every wait is on a state with a timeout; the last line is "N passed, N failed"; exit 1 on any failure.

local passed, failed = 0, 0
local timeout = tonumber(os.getenv("HL_TIMEOUT_MS") or "") or 60000

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    say("PASS " .. name)
  else
    failed = failed + 1
    say("FAIL " .. name .. (detail and (": " .. detail) or ""))
  end
  return ok
end

local function env(name)
  local v = os.getenv(name)
  if v == nil or v == "" then error("environment variable " .. name .. " is not set") end
  return v
end

local function split_tab(s)
  local out = {}
  for word in string.gmatch(s, "[^\t]+") do table.insert(out, word) end
  return out
end

-- 0-based line and character (UTF-16 units; the demo's lines are ASCII) of `needle` in `bufnr`, plus an offset.
local function find(bufnr, needle, offset)
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  for i, line in ipairs(lines) do
    local s = string.find(line, needle, 1, true)
    if s then return { line = i - 1, character = s - 1 + (offset or 0) } end
  end
  error("'" .. needle .. "' not found in " .. vim.api.nvim_buf_get_name(bufnr))
end

local demo = env("HL_DEMO")
local cmd = split_tab(env("HL_SERVER_CMD"))
local statuses = {}
local client_id
local exited = false

local language_ids = { cs = "csharp", rust = "rust", c = "c", cpp = "cpp" }

local function open(relpath, filetype)
  vim.cmd("edit " .. vim.fn.fnameescape(demo .. "/" .. relpath))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, "filetype", filetype)
  vim.lsp.buf_attach_client(bufnr, client_id)
  return bufnr
end

local function uri_ends(uri, suffix)
  return type(uri) == "string" and uri:sub(-#suffix) == suffix
end

-- The locations of a definition/references result (Location, Location[] or LocationLink[]) as {uri, line}.
local function locations(result)
  local out = {}
  if result == nil then return out end
  if result.uri or result.targetUri then result = { result } end
  for _, l in ipairs(result) do
    local uri = l.uri or l.targetUri
    local range = l.range or l.targetSelectionRange or l.targetRange
    table.insert(out, { uri = uri, line = range and range.start.line or -1 })
  end
  return out
end

local function describe(locs)
  local parts = {}
  for _, l in ipairs(locs) do table.insert(parts, (l.uri or "?") .. ":" .. tostring(l.line + 1)) end
  return "[" .. table.concat(parts, ", ") .. "]"
end

-- A request, asked again while the server answers ContentModified (-32801) or nothing, until `timeout`.
local function request(bufnr, method, params)
  local deadline = vim.loop.now() + timeout
  local last = "no answer"
  while vim.loop.now() < deadline do
    local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, math.max(1000, deadline - vim.loop.now()))
    if responses and responses[client_id] then
      local r = responses[client_id]
      if r.err == nil then return r.result, nil end
      last = vim.inspect(r.err)
      if r.err.code ~= -32801 then return nil, last end
    else
      last = tostring(err or "timeout")
    end
  end
  return nil, last
end

local function diagnostic_code(d)
  if d.code ~= nil then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function run()
  client_id = vim.lsp.start_client({
    name = "hybrid-lsp",
    cmd = cmd,
    root_dir = demo,
    workspace_folders = { { uri = vim.uri_from_fname(demo), name = "hybrid-demo" } },
    init_options = { workspaceTrusted = false },
    get_language_id = function(_, filetype) return language_ids[filetype] or filetype end,
    handlers = {
      ["hybridLsp/serverStatus"] = function(_, params)
        table.insert(statuses, params)
        say(string.format("  status: health=%s indexing=%s %s", tostring(params.health), tostring(params.indexing), tostring(params.message)))
      end,
    },
    on_exit = function(code, signal)
      exited = true
      say(string.format("  server exited: code=%s signal=%s", tostring(code), tostring(signal)))
    end,
  })
  if not check("server process starts", client_id ~= nil) then return end

  local ok_init = vim.wait(timeout, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return exited or (c ~= nil and c.initialized == true)
  end, 50)
  if not check("initialize answered", ok_init and not exited) then return end

  -- C# side: the five deliberate bugs of BrokenBindings.cs.
  local broken = open("app/BrokenBindings.cs", "cs")
  local ready = vim.wait(timeout, function()
    local last = statuses[#statuses]
    return exited or (last ~= nil and last.indexing == false)
  end, 50)
  check("serverStatus reports the end of indexing", ready and not exited,
    "statuses seen: " .. #statuses)
  check("serverStatus health is ok", statuses[#statuses] ~= nil and statuses[#statuses].health == "ok",
    statuses[#statuses] and vim.inspect(statuses[#statuses]) or "none")

  vim.wait(timeout, function() return exited or #vim.diagnostic.get(broken) >= 5 end, 50)
  local diags = vim.diagnostic.get(broken)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  local codes = {}
  for _, d in ipairs(diags) do table.insert(codes, tostring(diagnostic_code(d))) end
  local got = table.concat(codes, " ")
  check("BrokenBindings.cs has the 5 expected diagnostics in order", got == "HL1005 HL1003 HL1001 HL1002 HL1009",
    "got '" .. got .. "'")
  local errors = 0
  for _, d in ipairs(diags) do if d.severity == vim.diagnostic.severity.ERROR then errors = errors + 1 end end
  check("all 5 are errors", errors == 5 and #diags == 5, errors .. " errors of " .. #diags)

  -- Definition: C# Add → Rust fm_add.
  local native_methods = open("app/NativeMethods.cs", "cs")
  local add = find(native_methods, "partial int Add(", #"partial int ")
  local result, err = request(native_methods, "textDocument/definition",
    { textDocument = { uri = vim.uri_from_bufnr(native_methods) }, position = add })
  local locs = locations(result)
  check("definition of C# Add lands in native/fastmath/src/lib.rs",
    #locs >= 1 and uri_ends(locs[1].uri, "/native/fastmath/src/lib.rs"), err or describe(locs))

  -- Definition: Rust fm_add → C# Add.
  local lib = open("native/fastmath/src/lib.rs", "rust")
  local fm_add = find(lib, "fn fm_add(", #"fn ")
  result, err = request(lib, "textDocument/definition",
    { textDocument = { uri = vim.uri_from_bufnr(lib) }, position = fm_add })
  locs = locations(result)
  local lands = false
  for _, l in ipairs(locs) do if uri_ends(l.uri, "/app/NativeMethods.cs") and l.line == add.line then lands = true end end
  check("definition of Rust fm_add lands on Add in app/NativeMethods.cs", lands, err or describe(locs))

  -- References: Rust fm_add → the C# declaration and the calls in Program.cs.
  result, err = request(lib, "textDocument/references",
    { textDocument = { uri = vim.uri_from_bufnr(lib) }, position = fm_add, context = { includeDeclaration = true } })
  locs = locations(result)
  local in_program, in_native = 0, 0
  for _, l in ipairs(locs) do
    if uri_ends(l.uri, "/app/Program.cs") then in_program = in_program + 1 end
    if uri_ends(l.uri, "/app/NativeMethods.cs") then in_native = in_native + 1 end
  end
  check("references of Rust fm_add include app/Program.cs", in_program >= 1, err or describe(locs))
  check("references of Rust fm_add include the declaration in app/NativeMethods.cs", in_native >= 1, err or describe(locs))
end

local ok, e = pcall(run)
if not ok then check("test script ran to the end", false, tostring(e)) end

-- Stop the server: shutdown + exit, then force after a timeout. run.sh kills the process group as a last resort.
if client_id ~= nil and not exited then
  local c = vim.lsp.get_client_by_id(client_id)
  if c then c.stop() end
  local stopped = vim.wait(10000, function() return exited end, 50)
  if not stopped and c then
    c.stop(true)
    vim.wait(5000, function() return exited end, 50)
  end
  check("server stops on shutdown/exit", stopped)
end

say(string.format("%d passed, %d failed", passed, failed))
if failed > 0 or passed == 0 then
  vim.cmd("cquit 1")
else
  vim.cmd("qall!")
end
