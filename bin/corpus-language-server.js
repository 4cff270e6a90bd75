#!/usr/bin/env node
// The standalone language server for any LSP client: `corpus-language-server --stdio`.
require('../dist/server.js');
