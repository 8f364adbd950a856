#!/usr/bin/env node
// Scripted LSP client for `hanmark lsp` (tests/integration/lsp_protocol.sh), built on
// vscode-languageserver-protocol 3.17.5, the library VS Code's own client uses. Each scenario
// starts a server and checks one part of the protocol: position encodings on a Hangul/emoji
// line, incremental sync, coalesced re-linting, code actions applied client-side,
// add-to-dictionary, configuration reload, hover, bad input, raw framing and exit codes.
//
//   node lsp_client.cjs --server BINARY --fixtures DIR [--only a,b] [--timeout MS] [--trace]
//
// Prints "ok"/"not ok" per check; exit 0 when all pass, 1 when one fails, 2 on a crash.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');
const rpc = require('vscode-languageserver-protocol/node');

// ---- arguments ---------------------------------------------------------------------------
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SERVER = arg('--server') && path.resolve(arg('--server'));
const FIXTURES = arg('--fixtures');
const ONLY = (arg('--only', '') || '').split(',').filter(Boolean);
const TIMEOUT = Number(arg('--timeout', '15000'));
const TRACE = args.includes('--trace');
if (!SERVER || !FIXTURES) {
  console.error('usage: lsp_client.cjs --server BINARY --fixtures DIR [--only a,b]');
  process.exit(2);
}

// ---- results -----------------------------------------------------------------------------
let failures = 0;
let current = '';
function check(name, ok, detail) {
  if (ok) {
    console.log(`ok - ${current}: ${name}`);
  } else {
    failures++;
    console.log(`not ok - ${current}: ${name}${detail === undefined ? '' : ' — ' + JSON.stringify(detail)}`);
  }
  return ok;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function within(promise, what, ms = TIMEOUT) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out: ' + what)), ms); }),
  ]);
}

// ---- text and positions, the client's side ------------------------------------------------
// Line starts of `text` as JS string indexes; "\r\n", "\n" and "\r" end lines.
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}
// The JS string index of an LSP position in `encoding` ("utf-16": JS indexes; "utf-8": bytes).
function indexOf(text, position, encoding) {
  const starts = lineStarts(text);
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  let end = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (encoding === 'utf-16') return Math.min(start + position.character, end);
  let units = 0;
  let i = start;
  while (i < end) {
    const codePoint = text.codePointAt(i);
    const size = Buffer.byteLength(String.fromCodePoint(codePoint));
    if (units + size > position.character) break;
    units += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}
const covered = (text, range, encoding) =>
  text.slice(indexOf(text, range.start, encoding), indexOf(text, range.end, encoding));
function applyEdits(text, edits, encoding) {
  const located = edits
    .map((e) => ({ from: indexOf(text, e.range.start, encoding), to: indexOf(text, e.range.end, encoding), text: e.newText }))
    .sort((a, b) => b.from - a.from);
  for (const e of located) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return text;
}
function editsFor(workspaceEdit, uri) {
  if (workspaceEdit.changes && workspaceEdit.changes[uri]) return workspaceEdit.changes[uri];
  const change = (workspaceEdit.documentChanges || []).find((c) => c.textDocument && c.textDocument.uri === uri);
  return change ? change.edits : [];
}
// Where `needle` is, as an LSP position.
function positionOf(text, needle, encoding, from = 0) {
  const index = text.indexOf(needle, from);
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= index) line++;
  const before = text.slice(starts[line], index);
  return { line, character: encoding === 'utf-16' ? before.length : Buffer.byteLength(before) };
}

