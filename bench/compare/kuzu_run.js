#!/usr/bin/env node
// Kuzu's side of bench/compare.sh: loads the `jurigraph export --format kuzu` folder into a
// fresh on-disk database with its load.cypher (CSV COPY), then runs the three tasks as Kuzu
// Cypher. Uses the npm package installed for the tests (tests/kuzu/node_modules, Kuzu 0.11.3).
//
//   node kuzu_run.js WORK ANSWERS      (WORK/kuzu is the export; pairs.csv, sources.csv beside)
//
// Figures are printed as `key value` lines as soon as known, like the other runners.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const kuzu = require(path.join(__dirname, '..', '..', 'tests', 'kuzu', 'node_modules', 'kuzu'));

const Q2 =
  'MATCH (c:Company)<-[:AGAINST]-(d1:Decision)-[:ISSUED_BY]->(:Authority), ' +
  '(d2:Decision)-[:APPEAL_OF]->(d1), (d2)-[:ISSUED_BY]->(:Court) ' +
  'RETURN count(DISTINCT c)';
// Kuzu's shortest path syntax (its dialect has no shortestPath()); undirected, every table.
const Q1 = 'MATCH p = (a:Company {id: $a})-[* SHORTEST 1..30]-(b:Company {id: $b}) RETURN length(p)';
// Kuzu walks variable-length patterns with repetition, so a walk can come back to the centre:
// it is left out by id, as the other tools leave the centre out.
const Q3 =
  'MATCH (a:Company {id: $c})-[*1..3]-(b) WHERE id(b) <> id(a) RETURN count(DISTINCT b)';

function figure(key, value) {
  process.stdout.write(`${key} ${Number.isInteger(value) ? value : value.toFixed(6)}\n`);
}

function seconds(start) {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

// The statements of load.cypher, split as the Kuzu test splits them.
const { splitStatements } = require(path.join(__dirname, '..', '..', 'tests', 'kuzu', 'cypher_script'));

async function rows(conn, statement, params) {
  let result;
  if (params) {
    const prepared = await conn.prepare(statement);
    result = await conn.execute(prepared, params);
  } else {
    result = await conn.query(statement);
  }
  const all = await result.getAll();
  result.close();
  return all;
}

function readRows(work, name) {
  return fs
    .readFileSync(path.join(work, name), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split(','));
}

async function main() {
  if (process.argv.length !== 4) {
    console.error('usage: kuzu_run.js WORK ANSWERS');
    process.exit(2);
  }
  const work = path.resolve(process.argv[2]);
  const answers = fs.openSync(process.argv[3], 'w');
  const exportDir = path.join(work, 'kuzu');
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jurigraph-compare-kuzu-'));
  try {
    const db = new kuzu.Database(path.join(dbDir, 'graph.kuzu'));
    const conn = new kuzu.Connection(db);

    let start = process.hrtime.bigint();
    const systemStart = process.cpuUsage().system;  // microseconds, every thread's
    const here = process.cwd();
    process.chdir(exportDir);  // load.cypher's COPY paths are relative to the export
    for (const statement of splitStatements(fs.readFileSync('load.cypher', 'utf8')))
      await rows(conn, statement);
    process.chdir(here);
    figure('load_s', seconds(start));
    figure('load_system_s', (process.cpuUsage().system - systemStart) / 1e6);
    const nodes = Number((await rows(conn, 'MATCH (n) RETURN count(*) AS n'))[0].n);
    const edges = Number((await rows(conn, 'MATCH ()-[r]->() RETURN count(*) AS n'))[0].n);
    figure('nodes', nodes);
    figure('edges', edges);
    fs.writeSync(answers, `nodes ${nodes}\n`);

    // Prepared once, executed per pair: the figure is the search, not the parsing.
    const pairs = readRows(work, 'pairs.csv');
    const q1 = await conn.prepare(Q1);
    const hops = [];
    start = process.hrtime.bigint();
    for (const [a, b] of pairs) {
      const result = await conn.execute(q1, { a, b });
      const found = await result.getAll();
      result.close();
      hops.push(found.length ? Number(Object.values(found[0])[0]) : -1);
    }
    figure('q1_s', seconds(start));
    pairs.forEach(([a, b], i) => fs.writeSync(answers, `q1 ${a} ${b} ${hops[i]}\n`));

    start = process.hrtime.bigint();
    const count = Number(Object.values((await rows(conn, Q2))[0])[0]);
    figure('q2_s', seconds(start));
    fs.writeSync(answers, `q2 ${count}\n`);

    const sources = readRows(work, 'sources.csv').map((row) => row[0]);
    const q3 = await conn.prepare(Q3);
    const reached = [];
    start = process.hrtime.bigint();
    for (const c of sources) {
      const result = await conn.execute(q3, { c });
      reached.push(Number(Object.values((await result.getAll())[0])[0]));
      result.close();
    }
    figure('q3_s', seconds(start));
    sources.forEach((c, i) => fs.writeSync(answers, `q3 ${c} ${reached[i]}\n`));
    fs.writeSync(answers, `q3_total ${reached.reduce((a, b) => a + b, 0)}\n`);
    figure('peak_rss_kb', process.resourceUsage().maxRSS);
    conn.close();
    db.close();
  } finally {
    fs.rmSync(dbDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`kuzu_run.js: ${e.message}`);
  process.exit(1);
});
