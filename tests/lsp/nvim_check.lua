-- Neovim as a real LSP client of `hanmark lsp` (tests/integration/lsp_neovim.sh). Written for
-- nvim 0.7 (Debian 12), which has neither vim.lsp.start nor `nvim -l` and does not negotiate
-- positionEncoding (it always speaks UTF-16): the client is started with vim.lsp.start_client,
-- parameters come from the environment, and the script runs with -S.
--
--   HANMARK_LSP_CMD='["/path/hanmark","lsp"]' LSP_FILE=post.md LSP_WORD=Enginner \
--   LSP_FIX=Engineer [LSP_POSITION_ENCODINGS=utf-8,utf-16] [LSP_TIMEOUT_MS=20000] \
--   LSP_OUT=result.json nvim --headless --clean -u NONE -i NONE -n -S nvim_check.lua
--
-- Opens the file, waits for hanmark's diagnostics, finds the typo on LSP_WORD in a line with
-- Hangul, checks where Neovim put it (its byte columns must cover exactly the word), asks for code
-- actions with an empty context, applies "replace with 'LSP_FIX'" as Neovim does, lets Neovim send
-- the change, and waits for the re-published diagnostics without that finding. Then shuts the
-- server down and checks its exit code. Writes a JSON report to LSP_OUT; exits 0 when every
-- step passed, else 1 (a check failed) or 2 (timeout, or the server did not start).

local env = vim.env
local timeout = tonumber(env.LSP_TIMEOUT_MS or "20000")
local report = { checks = {}, failures = {} }

local function finish(code)
  local out = assert(io.open(env.LSP_OUT, "w"))
  out:write(vim.json.encode(report), "\n")
  out:close()
  vim.cmd(code == 0 and "qall!" or ("cquit " .. code))
end

local function check(name, ok, detail)
  table.insert(report.checks, { name = name, ok = ok and true or false })
  if not ok then
    table.insert(report.failures, name .. (detail and (": " .. vim.inspect(detail)) or ""))
  end
  return ok
end

local function give_up(why, code)
  table.insert(report.failures, why)
  finish(code or 2)
end

local ok_cmd, cmd = pcall(vim.json.decode, env.HANMARK_LSP_CMD or "")
if not ok_cmd or type(cmd) ~= "table" then give_up("HANMARK_LSP_CMD is not a JSON array") end
local word, fix = env.LSP_WORD or "Enginner", env.LSP_FIX or "Engineer"

vim.cmd("edit " .. vim.fn.fnameescape(env.LSP_FILE))
local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
report.filetype = vim.bo[bufnr].filetype

local latest, publishes, server_exit = nil, 0, nil
local client_id = vim.lsp.start_client({
  name = "hanmark",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(env.LSP_FILE, ":p:h"),
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      if result and result.uri == uri then
        latest, publishes = result, publishes + 1
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
  before_init = function(params)
    -- What nvim 0.10+ sends; 0.7 sends nothing, and the server must then choose UTF-16.
    if env.LSP_POSITION_ENCODINGS and env.LSP_POSITION_ENCODINGS ~= "" then
      params.capabilities.general = params.capabilities.general or {}
      params.capabilities.general.positionEncodings = vim.split(env.LSP_POSITION_ENCODINGS, ",", { plain = true })
    end
  end,
  on_init = function(client, result)
    report.position_encoding = result.capabilities.positionEncoding
    -- nvim 0.7 does not read positionEncoding itself; newer versions do the same as this.
    if result.capabilities.positionEncoding then client.offset_encoding = result.capabilities.positionEncoding end
  end,
  on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
})
if not client_id then give_up("vim.lsp.start_client failed") end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)

-- The typo finding on `word` in a line with Hangul, in the latest publish.
local function hangul_line_typo()
  for _, d in ipairs(latest and latest.diagnostics or {}) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.range.start.line, d.range.start.line + 1, false)[1] or ""
    if d.code == "typo" and line:find("[\234-\237]") and line:find(word, 1, true) then return d end
  end
end

if not vim.wait(timeout, function() return hangul_line_typo() ~= nil or server_exit ~= nil end, 20) then
  give_up("no diagnostics for " .. word .. " within " .. timeout .. " ms")
end
if server_exit then give_up("the server exited: " .. vim.inspect(server_exit)) end
local target = hangul_line_typo()
report.offset_encoding = client.offset_encoding
report.diagnostic = target
check("the server speaks " .. (env.LSP_POSITION_ENCODINGS and "utf-8 when offered" or "utf-16 to nvim 0.7"),
  client.offset_encoding == (env.LSP_POSITION_ENCODINGS and "utf-8" or "utf-16"), client.offset_encoding)
check("source, code and doc link", target.source == "hanmark" and target.code == "typo"
  and (target.codeDescription or {}).href ~= nil, target)

-- Where Neovim shows it: byte columns in the buffer line must cover exactly the word.
local shown
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  if d.lnum == target.range.start.line and (d.user_data or {}).lsp and d.user_data.lsp.code == "typo" then
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
    if line:sub(d.col + 1, d.end_col) == word then shown = d end
  end
end
report.nvim_columns = shown and { lnum = shown.lnum, col = shown.col, end_col = shown.end_col }
check("Neovim's byte columns cover exactly '" .. word .. "' on the Hangul line", shown ~= nil,
  vim.diagnostic.get(bufnr))

-- Code actions with an empty context, as eglot sends: the server uses its own diagnostics.
local response = client.request_sync("textDocument/codeAction", {
  textDocument = { uri = uri },
  range = target.range,
  context = { diagnostics = {} },
}, timeout, bufnr)
if not response or response.err then give_up("codeAction failed: " .. vim.inspect(response), 1) end
local chosen
report.actions = {}
for _, action in ipairs(response.result or {}) do
  table.insert(report.actions, action.title)
  if action.title == "replace with '" .. fix .. "'" then chosen = action end
end
if not check("a quick fix 'replace with '" .. fix .. "''", chosen and chosen.edit and chosen.isPreferred, report.actions) then
  finish(1)
end

local line_before = vim.api.nvim_buf_get_lines(bufnr, target.range.start.line, target.range.start.line + 1, false)[1]
local seen = publishes
vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
local line_after = vim.api.nvim_buf_get_lines(bufnr, target.range.start.line, target.range.start.line + 1, false)[1]
report.line_after_fix = line_after
check("the fix replaced exactly the word", line_after == line_before:gsub(word, fix, 1), { line_before, line_after })

-- Neovim sends the edit as didChange (incremental); the finding must go from the next publish.
if not vim.wait(timeout, function() return publishes > seen and hangul_line_typo() == nil end, 20) then
  check("the fixed finding is gone after Neovim's didChange", false, latest)
else
  check("the fixed finding is gone after Neovim's didChange", true)
  report.version_after_fix = latest.version
  check("the re-publish carries the buffer's version", latest.version == vim.lsp.util.buf_versions[bufnr],
    { latest.version, vim.lsp.util.buf_versions[bufnr] })
end

-- Hover over another finding, if there is one.
local other = (latest.diagnostics or {})[1]
if other then
  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = uri }, position = other.range.start }, timeout, bufnr)
  check("hover explains the rule of a finding", hover and hover.result and hover.result.contents.value:find(other.code, 1, true), hover)
end

client.stop()
vim.wait(5000, function() return server_exit ~= nil end, 20)
report.server_exit = server_exit
check("the server exits with 0 after shutdown and exit", server_exit and server_exit.code == 0, server_exit)
finish(#report.failures == 0 and 0 or 1)