// ---- a server session ----------------------------------------------------------------------
function tempProject(files = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanmark-lsp-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
const uriOf = (file) => pathToFileURL(file).href;
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

class Session {
  // options: encodings (array or null), dir (workspace root), initializationOptions, capabilities
  static async start(options = {}) {
    const s = new Session();
    s.dir = options.dir || tempProject();
    s.child = cp.spawn(SERVER, ['lsp'], { cwd: s.dir, stdio: ['pipe', 'pipe', 'pipe'] });
    s.child.on('error', (e) => { console.error('cannot start the server: ' + e.message); process.exit(2); });
    s.stderr = '';
    s.child.stderr.on('data', (d) => { s.stderr += d; });
    s.exited = new Promise((resolve) => s.child.on('exit', (code, signal) => resolve({ code, signal })));
    s.conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(s.child.stdout), new rpc.StreamMessageWriter(s.child.stdin));
    s.published = [];
    s.waiters = [];
    s.registrations = [];
    s.messages = [];
    s.conn.onNotification('textDocument/publishDiagnostics', (p) => { s.published.push(p); s.poke(); });
    s.conn.onNotification('window/showMessage', (p) => { s.messages.push(p); s.poke(); });
    s.conn.onNotification('window/logMessage', (p) => { s.messages.push(p); s.poke(); });
    s.conn.onRequest('client/registerCapability', (p) => { s.registrations.push(...p.registrations); s.poke(); return null; });
    s.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    if (TRACE) s.conn.trace(rpc.Trace.Messages, { log: (m, d) => console.error(m, d || '') });
    s.conn.listen();
    const capabilities = {
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        codeAction: { isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      workspace: {
        didChangeWatchedFiles: { dynamicRegistration: true },
        executeCommand: {},
        workspaceEdit: { documentChanges: true },
      },
      ...(options.capabilities || {}),
    };
    if (options.encodings) capabilities.general = { positionEncodings: options.encodings };
    const initializationOptions = { userDictionary: path.join(s.dir, 'user-words.dic'), ...(options.initializationOptions || {}) };
    s.init = await within(s.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: uriOf(s.dir), capabilities, initializationOptions,
      clientInfo: { name: 'hanmark-lsp-client', version: '1' },
    }), 'initialize');
    s.encoding = s.init.capabilities.positionEncoding || 'utf-16';
    s.conn.sendNotification('initialized', {});
    return s;
  }
  poke() { for (const w of this.waiters.splice(0)) w(); }
  // Resolves with the first value `pick()` returns that is not undefined.
  until(pick, what, ms = TIMEOUT) {
    return within(new Promise((resolve) => {
      const test = () => {
        const value = pick();
        if (value !== undefined) resolve(value);
        else this.waiters.push(test);
      };
      test();
    }), what, ms);
  }
  // The first publish for `uri` after the first `seen` ones that satisfies `accept`.
  publishFor(uri, accept = () => true, seen = 0, ms = TIMEOUT) {
    return this.until(() => this.published.filter((p) => p.uri === uri).slice(seen).find(accept), 'publishDiagnostics for ' + uri, ms);
  }
  count(uri) { return this.published.filter((p) => p.uri === uri).length; }
  open(file, text, version = 1) {
    const uri = uriOf(file);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return uri;
  }
  change(uri, version, contentChanges) {
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }
  async stop() {
    try {
      await within(this.conn.sendRequest('shutdown'), 'shutdown', 5000);
      this.conn.sendNotification('exit');
      return await within(this.exited, 'exit', 5000);
    } finally {
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
      this.conn.dispose();
    }
  }
}
const typos = (published) => published.diagnostics.filter((d) => d.code === 'typo');

// ---- scenarios -----------------------------------------------------------------------------
const scenarios = {};

scenarios.encodings = async () => {
  const text = fixture('enginner.md');
  // 딥(1) ␠ 러닝(2) ␠ 😀(2) ␠ = 8 UTF-16 units; 3+1+6+1+4+1 = 16 bytes.
  for (const [offered, expected, column] of [[null, 'utf-16', 8], [['utf-8', 'utf-16'], 'utf-8', 16], [['utf-32'], 'utf-16', 8]]) {
    const s = await Session.start({ encodings: offered });
    const label = `offered ${JSON.stringify(offered)}`;
    check(`${label}: server chose ${expected}`, s.encoding === expected, s.init.capabilities.positionEncoding);
    const uri = s.open(path.join(s.dir, 'post.md'), text, 3);
    const published = await s.publishFor(uri);
    check(`${label}: publish has the document version`, published.version === 3, published.version);
    const found = typos(published);
    check(`${label}: two typo findings`, found.length === 2, published.diagnostics);
    for (const d of found) {
      check(`${label}: range ${JSON.stringify(d.range)} covers exactly Enginner`, covered(text, d.range, s.encoding) === 'Enginner', covered(text, d.range, s.encoding));
    }
    const hangul = found.find((d) => d.range.start.line === 2) || { range: { start: {} } };
    check(`${label}: the Hangul-line finding starts at character ${column}`, hangul.range.start.character === column, hangul.range);
    if (expected === 'utf-8') {
      check('utf-8 numbers read as utf-16 would miss the word', covered(text, hangul.range, 'utf-16') !== 'Enginner');
    }
    const d = found[0] || {};
    check(`${label}: severity, source, code, doc link`, d.severity === 2 && d.source === 'hanmark' && d.code === 'typo' &&
      /\/blob\/v[^/]+\/rules\/spelling\/typo\.md$/.test((d.codeDescription || {}).href || ''), d);
    await s.stop();
  }
};

