#!/usr/bin/env node
// The golden GitHub annotations for hanmark's findings, made by GitHub's own @actions/core:
// reads `hanmark check --format json` on stdin and calls core.error/warning/notice with the
// message and properties that docs/output-formats.md documents for `--format github`.
//
//   hanmark check --format json … | node github_annotations_golden.mjs --root REPO_ROOT
//
// The paths of the JSON are taken relative to the current directory, like hanmark's.
import * as core from '@actions/core';
import path from 'node:path';

function argument(name) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const root = path.resolve(argument('--root') ?? '.');

function annotationFile(file) {
  const absolute = path.resolve(file);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

function didYouMean(suggestions) {
  const quoted = suggestions.map((s) => `'${s}'`);
  const last = quoted.pop();
  return `did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?`;
}

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;

for (const d of JSON.parse(input).diagnostics) {
  const help = [];
  if (d.suggestions.length) help.push(didYouMean(d.suggestions));
  help.push(...d.notes);
  const message = [d.message, ...help.map((h) => `help: ${h}`)].join('\n');
  const properties = {
    title: `hanmark (${d.rule})`,
    file: annotationFile(d.path),
    startLine: d.line,
    endLine: d.end_line,
  };
  if (d.line === d.end_line) {
    properties.startColumn = d.column;
    properties.endColumn = d.end_column;
  }
  const annotate = {error: core.error, warning: core.warning, info: core.notice}[d.severity];
  annotate(message, properties);
}
