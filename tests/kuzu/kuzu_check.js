#!/usr/bin/env node
// Loads a `jurigraph export --format kuzu` folder into a real Kuzu (the npm package `kuzu`) and
// checks that Kuzu answers jurigraph's research questions as jurigraph does.
//
// Usage: node kuzu_check.js EXPORT_DIR QUERIES_DIR EXPECTED_DIR [TRANSLATIONS_DIR]
//   EXPORT_DIR        the export (load.cypher, the CSV files)
//   QUERIES_DIR       *.cypher, one query a file (queries/)
//   EXPECTED_DIR      <stem>.csv, jurigraph's CSV answer to each (tests/queries/)
//   TRANSLATIONS_DIR  <stem>.cypher, the query in Kuzu's dialect where it differs
//                     (default: translations/ beside this script)
// Or: node kuzu_check.js --answer EXPORT_DIR OUT_DIR QUERY_FILE...  loads the export once, then
// writes each query's answer to OUT_DIR/<stem>.csv byte for byte as `jurigraph query --format
// csv` writes it (CRLF line ends): the e2e test compares the two.
//
// A fresh on-disk database in a temporary folder; the statements of load.cypher run one by one
// (the COPY time is reported). Each query prints `ok`, `FAIL` (with the difference) or `skipped
// (reason)` for those listed in unsupported.txt; rows are compared in order only when the query
// has ORDER BY. Exit 0 when nothing failed, 1 on a failure, 2 on bad usage, 77 when the kuzu
// module is not installed (npm ci in tests/kuzu).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

function loadKuzu() {
  const where = path.join(__dirname, 'node_modules', 'kuzu');
  if (!fs.existsSync(path.join(where, 'package.json'))) {
    console.log(`skipped: the kuzu module is not installed (npm ci in ${__dirname})`);
    process.exit(77);
  }
  return require(where);
}

// --- load.cypher ---------------------------------------------------------------------------------

const { splitStatements } = require('./cypher_script');

async function all(conn, query) {
  const result = await conn.query(query);
  const rows = await result.getAll();
  const types = await result.getColumnDataTypes();
  const names = await result.getColumnNames();
  result.close();
  return { rows, types, names };
}

// Runs load.cypher from the export folder (its COPY paths are relative to it); returns the
// seconds spent in DDL, COPY and the list SETs.
async function load(conn, exportDir) {
  const script = fs.readFileSync(path.join(exportDir, 'load.cypher'), 'utf8');
  const seconds = { ddl: 0, copy: 0, set: 0 };
  const counts = { ddl: 0, copy: 0, set: 0 };
  const here = process.cwd();
  process.chdir(exportDir);
  try {
    for (const statement of splitStatements(script)) {
      const kind = /^COPY\b/i.test(statement) ? 'copy' : /^CREATE\b/i.test(statement) ? 'ddl' : 'set';
      const start = process.hrtime.bigint();
      try {
        await all(conn, statement);
      } catch (e) {
        throw new Error(`load.cypher: ${statement.slice(0, 120)}: ${e.message}`);
      }
      seconds[kind] += Number(process.hrtime.bigint() - start) / 1e9;
      counts[kind] += 1;
    }
  } finally {
    process.chdir(here);
  }
  return { seconds, counts };
}

// --- values as jurigraph's CSV writer prints them (src/export/query_result_writers.cpp) ----------