scenarios.incremental = async () => {
  for (const encoding of [['utf-8'], null]) {
    const s = await Session.start({ encodings: encoding });
    const enc = s.encoding;
    let text = fixture('enginner.md');
    const uri = s.open(path.join(s.dir, 'post.md'), text);
    await s.publishFor(uri);
    // 1. Insert Hangul and an emoji in front of the word, on its line.
    const insertAt = positionOf(text, '딥 러닝', enc);
    let edit = { range: { start: insertAt, end: insertAt }, text: '한글 🎉 ' };
    text = applyEdits(text, [{ range: edit.range, newText: edit.text }], enc);
    s.change(uri, 2, [edit]);
    let published = await s.publishFor(uri, (p) => p.version === 2);
    let hangul = typos(published).find((d) => d.range.start.line === 2);
    check(`${enc}: after inserting 한글 🎉 the finding still covers Enginner`, hangul && covered(text, hangul.range, enc) === 'Enginner', hangul);
    check(`${enc}: and moved right by the inserted units`, hangul && hangul.range.start.character === (enc === 'utf-16' ? 8 + 6 : 16 + 12), hangul && hangul.range);
    // 2. Two changes in one notification: fix the word through its range, then add a line.
    const fix = { range: hangul.range, text: 'Engineer' };
    text = applyEdits(text, [{ range: fix.range, newText: fix.text }], enc);
    const end = positionOf(text, 'The Enginner', enc);
    const add = { range: { start: end, end }, text: '새 줄의 😀 Enginner.\r\n' };
    text = applyEdits(text, [{ range: add.range, newText: add.text }], enc);
    s.change(uri, 3, [fix, add]);
    published = await s.publishFor(uri, (p) => p.version === 3);
    const now = typos(published);
    check(`${enc}: two changes in one didChange applied in order`, now.length === 2 && now.every((d) => covered(text, d.range, enc) === 'Enginner'), now.map((d) => [d.range, covered(text, d.range, enc)]));
    // 3. A change spanning lines (a CRLF included), and one whose positions are out of range.
    const from = positionOf(text, '정리했습니다', enc);
    const to = positionOf(text, 'Enginner.', enc);
    edit = { range: { start: from, end: to }, text: '' };
    text = applyEdits(text, [{ range: edit.range, newText: '' }], enc);
    const outside = { range: { start: { line: 99, character: 5 }, end: { line: 120, character: 0 } }, text: '\n끝 Enginner\n' };
    text = applyEdits(text, [{ range: outside.range, newText: outside.text }], enc);
    s.change(uri, 4, [edit, outside]);
    published = await s.publishFor(uri, (p) => p.version === 4);
    const last = typos(published);
    check(`${enc}: multi-line and out-of-range edits land where the client put them`, last.length === 3 && last.every((d) => covered(text, d.range, enc) === 'Enginner'), last.map((d) => covered(text, d.range, enc)));
    // The server's text is the client's: its fix-all edit, applied here, fixes exactly the typos.
    const actions = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }), 'codeAction');
    const all = actions.find((a) => a.kind === 'source.fixAll');
    check(`${enc}: server and client texts agree (fix-all edit applies cleanly)`, all && applyEdits(text, editsFor(all.edit, uri), enc) === text.replaceAll('Enginner', 'Engineer'), all);
    await s.stop();
  }
};

