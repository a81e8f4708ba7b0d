#!/usr/bin/env node
// Loads jurigraph's N-Quads export into Oxigraph, a real triple store, runs the SPARQL versions of
// the research questions (queries/sparql/*.rq), renders each result as jurigraph's query command
// renders CSV, and compares it with the expected answer of the Cypher question
// (tests/queries/<stem>.csv), which the suite also compares with jurigraph's own engine.
//
// Usage: node oxigraph_check.js EXPORT.nq RQ_DIR EXPECTED_DIR [CYPHER_DIR]
//   CYPHER_DIR (default: RQ_DIR/..) holds <stem>.cypher for each <stem>.rq: each .rq must start
//   with a '#' comment naming that file. Rows are compared in order when both the .rq and the
//   .cypher have ORDER BY, as multisets otherwise.
//
// Rendering, as jurigraph's CSV writer does (src/export/query_result_writers.cpp): an unbound
// variable is an empty field (Cypher's null); xsd:double/xsd:float as Cypher prints a Float (the
// shortest digits that read back, Python repr layout: 50000.0, 0.2, 1e+16); integer types
// without a decimal point; xsd:boolean as true/false; every other literal (strings, xsd:date)
// by its lexical form; fields with a comma, quote, CR or LF quoted (RFC 4180). An xsd:decimal is
// printed by its lexical form, so a query must cast to xsd:double where Cypher has a Float.
// IRIs and blank nodes are printed <iri> and _:b, which never equal an expected value: a query
// must return literals.
//
// Prints the triples loaded, one line per query (ok NAME (N rows) / FAIL NAME and a short diff),
// then a summary. Exit 0 when every query agrees, 1 on any failure, 2 on bad usage, 77 when the
// oxigraph module is not installed (npm ci in tests/sparql).
'use strict';
const fs = require('fs');
const path = require('path');

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const INTEGER_TYPES = new Set([
  'integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'nonPositiveInteger',
  'positiveInteger', 'negativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort',
  'unsignedByte'].map((t) => XSD + t));
const FLOAT_TYPES = new Set([XSD + 'double', XSD + 'float']);
const SHOW = 6;

// jurigraph's format_float (src/query/cypher/value.cpp): the shortest digits that read back as
// d, as plain decimals from 1e-4 to 1e16 and with an exponent outside.
function formatFloat(d) {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  const negative = d < 0 || Object.is(d, -0);
  const sci = Math.abs(d).toExponential();  // shortest round-trip digits: "1.5e+5"
  const [mantissa, exp] = sci.split('e');
  const digits = mantissa.replace('.', '');
  const exponent = parseInt(exp, 10);
  let out = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    out += digits.slice(0, 1) + (digits.length > 1 ? '.' + digits.slice(1) : '.0');
    const abs = Math.abs(exponent);
    return out + 'e' + (exponent < 0 ? '-' : '+') + (abs < 10 ? '0' : '') + abs;
  }
  if (exponent < 0) return out + '0.' + '0'.repeat(-exponent - 1) + digits;
  const point = exponent + 1;
  if (digits.length <= point) return out + digits + '0'.repeat(point - digits.length) + '.0';
  return out + digits.slice(0, point) + '.' + digits.slice(point);
}

function parseXsdDouble(lexical) {
  const s = lexical.trim();
  if (s === 'INF' || s === '+INF') return Infinity;
  if (s === '-INF') return -Infinity;
  if (s === 'NaN') return NaN;
  return Number(s);
}

// One SPARQL JSON results term as jurigraph writes the Cypher value in a CSV cell.
function cellText(term) {
  if (term === undefined) return '';
  if (term.type === 'uri') return `<${term.value}>`;
  if (term.type === 'bnode') return `_:${term.value}`;
  const dt = term.datatype;
  if (dt && FLOAT_TYPES.has(dt)) return formatFloat(parseXsdDouble(term.value));
  if (dt && INTEGER_TYPES.has(dt)) return BigInt(term.value.trim()).toString();
  if (dt === XSD + 'boolean') return term.value.trim() === 'true' || term.value.trim() === '1' ? 'true' : 'false';
  return term.value;
}

