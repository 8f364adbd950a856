#!/usr/bin/env node
// Reads annotation workflow commands (`::warning file=…,line=…::message`) the way the Actions
// runner does and reports what it would drop, reject or split wrongly. With --expect, also
// checks that the annotations say what hanmark's `--format json` findings say.
//
//   node workflow_command_check.mjs ANNOTATIONS.txt [--expect FINDINGS.json --root REPO_ROOT]
//
// Exit 0: no problem; 1: problems (one a line on stdout); 2: usage.
//
// The runner's rules: a command line, trimmed at the start, begins with '::' and the next '::'
// ends its header; the header is the command name, then after the first space properties split
// on ',' and each on its first '='; property values are unescaped (%0D, %0A, %3A, %2C, then
// %25), the message only for %0D, %0A and %25. Property names are case-insensitive. Columns need a line; columns of an
// annotation over several lines are dropped, and so are end values before their start.
import fs from 'node:fs';
import path from 'node:path';

const KNOWN = new Map(
    ['title', 'file', 'line', 'endLine', 'col', 'endColumn'].map((k) => [k.toLowerCase(), k]));
const COMMANDS = new Set(['error', 'warning', 'notice']);

function unescapeData(value) {
  return value.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

function unescapeProperty(value) {
  return value.replaceAll('%0D', '\r')
      .replaceAll('%0A', '\n')
      .replaceAll('%3A', ':')
      .replaceAll('%2C', ',')
      .replaceAll('%25', '%');
}

export function parseCommand(line) {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('::')) return null;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return null;
  const header = trimmed.slice(2, end);
  const space = header.indexOf(' ');
  const command = space < 0 ? header : header.slice(0, space);
  const properties = [];
  if (space >= 0) {
    for (const part of header.slice(space + 1).trim().split(',')) {
      if (part === '') continue;
      const equals = part.indexOf('=');
      if (equals < 0) {
        properties.push({key: part, value: undefined});
      } else {
        properties.push({key: part.slice(0, equals), value: unescapeProperty(part.slice(equals + 1))});
      }
    }
  }
  return {command, properties, message: unescapeData(trimmed.slice(end + 2))};
}

function problemsOf(parsed) {
  const problems = [];
  if (!COMMANDS.has(parsed.command)) problems.push(`unknown command '${parsed.command}'`);
  const values = {};
  for (const {key, value} of parsed.properties) {
    const name = KNOWN.get(key.toLowerCase());
    if (!name) {
      problems.push(`unknown property '${key}' (a value split on an unescaped ',' or '=')`);
      continue;
    }
    if (value === undefined) problems.push(`property '${key}' without '='`);
    if (name in values) problems.push(`property '${key}' given twice`);
    values[name] = value;
  }
  const numbers = {};
  for (const name of ['line', 'endLine', 'col', 'endColumn']) {
    if (!(name in values)) continue;
    if (!/^[1-9][0-9]*$/.test(values[name])) {
      problems.push(`${name}=${values[name]} is not a positive integer`);
    } else {
      numbers[name] = Number(values[name]);
    }
  }
  if (!values.file) problems.push('no file: the annotation is not placed in a file');
  else if (path.isAbsolute(values.file)) problems.push(`file '${values.file}' is absolute`);
  if (!('line' in numbers)) problems.push('no line');
  if (('col' in values || 'endColumn' in values) && !('line' in values))
    problems.push('columns without a line are dropped');
  if ('endLine' in numbers && numbers.endLine < numbers.line)
    problems.push('endLine before line: both lines are dropped');
  const multiLine = 'endLine' in numbers && numbers.endLine !== numbers.line;
  if (multiLine && ('col' in values || 'endColumn' in values))
    problems.push('columns on an annotation over several lines are dropped');
  if ('endColumn' in numbers && numbers.endColumn < numbers.col)
    problems.push('endColumn before col: both columns are dropped');
  return {problems, values, numbers};
}

function expectedAnnotations(findingsFile, root) {
  const findings = JSON.parse(fs.readFileSync(findingsFile, 'utf8')).diagnostics;
  return findings.map((d) => {
    const relative = path.relative(root, path.resolve(d.path)).split(path.sep).join('/');
    const help = [];
    if (d.suggestions.length) {
      const quoted = d.suggestions.map((s) => `'${s}'`);
      const last = quoted.pop();
      help.push(`did you mean ${quoted.length ? `${quoted.join(', ')} or ${last}` : last}?`);
    }
    help.push(...d.notes);
    return {
      command: {error: 'error', warning: 'warning', info: 'notice'}[d.severity],
      file: relative,
      line: d.line,
      endLine: d.end_line,
      col: d.line === d.end_line ? d.column : undefined,
      endColumn: d.line === d.end_line ? d.end_column : undefined,
      title: `hanmark (${d.rule})`,
      message: [d.message, ...help.map((h) => `help: ${h}`)].join('\n'),
    };
  });
}

function main() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const expect = option('--expect');
  const root = path.resolve(option('--root') ?? '.');
  if (args.length !== 1) {
    console.error('usage: node workflow_command_check.mjs FILE [--expect FINDINGS.json --root DIR]');
    process.exit(2);
  }
  const lines = fs.readFileSync(args[0], 'utf8').split('\n');
  const expected = expect ? expectedAnnotations(expect, root) : null;
  const report = [];
  let count = 0;
  lines.forEach((line, index) => {
    const parsed = parseCommand(line);
    if (!parsed) return;
    const where = `line ${index + 1}`;
    const {problems, values, numbers} = problemsOf(parsed);
    for (const problem of problems) report.push(`${where}: ${problem}`);
    if (expected) {
      const want = expected[count];
      if (!want) {
        report.push(`${where}: an annotation no finding asks for`);
      } else {
        const got = {
          command: parsed.command, file: values.file, line: numbers.line,
          endLine: numbers.endLine, col: numbers.col, endColumn: numbers.endColumn,
          title: values.title, message: parsed.message,
        };
        for (const key of Object.keys(want)) {
          if (got[key] !== want[key])
            report.push(`${where}: ${key} is ${JSON.stringify(got[key])}, expected ${
                JSON.stringify(want[key])}`);
        }
      }
    }
    ++count;
  });
  if (expected && count !== expected.length)
    report.push(`${count} annotations for ${expected.length} findings`);
  for (const line of report) console.log(line);
  if (report.length === 0) console.log(`${count} annotations, no problems`);
  process.exit(report.length ? 1 : 0);
}

main();
