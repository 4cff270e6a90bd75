-- Corpus Files for Neovim 0.7 to 0.11: corpus files open with the filetype
-- "corpus" (`.corpus`, and a `.txt` whose first line is a `<<<FILE …>>>` header),
-- and `corpus-language-server --stdio` runs for them, one per project root (the
-- folder of the nearest .corpusrc.json, else of .git, else the file's folder).
--
-- Use: from init.lua (before filetype detection starts, which Neovim 0.7 needs):
--   dofile('/path/to/corpus-files/editors/nvim/corpus.lua').setup()
-- or copy this file to ~/.config/nvim/lua/corpus.lua and `require('corpus').setup()`.
-- Options (all optional): setup({ cmd = { 'corpus-language-server', '--stdio' },
--   settings = { corpus = { rules = { ['missing-date'] = 'off' } } }, txt = true })

local M = {}

local HEADER = '^<<<FILE[ \t]'

local function is_header(bufnr)
  local first = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1] or ''
  return first:match(HEADER) ~= nil
end

-- The folder that holds the nearest marker file or folder above `dir`, or nil.
local function upward(dir, name, kind)
  local found = kind == 'dir' and vim.fn.finddir(name, dir .. ';') or vim.fn.findfile(name, dir .. ';')
  if found == '' then
    return nil
  end
  return vim.fn.fnamemodify(found, ':p:h' .. (kind == 'dir' and ':h' or ''))
end

local function root_of(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = file ~= '' and vim.fn.fnamemodify(file, ':p:h') or vim.fn.getcwd()
  return upward(dir, '.corpusrc.json', 'file') or upward(dir, '.git', 'dir') or dir
end

-- Neovim 0.7 has no vim.lsp.start: one client per root, attached by hand.
local clients = {}

local function start(bufnr, options)
  local root = root_of(bufnr)
  local config = {
    name = 'corpus',
    cmd = options.cmd,
    root_dir = root,
    settings = options.settings,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    -- 0.7 does not announce workspace/configuration, so the server never asks: push the settings (harmless later).
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = options.settings })
    end,
  }
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = bufnr })
    return
  end
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

function M.setup(opts)
  opts = opts or {}
  local options = {
    cmd = opts.cmd or { 'corpus-language-server', '--stdio' },
    settings = opts.settings or { corpus = {} },
  }
  -- 0.7: vim.filetype.add takes effect only with the Lua detection on (the default from 0.8).
  if vim.fn.has('nvim-0.8') == 0 then
    vim.g.do_filetype_lua = 1
  end
  local extension = { corpus = 'corpus' }
  if opts.txt ~= false then
    -- A function for `txt` replaces the built-in mapping: say 'text' for the others.
    extension.txt = function(_, bufnr)
      return is_header(bufnr) and 'corpus' or 'text'
    end
  end
  vim.filetype.add({ extension = extension })
  local group = vim.api.nvim_create_augroup('corpus_files', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'corpus',
    callback = function(args)
      start(args.buf, options)
    end,
  })
  return M
end

return M