// jurigraph's format_float: the shortest digits that read back, laid out as Python's repr does
// (plain decimals from 1e-4 to 1e16, always with a point; an exponent of two digits or more).
function formatFloat(d) {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  const negative = d < 0 || Object.is(d, -0);
  const [mantissa, exp] = Math.abs(d).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = parseInt(exp, 10);
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const e = Math.abs(exponent);
    return `${sign}${digits[0]}.${digits.length > 1 ? digits.slice(1) : '0'}e${exponent < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const point = exponent + 1;
  if (digits.length <= point) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// jurigraph's quoted_string: how strings print inside lists and maps.
function quotedString(s) {
  const escapes = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\t': '\\t', '\r': '\\r', '\b': '\\b', '\f': '\\f' };
  let out = "'";
  for (const c of s) {
    if (escapes[c]) out += escapes[c];
    else if (c.charCodeAt(0) < 0x20) out += '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out + "'";
}

function dateText(d) {
  return d.toISOString().slice(0, 10);  // Kuzu's DATE comes as a Date at UTC midnight
}

function internalId(id) {
  return `${id.table}:${id.offset}`;
}

// Renders Kuzu values; relationships need their ends' ids, looked up once when first needed.
class Renderer {
  constructor(conn) {
    this.conn = conn;
    this.ids = null;
  }

  async prepare(types) {
    if (this.ids || !types.some((t) => /REL/.test(t))) return;
    this.ids = new Map();
    for (const row of (await all(this.conn, 'MATCH (n) RETURN ID(n) AS i, n.id AS id')).rows)
      this.ids.set(internalId(row.i), row.id);
  }

  nodeText(n) {
    return n.id ?? `#${internalId(n._id)}`;
  }

  idOf(internal) {
    return this.ids?.get(internalId(internal)) ?? `#${internalId(internal)}`;
  }

  relText(r) {
    return `(${this.idOf(r._src)})-[:${r._label}]->(${this.idOf(r._dst)})`;
  }

  pathText(p) {
    let s = `(${this.nodeText(p._nodes[0])})`;
    p._rels.forEach((r, i) => {
      const forward = internalId(r._src) === internalId(p._nodes[i]._id);
      s += `${forward ? '-' : '<-'}[:${r._label}]${forward ? '->' : '-'}(${this.nodeText(p._nodes[i + 1])})`;
    });
    return s;
  }

  // A cell: `type` is Kuzu's type name (INT64, DOUBLE, DATE, STRING[], NODE, RECURSIVE_REL…).
  cell(v, type) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'string' && !/\[\]$/.test(type)) return v;
    if (/^DATE$/.test(type)) return dateText(v);
    return this.inner(v, type);
  }

  // Inside lists and maps strings are quoted (jurigraph's inner_literal).
  inner(v, type) {
    if (v === null || v === undefined) return 'null';
    const list = /^(.*)\[\d*\]$/.exec(type);
    if (list) return '[' + v.map((x) => this.inner(x, list[1])).join(', ') + ']';
    if (/^(DOUBLE|FLOAT)$/.test(type) || /^DECIMAL/.test(type)) return formatFloat(Number(v));
    if (type === 'DATE') return quotedString(dateText(v));
    if (type === 'NODE') return this.nodeText(v);
    if (type === 'REL') return this.relText(v);
    if (type === 'RECURSIVE_REL') return this.pathText(v);
    if (typeof v === 'string') return quotedString(v);
    if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return String(v);
    if (typeof v === 'object') {
      // STRUCT: jurigraph's maps print sorted by key. The fields' own types are not parsed out
      // of Kuzu's type name (no query of queries/ returns a map), so numbers print as JS does.
      return '{' + Object.keys(v).sort().map((k) => `${k}: ${this.inner(v[k], '')}`).join(', ') + '}';
    }
    return String(v);
  }

  async render(result) {
    await this.prepare(result.types);
    return result.rows.map((row) => result.names.map((n, i) => this.cell(row[n], result.types[i])));
  }
}

// --- expected answers -----------------------------------------------------------------------------