scenarios.coalescing = async () => {
  const s = await Session.start();
  let text = fixture('enginner.md');
  const uri = s.open(path.join(s.dir, 'post.md'), text);
  await s.publishFor(uri);
  const before = s.count(uri);
  // 30 quick keystrokes at the end of the Hangul line.
  for (let v = 2; v <= 31; v++) {
    const at = positionOf(text, '\n\nThe', s.encoding);
    text = applyEdits(text, [{ range: { start: at, end: at }, newText: '가' }], s.encoding);
    s.change(uri, v, [{ range: { start: at, end: at }, text: '가' }]);
  }
  const last = await s.publishFor(uri, (p) => p.version === 31, before);
  const versions = s.published.filter((p) => p.uri === uri).slice(before).map((p) => p.version);
  check('the last version is published', last.version === 31, versions);
  check('a burst of 30 changes is linted fewer than 30 times', versions.length < 30, versions);
  check('published versions never go backwards', versions.every((v, i) => i === 0 || v >= versions[i - 1]), versions);
  await sleep(200);
  check('nothing stale is published after the last version', s.published.filter((p) => p.uri === uri).slice(-1)[0].version === 31);
  await s.stop();
};

scenarios['code-actions'] = async () => {
  const s = await Session.start();
  const enc = s.encoding;
  let text = fixture('enginner.md');
  const uri = s.open(path.join(s.dir, 'post.md'), text);
  let published = await s.publishFor(uri);
  const target = typos(published).find((d) => d.range.start.line === 2);
  // eglot sends only what flymake shows: here, nothing. The server uses its own diagnostics.
  const actions = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [] } }), 'codeAction');
  const titles = actions.map((a) => a.title);
  const fix = actions.find((a) => a.isPreferred);
  check('a preferred quick fix for the Hangul-line typo, with an empty context', fix && fix.kind === 'quickfix' && fix.title === "replace with 'Engineer'", titles);
  check('a "disable typo for this line" action', titles.includes('disable typo for this line'), titles);
  check('fix all is offered when no kind is asked for', actions.some((a) => a.kind === 'source.fixAll'), titles);
  text = applyEdits(text, editsFor(fix.edit, uri), enc);
  check('the fix edits exactly the word', text.includes('딥 러닝 😀 Engineer로') && text.includes('The Enginner'), text);
  let seen = s.count(uri);
  s.change(uri, 2, [{ text }]);
  published = await s.publishFor(uri, (p) => p.version === 2, seen);
  check('after the fix, only the English-line typo is left', typos(published).length === 1 && typos(published)[0].range.start.line === 4, published.diagnostics);
  // Disable the other one for its line.
  const other = typos(published)[0];
  const quick = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: other.range, context: { diagnostics: [other], only: ['quickfix'] } }), 'codeAction');
  check('only quick fixes when only quickfix is asked for', quick.every((a) => a.kind === 'quickfix'), quick.map((a) => a.kind));
  const disable = quick.find((a) => a.title === 'disable typo for this line');
  text = applyEdits(text, editsFor(disable.edit, uri), enc);
  check('the directive goes at the end of the line', text.includes('The Enginner wrote it. <!-- hanmark-disable-line typo -->'), text);
  seen = s.count(uri);
  s.change(uri, 3, [{ text }]);
  published = await s.publishFor(uri, (p) => p.version === 3, seen);
  check('the disabled finding is gone', typos(published).length === 0, published.diagnostics);
  // Fix all on a post with several safe fixes.
  let post = '# 제목\n\nThe recieve 😀 thing   \n\n한국어 Enginner 문장 \n';
  const uri2 = s.open(path.join(s.dir, 'fix-all.md'), post);
  await s.publishFor(uri2);
  const source = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri2 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] } }), 'codeAction');
  const all = source.find((a) => a.kind === 'source.fixAll');
  check('"source" asks for source.fixAll and nothing else', all && all.title === 'fix all safe problems in this file' && source.every((a) => a.kind.startsWith('source')), source);
  post = applyEdits(post, editsFor(all.edit, uri2), enc);
  check('fix all fixes every safe problem', post === '# 제목\n\nThe receive 😀 thing\n\n한국어 Engineer 문장\n', post);
  seen = s.count(uri2);
  s.change(uri2, 2, [{ text: post }]);
  published = await s.publishFor(uri2, (p) => p.version === 2, seen);
  check('and the re-published diagnostics are empty', published.diagnostics.length === 0, published.diagnostics);
  await s.stop();
};

