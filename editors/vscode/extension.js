// The digestlint extension: starts `digestlint lsp` for Markdown files and
// leaves the rest (findings, quick fixes, hovers) to the language server.
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

// digestlint.path: a command on PATH, or a path; ${workspaceFolder} and a
// leading ~ are expanded, and a relative path is taken from the first
// workspace folder.
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('digestlint').get('path') || 'digestlint';
  const folders = vscode.workspace.workspaceFolders || [];
  const root = folders.length > 0 ? folders[0].uri.fsPath : undefined;
  let command = configured;
  if (root !== undefined) command = command.split('${workspaceFolder}').join(root);
  if (command.startsWith('~/') && process.env.HOME) command = path.join(process.env.HOME, command.slice(2));
  if (!path.isAbsolute(command) && command.includes(path.sep) && root !== undefined) {
    command = path.join(root, command);
  }
  return command;
}

async function start() {
  const serverOptions = { command: serverCommand(), args: ['lsp'] };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
  };
  client = new LanguageClient('digestlint', 'digestlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `digestlint: cannot start '${serverOptions.command} lsp' (set digestlint.path): ${error.message || error}`);
  }
}

async function restart() {
  if (client) {
    const old = client;
    client = undefined;
    await old.stop().catch(() => {});
  }
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('digestlint.restart', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('digestlint.path')) restart();
    }),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, serverCommand };