function csvField(s) {
  if (!/[,"\r\n]/.test(s)) return s;
  return '"' + s.replace(/"/g, '""') + '"';
}
const csvLine = (fields) => fields.map(csvField).join(',');

// RFC 4180: records of fields; quoted fields may hold commas, doubled quotes and line breaks.
// Records end with LF or CRLF.
function parseCsv(text) {
  const records = [];
  let record = [], field = '', i = 0, quoted = false, any = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i++; continue;
      }
      field += c; i++; continue;
    }
    if (c === '"') { quoted = true; any = true; i++; continue; }
    if (c === ',') { record.push(field); field = ''; any = true; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { i++; continue; }
    if (c === '\n') {
      record.push(field); records.push(record);
      record = []; field = ''; any = false; i++; continue;
    }
    field += c; any = true; i++;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (any || field !== '' || record.length) { record.push(field); records.push(record); }
  return records;
}

// The query text without its comment lines, to look for ORDER BY.
function hasOrderBy(text, commentPrefix) {
  const body = text.split('\n').filter((l) => !l.trim().startsWith(commentPrefix)).join('\n');
  return /\bORDER\s+BY\b/i.test(body);
}

function compare(got, expected, ordered) {
  const problems = [];
  if (csvLine(got.header) !== csvLine(expected.header)) {
    problems.push(`columns: expected ${csvLine(expected.header)}`);
    problems.push(`         got      ${csvLine(got.header)}`);
    return problems;
  }
  const g = got.rows.map(csvLine), e = expected.rows.map(csvLine);
  if (ordered) {
    const n = Math.max(g.length, e.length);
    for (let i = 0; i < n && problems.length < SHOW * 2; i++) {
      if (g[i] === e[i]) continue;
      problems.push(`row ${i + 1}: expected ${e[i] === undefined ? '(none)' : e[i]}`);
      problems.push(`       got      ${g[i] === undefined ? '(none)' : g[i]}`);
    }
  } else {
    const count = (lines) => lines.reduce((m, l) => m.set(l, (m.get(l) || 0) + 1), new Map());
    const gc = count(g), ec = count(e);
    const missing = [], extra = [];
    for (const [l, k] of ec) for (let j = (gc.get(l) || 0); j < k; j++) missing.push(l);
    for (const [l, k] of gc) for (let j = (ec.get(l) || 0); j < k; j++) extra.push(l);
    for (const l of missing.sort().slice(0, SHOW)) problems.push(`- ${l}`);
    for (const l of extra.sort().slice(0, SHOW)) problems.push(`+ ${l}`);
    if (missing.length > SHOW || extra.length > SHOW) problems.push('  …');
  }
  if (g.length !== e.length) problems.unshift(`rows: expected ${e.length}, got ${g.length}`);
  return problems;
}

function main() {
  const args = process.argv.slice(2);
  if (args.length < 3 || args.length > 4) {
    console.error('usage: node oxigraph_check.js EXPORT.nq RQ_DIR EXPECTED_DIR [CYPHER_DIR]');
    return 2;
  }
  const [nqPath, rqDir, expectedDir] = args;
  const cypherDir = args[3] || path.join(rqDir, '..');

  let oxigraph;
  try {
    oxigraph = require('oxigraph');
  } catch (err) {
    // Only the module's absence is a skip: an oxigraph that is there but fails to load is a
    // failure.
    if (err.code !== 'MODULE_NOT_FOUND' || !/'oxigraph'/.test(err.message)) throw err;
    console.log(`skipped: the oxigraph module is not installed; run npm ci in ${__dirname}`);
    return 77;
  }
  const version = require('oxigraph/package.json').version;

  const text = fs.readFileSync(nqPath, 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  const store = new oxigraph.Store();
  try {
    store.load(text, {format: 'application/n-quads'});
  } catch (err) {
    console.log(`FAIL load: Oxigraph ${version} cannot read ${nqPath}: ${err.message}`);
    return 1;
  }
  let failures = 0;
  const loaded = `Oxigraph ${version}: ${store.size} triples loaded from ${nqPath} (${lines} lines)`;
  if (store.size === lines) {
    console.log(`ok   ${loaded}`);
  } else {
    console.log(`FAIL ${loaded}: as many triples as lines expected`);
    failures++;
  }

  const queries = fs.readdirSync(rqDir).filter((f) => f.endsWith('.rq')).sort();
  if (queries.length === 0) {
    console.log(`FAIL no .rq file in ${rqDir}`);
    return 1;
  }
  let passed = 0;
  for (const file of queries) {
    const name = path.basename(file, '.rq');
    const fail = (lines) => {
      failures++;
      console.log(`FAIL ${name}`);
      for (const l of lines) console.log(`    ${l}`);
    };
    const rq = fs.readFileSync(path.join(rqDir, file), 'utf8');
    const cypherFile = path.join(cypherDir, name + '.cypher');
    const expectedFile = path.join(expectedDir, name + '.csv');
    const all = rq.split('\n');
    const head = all.slice(0, all.findIndex((l) => !l.startsWith('#')));  // the opening comment
    if (head.length === 0 || !head.some((l) => l.includes(`${name}.cypher`))) {
      fail([`the .rq must start with a # comment naming the Cypher file it mirrors (${name}.cypher)`]);
      continue;
    }
    if (!fs.existsSync(cypherFile)) { fail([`no Cypher question ${cypherFile}`]); continue; }
    if (!fs.existsSync(expectedFile)) { fail([`no expected answer ${expectedFile}`]); continue; }

    let result;
    try {
      result = JSON.parse(store.query(rq, {results_format: 'application/sparql-results+json'}));
    } catch (err) {
      fail([`Oxigraph: ${err.message}`]);
      continue;
    }
    if (!result.head || !Array.isArray(result.head.vars) || !result.results) {
      fail(['not a SELECT query']);
      continue;
    }
    const vars = result.head.vars;
    const got = {
      header: vars,
      rows: result.results.bindings.map((b) => vars.map((v) => cellText(b[v]))),
    };
    let expected;
    try {
      const records = parseCsv(fs.readFileSync(expectedFile, 'utf8'));
      expected = {header: records[0] || [], rows: records.slice(1)};
    } catch (err) {
      fail([`${expectedFile}: ${err.message}`]);
      continue;
    }
    const ordered = hasOrderBy(rq, '#') && hasOrderBy(fs.readFileSync(cypherFile, 'utf8'), '//');
    const problems = compare(got, expected, ordered);
    if (problems.length) {
      fail(problems);
    } else {
      passed++;
      const n = got.rows.length;
      console.log(`ok   ${name} (${n} row${n === 1 ? '' : 's'}${ordered ? ', in order' : ''})`);
    }
  }
  console.log(`${queries.length} quer${queries.length === 1 ? 'y' : 'ies'}: ${passed} agree with the expected answers, ` +
              `${queries.length - passed} differ; ${failures} failure(s)`);
  return failures === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`error: ${err.stack || err}`);
  process.exitCode = 1;
}