scenarios.dictionary = async () => {
  // No dictionary in the configuration: the word goes to the user word list.
  let dir = tempProject({ '.hanmark.toml': '[rules]\nextend-select = ["spelling"]\n' });
  let s = await Session.start({ dir });
  let text = 'The wrold spun.\n\n이 기능은 렌더링 떄문에 느려집니다.\n';
  let uri = s.open(path.join(dir, 'post.md'), text);
  let published = await s.publishFor(uri);
  const codes = published.diagnostics.map((d) => d.code);
  check('spelling and korean-spelling findings', codes.includes('spelling') && codes.includes('korean-spelling'), codes);
  const spelling = published.diagnostics.find((d) => d.code === 'spelling');
  let actions = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: spelling.range, context: { diagnostics: [] } }), 'codeAction');
  let add = actions.find((a) => a.title === "add 'wrold' to dictionary");
  check('an add-to-dictionary action with a command', add && add.kind === 'quickfix' && add.command && add.command.command === 'hanmark.addToDictionary', actions.map((a) => a.title));
  check('the command is one the server registered', s.init.capabilities.executeCommandProvider.commands.includes(add.command.command));
  let seen = s.count(uri);
  await within(s.conn.sendRequest('workspace/executeCommand', { command: add.command.command, arguments: add.command.arguments }), 'executeCommand');
  const userWords = path.join(dir, 'user-words.dic');
  check('the word is in the user word list', fs.existsSync(userWords) && fs.readFileSync(userWords, 'utf8') === 'wrold\n', fs.existsSync(userWords) && fs.readFileSync(userWords, 'utf8'));
  published = await s.publishFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'spelling'), seen);
  check('after the reload the spelling finding is gone', true);
  await s.stop();

  // The configuration names a word list: the words go there, Korean ones with a noun model.
  dir = tempProject({ '.hanmark.toml': '[rules]\nextend-select = ["spelling"]\n[spelling]\ndictionaries = ["team.dic"]\n', 'team.dic': 'Kubernetes' });
  s = await Session.start({ dir });
  uri = s.open(path.join(dir, 'post.md'), text);
  published = await s.publishFor(uri);
  const korean = published.diagnostics.find((d) => d.code === 'korean-spelling');
  check('the korean-spelling finding covers 떄문에', korean && covered(text, korean.range, s.encoding) === '떄문에', korean);
  actions = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: korean.range, context: { diagnostics: [] } }), 'codeAction');
  add = actions.find((a) => a.title === "add '떄문에' to dictionary");
  seen = s.count(uri);
  await within(s.conn.sendRequest('workspace/executeCommand', add.command), 'executeCommand');
  const team = fs.readFileSync(path.join(dir, 'team.dic'), 'utf8');
  check('the Korean word goes to the configured list without its particle, with a model', team === 'Kubernetes\n떄문/토너먼트\n', team);
  published = await s.publishFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'korean-spelling'), seen);
  check('after the reload the korean-spelling finding is gone', true);
  check('the server said where it wrote', s.messages.some((m) => m.message.includes('team.dic')), s.messages);
  await s.stop();
};

