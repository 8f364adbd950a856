#!/usr/bin/env node
// Validates SARIF logs against the official SARIF 2.1.0 JSON schema (draft-04, shipped by
// @microsoft/jest-sarif) with Ajv, then checks what GitHub code scanning needs on upload.
//
//   node sarif_validate.cjs LOG.sarif...      exit 0: all valid; 1: a log is invalid; 2: usage
//
// Each problem is printed as "LOG: where: what".
'use strict';

const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04').default;
const addFormats = require('ajv-formats').default;

const SCHEMA = path.join(__dirname, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas',
                         'sarif-2.1.0-rtm.5.json');

// The schema's `language` pattern is not a valid Unicode-mode regular expression.
const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false});
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));

// What code scanning relies on beyond the schema.
function uploadProblems(log) {
  const problems = [];
  (log.runs || []).forEach((run, r) => {
    const rules = (((run.tool || {}).driver || {}).rules) || [];
    const ids = rules.map((rule) => rule.id);
    if (new Set(ids).size !== ids.length) problems.push(`runs[${r}]: duplicate rule ids`);
    const results = run.results || [];
    if (results.length > 0 && !run.columnKind)
      problems.push(`runs[${r}]: results without columnKind`);
    const bases = run.originalUriBaseIds || {};
    for (const [id, base] of Object.entries(bases)) {
      if (!/^file:\/\/\/.*\/$/.test(base.uri || ''))
        problems.push(`runs[${r}].originalUriBaseIds.${id}: not a file:/// URI ending in '/'`);
    }
    results.forEach((result, i) => {
      const at = `runs[${r}].results[${i}]`;
      if (!result.ruleId) problems.push(`${at}: no ruleId`);
      else if (!ids.includes(result.ruleId))
        problems.push(`${at}: ruleId '${result.ruleId}' is not in tool.driver.rules`);
      if (result.ruleIndex !== undefined && ids[result.ruleIndex] !== result.ruleId)
        problems.push(`${at}: ruleIndex ${result.ruleIndex} is not '${result.ruleId}'`);
      if (!result.message || typeof result.message.text !== 'string')
        problems.push(`${at}: no message.text`);
      const locations = result.locations || [];
      if (locations.length === 0) problems.push(`${at}: no locations`);
      locations.forEach((location, l) => {
        const physical = location.physicalLocation || {};
        const artifact = physical.artifactLocation || {};
        const where = `${at}.locations[${l}]`;
        if (!artifact.uri) {
          problems.push(`${where}: no artifactLocation.uri`);
        } else if (artifact.uriBaseId) {
          if (!(artifact.uriBaseId in bases))
            problems.push(`${where}: uriBaseId '${artifact.uriBaseId}' is not defined`);
          if (/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri) || artifact.uri.startsWith('/'))
            problems.push(`${where}: uri '${artifact.uri}' is not relative to its base`);
        } else if (!artifact.uri.startsWith('file:///')) {
          problems.push(`${where}: uri '${artifact.uri}' is neither relative nor file:///`);
        }
        try {
          decodeURI(artifact.uri || '');
        } catch (e) {
          problems.push(`${where}: uri '${artifact.uri}' is not percent-encoded UTF-8`);
        }
        if (/[^A-Za-z0-9\-._~/%:]/.test(artifact.uri || ''))
          problems.push(`${where}: uri '${artifact.uri}' has characters to percent-encode`);
        const region = physical.region || {};
        if (!(region.startLine >= 1)) problems.push(`${where}: no region.startLine`);
        if (region.endLine < region.startLine) problems.push(`${where}: endLine before startLine`);
        if (region.endLine === region.startLine && region.endColumn < region.startColumn)
          problems.push(`${where}: endColumn before startColumn`);
      });
    });
  });
  return problems;
}

function check(file) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return [`not JSON: ${e.message}`];
  }
  const problems = [];
  if (!validate(log)) {
    for (const e of validate.errors) problems.push(`${e.instancePath || '/'}: ${e.message}`);
  }
  return problems.concat(uploadProblems(log));
}

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node sarif_validate.cjs LOG.sarif...');
  process.exit(2);
}
let failed = false;
for (const file of files) {
  const problems = check(file);
  for (const problem of problems) console.log(`${file}: ${problem}`);
  if (problems.length === 0) console.log(`${file}: valid SARIF 2.1.0`);
  failed = failed || problems.length > 0;
}
process.exit(failed ? 1 : 0);