// RFC 4180 with CRLF or LF line ends.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let i = 0;
  for (; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        ++i;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvLine(cells) {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

// An un-aliased expression's column name is the expression's text, which Kuzu writes its own
// way (count(*) is COUNT_STAR()): names are compared only where jurigraph's is a plain name or
// a property access.
function namesMatch(expected, got) {
  return expected.every((e, i) => !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/.test(e) || e === got[i]);
}

function hasOrderBy(query) {
  return /\bORDER\s+BY\b/i.test(query.replace(/\/\/[^\n]*/g, ''));
}

// The first difference between two lists of rendered rows, or null.
function compareRows(expected, got, ordered) {
  const e = expected.map(csvLine);
  const g = got.map(csvLine);
  if (!ordered) {
    e.sort();
    g.sort();
  }
  for (let i = 0; i < Math.max(e.length, g.length); ++i) {
    if (e[i] !== g[i])
      return `row ${i + 1}${ordered ? '' : ' (sorted)'}: expected ${e[i] ?? '(none)'}\n      got      ${g[i] ?? '(none)'}` +
        (e.length !== g.length ? `\n      (${e.length} rows expected, ${g.length} got)` : '');
  }
  return null;
}

function readUnsupported(file) {
  const reasons = new Map();
  if (!fs.existsSync(file)) return reasons;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([^#\s][^:]*):\s*(.+)$/.exec(line.trim());
    if (m) reasons.set(m[1].trim(), m[2].trim());
  }
  return reasons;
}

async function checkQuery(conn, renderer, stem, dirs, unsupported) {
  if (unsupported.has(stem)) return { status: 'skipped', note: unsupported.get(stem) };
  const translated = path.join(dirs.translations, `${stem}.cypher`);
  const file = fs.existsSync(translated) ? translated : path.join(dirs.queries, `${stem}.cypher`);
  const query = fs.readFileSync(file, 'utf8');
  const expectedFile = path.join(dirs.expected, `${stem}.csv`);
  if (!fs.existsSync(expectedFile)) return { status: 'FAIL', note: `no expected answer ${expectedFile}` };
  const [header, ...expected] = parseCsv(fs.readFileSync(expectedFile, 'utf8'));
  let result;
  try {
    result = await all(conn, query);
  } catch (e) {
    return { status: 'FAIL', note: `Kuzu: ${e.message.split('\n')[0]}` };
  }
  const via = file === translated ? ' (translated)' : '';
  if (result.names.length !== header.length || !namesMatch(header, result.names))
    return { status: 'FAIL', note: `columns: expected ${header.join(',')}, got ${result.names.join(',')}` };
  const difference = compareRows(expected, await renderer.render(result), hasOrderBy(query));
  if (difference) return { status: 'FAIL', note: `${difference}${via}` };
  return { status: 'ok', note: `${expected.length} row${expected.length === 1 ? '' : 's'}${via}` };
}

async function openDatabase(kuzu, exportDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jurigraph-kuzu-'));
  const db = new kuzu.Database(path.join(dir, 'graph.kuzu'));
  // One thread for queries: with several, Kuzu 0.11 sometimes returned the years of one company
  // out of order under `ORDER BY company, year` (query 30) when the machine was loaded (3 of 18
  // runs, 4 at once; 0 of 24 with one thread). This checks answers, not Kuzu's speed.
  const conn = new kuzu.Connection(db, 1);
  const start = process.hrtime.bigint();
  const loaded = await load(conn, exportDir);
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  const nodes = (await all(conn, 'MATCH (n) RETURN count(*) AS c')).rows[0].c;
  const rels = (await all(conn, 'MATCH ()-[r]->() RETURN count(*) AS c')).rows[0].c;
  const { seconds: s, counts: c } = loaded;
  console.log(
    `loaded ${nodes} nodes and ${rels} relationships in ${total.toFixed(2)} s: ` +
      `${c.ddl} tables ${s.ddl.toFixed(2)} s, ${c.copy} COPY ${s.copy.toFixed(2)} s, ${c.set} SET ${s.set.toFixed(2)} s`);
  return { dir, db, conn };
}

function closeDatabase({ dir, db, conn }) {
  conn.closeSync?.();
  db.closeSync?.();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function checkAll(kuzu, args) {
  const [exportDir, queries, expected, translations = path.join(__dirname, 'translations')] = args;
  const database = await openDatabase(kuzu, exportDir);
  const renderer = new Renderer(database.conn);
  const unsupported = readUnsupported(path.join(__dirname, 'unsupported.txt'));
  const tally = { ok: 0, FAIL: 0, skipped: 0 };
  const stems = fs.readdirSync(queries).filter((f) => f.endsWith('.cypher')).map((f) => f.slice(0, -7)).sort();
  for (const stem of stems) {
    const { status, note } = await checkQuery(database.conn, renderer, stem, { queries, expected, translations }, unsupported);
    tally[status] += 1;
    console.log(status === 'skipped' ? `skipped ${stem} (${note})` : `${status.padEnd(4)} ${stem}: ${note}`);
  }
  closeDatabase(database);
  console.log(`${tally.ok} passed, ${tally.FAIL} failed, ${tally.skipped} skipped`);
  return tally.FAIL === 0 ? 0 : 1;
}

async function answer(kuzu, [exportDir, outDir, ...queryFiles]) {
  const database = await openDatabase(kuzu, exportDir);
  const renderer = new Renderer(database.conn);
  for (const file of queryFiles) {
    let result;
    try {
      result = await all(database.conn, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: ${e.message}`);
    }
    const lines = [result.names, ...(await renderer.render(result))].map(csvLine);
    fs.writeFileSync(path.join(outDir, path.basename(file, '.cypher') + '.csv'), lines.map((l) => l + '\r\n').join(''));
  }
  closeDatabase(database);
  return 0;
}

async function main(argv) {
  const answerMode = argv[0] === '--answer';
  const args = answerMode ? argv.slice(1) : argv;
  if (args.length < (answerMode ? 2 : 3)) {
    console.error('usage: kuzu_check.js EXPORT_DIR QUERIES_DIR EXPECTED_DIR [TRANSLATIONS_DIR]\n' +
      '       kuzu_check.js --answer EXPORT_DIR OUT_DIR QUERY_FILE...');
    return 2;
  }
  const kuzu = loadKuzu();
  return answerMode ? answer(kuzu, args) : checkAll(kuzu, args);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`FAIL ${e.message}`);
    process.exit(1);
  });