scenarios.config = async () => {
  const dir = tempProject({ '.hanmark.toml': '[rules]\nignore = ["typo"]\n' });
  const s = await Session.start({ dir });
  const configUri = uriOf(path.join(dir, '.hanmark.toml'));
  const text = fixture('enginner.md');
  const uri = s.open(path.join(dir, 'post.md'), text);
  let published = await s.publishFor(uri);
  check('the configuration is read: typo is ignored', typos(published).length === 0, published.diagnostics);
  await s.until(() => (s.registrations.length ? true : undefined), 'registerCapability');
  const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
  check('a file watcher for configuration files is registered', watch && watch.registerOptions.watchers.some((w) => w.globPattern.includes('.hanmark.toml')), s.registrations);
  // Edit the configuration and say so.
  const changed = (type = 2) => s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });
  let seen = s.count(uri);
  fs.writeFileSync(path.join(dir, '.hanmark.toml'), '[rules]\nignore = ["trailing-space"]\n');
  changed();
  published = await s.publishFor(uri, () => true, seen);
  check('after the edit, typo findings appear', typos(published).length === 2, published.diagnostics);
  // A broken configuration: a diagnostic on the file, the document unlinted, the server alive.
  seen = s.count(uri);
  fs.writeFileSync(path.join(dir, '.hanmark.toml'), '# team settings\n[rules]\nignor = ["typo"]\n');
  changed();
  const problem = await s.publishFor(configUri, (p) => p.diagnostics.length > 0);
  const d = problem.diagnostics[0];
  check('the error is shown on the configuration file, at its key', d.range.start.line === 2 && d.range.start.character === 0 && d.severity === 1 && /ignor/.test(d.message), problem);
  published = await s.publishFor(uri, () => true, seen);
  check('documents under a broken configuration have no findings', published.diagnostics.length === 0, published.diagnostics);
  const hover = await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), 'hover');
  check('the server keeps answering', hover === null);
  // Fixed again: the error is cleared.
  const configSeen = s.count(configUri);
  seen = s.count(uri);
  fs.writeFileSync(path.join(dir, '.hanmark.toml'), '[rules]\nignore = ["typo"]\n');
  changed();
  const cleared = await s.publishFor(configUri, () => true, configSeen);
  check('the configuration error is cleared', cleared.diagnostics.length === 0, cleared);
  published = await s.publishFor(uri, () => true, seen);
  check('and the configuration applies again', published.diagnostics.length === 0, published.diagnostics);
  // Client settings: noConfig ignores the file.
  seen = s.count(uri);
  s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { hanmark: { noConfig: true } } });
  published = await s.publishFor(uri, () => true, seen);
  check('didChangeConfiguration with noConfig: the defaults apply', typos(published).length === 2, published.diagnostics);
  await s.stop();
};

scenarios.hover = async () => {
  const s = await Session.start({ encodings: ['utf-8'] });
  const text = fixture('enginner.md');
  const uri = s.open(path.join(s.dir, 'post.md'), text);
  const published = await s.publishFor(uri);
  const d = typos(published).find((x) => x.range.start.line === 2);
  const inside = { line: d.range.start.line, character: d.range.start.character + 3 };
  const hover = await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: inside }), 'hover');
  check('hover on a finding explains its rule', hover && hover.contents.kind === 'markdown' && hover.contents.value.includes("'Enginner' is a common misspelling") && hover.contents.value.includes('# typo'), hover);
  check('hover range is the finding', hover && JSON.stringify(hover.range) === JSON.stringify(d.range), hover && hover.range);
  const nothing = await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), 'hover');
  check('hover elsewhere is null', nothing === null, nothing);
  await s.stop();
};

scenarios.robustness = async () => {
  const s = await Session.start();
  const code = async (promise) => { try { await promise; return 'no error'; } catch (e) { return e.code; } };
  check('unknown request: MethodNotFound', (await code(s.conn.sendRequest('hanmark/nothing', {}))) === -32601);
  s.conn.sendNotification('hanmark/nothing', {});
  const unknownUri = uriOf(path.join(s.dir, 'not-open.md'));
  check('hover on a document that is not open: InvalidParams', (await code(s.conn.sendRequest('textDocument/hover', { textDocument: { uri: unknownUri }, position: { line: 0, character: 0 } }))) === -32602);
  check('codeAction on a document that is not open: InvalidParams', (await code(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: unknownUri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }))) === -32602);
  check('malformed params: InvalidParams', (await code(s.conn.sendRequest('textDocument/codeAction', { textDocument: 5 }))) === -32602);
  s.change(unknownUri, 2, [{ text: 'x' }]);  // ignored
  const text = fixture('enginner.md');
  const uri = s.open(path.join(s.dir, 'post.md'), text);
  await s.publishFor(uri);
  const far = await within(s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 500, character: 3 }, end: { line: 900, character: 99 } }, context: { diagnostics: [] } }), 'codeAction');
  check('positions past the end are clamped, not refused', Array.isArray(far), far);
  // A 5 MB document with a typo near its end.
  const paragraph = '딥 러닝 엔지니어가 되려면 수학과 프로그래밍을 함께 공부해야 합니다. 😀 Deep learning needs both.\n\n';
  const big = paragraph.repeat(Math.ceil(5e6 / Buffer.byteLength(paragraph))) + '마지막 줄의 Enginner 입니다.\n';
  const bigUri = s.open(path.join(s.dir, 'big.md'), big);
  const started = Date.now();
  const published = await s.publishFor(bigUri, () => true, 0, 4 * TIMEOUT);
  const last = typos(published).find((d) => covered(big, d.range, s.encoding) === 'Enginner');
  check(`a ${(Buffer.byteLength(big) / 1e6).toFixed(1)} MB document is linted (${Date.now() - started} ms)`, !!last, published.diagnostics.length);
  const hover = await within(s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 9 } }), 'hover');
  check('and the server still answers', hover && hover.contents.value.includes('typo'));
  const exit = await s.stop();
  check('clean exit after all that', exit.code === 0, exit);
  check('no crash reported on stderr', !/terminate|Segmentation|Aborted/.test(s.stderr), s.stderr.slice(-500));
};

