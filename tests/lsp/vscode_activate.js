// Loads editors/vscode/extension.js with stand-ins for the 'vscode' and
// 'vscode-languageclient/node' modules (VS Code itself cannot run here) and
// checks what activate() starts: `<digestlint.path> lsp` over stdio, for
// Markdown documents. Usage: node vscode_activate.js EXTENSION_DIR
'use strict';

const assert = require('assert');
const Module = require('module');
const path = require('path');

const started = [];
const settings = { path: '${workspaceFolder}/build/digestlint' };
const fakeVscode = {
  workspace: {
    getConfiguration: (section) => ({ get: (key) => (section === 'digestlint' ? settings[key] : undefined) }),
    workspaceFolders: [{ uri: { fsPath: '/work/space' } }],
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  commands: { registerCommand: (name) => ({ name, dispose() {} }) },
  window: { showErrorMessage: (message) => { throw new Error('unexpected error message: ' + message); } },
};
class FakeLanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    Object.assign(this, { id, name, serverOptions, clientOptions });
  }
  start() { started.push(this); return Promise.resolve(); }
  stop() { return Promise.resolve(); }
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode' || request === 'vscode-languageclient/node') return request;
  return resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: fakeVscode };
require.cache['vscode-languageclient/node'] = {
  id: 'vscode-languageclient/node', filename: 'vscode-languageclient/node', loaded: true,
  exports: { LanguageClient: FakeLanguageClient },
};

const extension = require(path.resolve(process.argv[2], 'extension.js'));
const context = { subscriptions: [] };
extension.activate(context).then(() => {
  assert.strictEqual(started.length, 1, 'one client started');
  const client = started[0];
  assert.deepStrictEqual(client.serverOptions, { command: '/work/space/build/digestlint', args: ['lsp'] });
  const languages = client.clientOptions.documentSelector.map((s) => s.language);
  assert.ok(languages.every((l) => l === 'markdown') && languages.length > 0, 'Markdown documents only');
  assert.ok(context.subscriptions.some((s) => s.name === 'digestlint.restart'), 'the restart command');
  settings.path = undefined;
  assert.strictEqual(extension.serverCommand(), 'digestlint', 'the default is digestlint on PATH');
  console.log('extension.js: activate starts', client.serverOptions.command, client.serverOptions.args.join(' '));
}).catch((error) => { console.error(error); process.exit(1); });
