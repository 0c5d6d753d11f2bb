-- Neovim's built-in LSP client (0.7) against `digestlint lsp`, headless.
-- Driven by test_nvim.py: DIGESTLINT, DIGEST (the file to open), ROOT and
-- OUT (where the results go, as lines: Lua's print goes to stderr with
-- message formatting when headless) come from the environment.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function say(...)
  out:write(table.concat({ ... }, '\t'), '\n')
  out:flush()
end

local ok, err = pcall(function()
  local id = vim.lsp.start_client({
    cmd = { os.getenv('DIGESTLINT'), 'lsp' },
    root_dir = os.getenv('ROOT'),
    name = 'digestlint',
  })
  assert(id, 'start_client failed')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DIGEST')))
  vim.lsp.buf_attach_client(0, id)
  local got = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20)
  say('diagnostics', tostring(got))
  local fixable_line
  for _, d in ipairs(vim.diagnostic.get(0)) do
    say('diag', d.lnum, d.col, d.end_lnum, d.end_col, d.code or '', d.source or '')
    if d.code == 'DL503' then fixable_line = d.lnum end
  end
  local client = vim.lsp.get_client_by_id(id)
  say('encoding', client.offset_encoding or '')

  -- The DL503 quick fix, from the lightbulb's request.
  local function actions(line, only)
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(),
      range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
      context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(0, line), only = only },
    }
    local found = {}
    for _, r in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}) do
      for _, a in ipairs(r.result or {}) do table.insert(found, a) end
    end
    return found
  end
  local applied = 0
  for _, a in ipairs(actions(fixable_line or 0, { 'quickfix' })) do
    say('action', a.kind or '', a.title)
    if applied == 0 and a.title:match('^DL503') and a.edit then
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      applied = applied + 1
    end
  end
  say('quickfix-applied', applied)
  -- Then every other safe fix at once, as on save.
  for _, a in ipairs(actions(0, { 'source.fixAll' })) do
    say('action', a.kind or '', a.title)
    if a.edit then
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
      applied = applied + 1
    end
  end
  say('applied', applied)
  -- The hover over the first finding left.
  local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local buffer = assert(io.open(os.getenv('OUT') .. '.buffer', 'w'))
  buffer:write(table.concat(lines, '\n'), '\n')
  buffer:close()
end)
if not ok then say('error', tostring(err)) end
out:close()
vim.cmd('qa!')