// Raw bytes on stdin: garbage, broken JSON and wrong lengths, read back by hand.
scenarios.framing = async () => {
  const child = cp.spawn(SERVER, ['lsp'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let buffer = Buffer.alloc(0);
  const replies = [];
  let wake = () => {};
  child.stdout.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const header = buffer.indexOf('\r\n\r\n');
      if (header < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.slice(0, header).toString())[1]);
      if (buffer.length < header + 4 + length) break;
      replies.push(JSON.parse(buffer.slice(header + 4, header + 4 + length).toString()));
      buffer = buffer.slice(header + 4 + length);
    }
    wake();
  });
  const reply = (id) => within(new Promise((resolve) => {
    const test = () => { const r = replies.find((m) => m.id === id && !m.method); if (r) resolve(r); else wake = test; };
    test();
  }), 'reply ' + JSON.stringify(id));
  const frame = (body, length) => `Content-Length: ${length === undefined ? Buffer.byteLength(body) : length}\r\n\r\n${body}`;
  const send = (bytes) => child.stdin.write(bytes);
  send('this is not LSP\r\n');
  send(frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { capabilities: {} } })));
  check('garbage before the first header is skipped', !!(await reply(1)).result);
  send(frame('{"jsonrpc": "2.0", "id": 2, "method": '));
  const parseError = await reply(null);
  check('broken JSON: ParseError with a null id', parseError.error && parseError.error.code === -32700, parseError);
  const shortBody = JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'hanmark/nothing' });
  send(frame(shortBody, 10) + 'noise' + frame(JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'hanmark/nothing' })));
  check('a Content-Length too short costs that message only', (await reply(4)).error.code === -32601);
  const longBody = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'hanmark/nothing' });
  send(frame(longBody, Buffer.byteLength(longBody) + 30) + frame(JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'shutdown' })));
  const five = await reply(5);
  check('a Content-Length too long is cut at the next header', five.error && five.error.code === -32601, five);
  check('and the next message is read', (await reply(6)).result === null);
  send(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
  check('exit code 0 after shutdown and exit', (await within(exited, 'exit')) === 0);
};

scenarios['exit-codes'] = async () => {
  const run = async (messages, closeStdin) => {
    const child = cp.spawn(SERVER, ['lsp'], { stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    for (const m of messages) {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    if (closeStdin) child.stdin.end();
    try {
      return await within(exited, 'server exit', 10000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  const init = { id: 1, method: 'initialize', params: { capabilities: {} } };
  const shutdown = { id: 2, method: 'shutdown' };
  const exit = { method: 'exit' };
  check('shutdown then exit: 0', (await run([init, shutdown, exit], false)).code === 0);
  check('exit without shutdown: 1', (await run([init, exit], false)).code === 1);
  check('stdin closed after shutdown: 0', (await run([init, shutdown], true)).code === 0);
  check('stdin closed without shutdown: 1', (await run([init], true)).code === 1);
  check('stdin closed at once: 1', (await run([], true)).code === 1);
};

// ---- main ----------------------------------------------------------------------------------
(async () => {
  const names = ONLY.length ? ONLY : Object.keys(scenarios);
  for (const name of names) {
    current = name;
    if (!scenarios[name]) { check('exists', false); continue; }
    try {
      await scenarios[name]();
    } catch (e) {
      check('ran to the end', false, String(e && e.stack || e));
    }
  }
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });
