-- Headless Neovim with its built-in LSP client (Neovim 0.7+): start `exp-lint server`, open each file,
-- wait for its diagnostics, write them out as JSON. Set by the caller: _G.lsp_test = { cmd, out, files }.
local t = _G.lsp_test
local client_id = vim.lsp.start_client({ name = "exp-lint", cmd = t.cmd, root_dir = vim.fn.getcwd() })
local result = {}
for _, file in ipairs(t.files) do
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  vim.wait(120000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(found, { lnum = d.lnum, col = d.col, source = d.source, message = d.message, code = lsp.code or vim.NIL, severity = d.severity })
  end
  result[file] = found
end
vim.fn.writefile({ vim.fn.json_encode(result) }, t.out)
vim.lsp.stop_client(client_id)
vim.cmd("qa!")
