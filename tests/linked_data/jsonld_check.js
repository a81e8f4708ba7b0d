#!/usr/bin/env node
// Checks a JSON-LD export with jsonld.js, the processor most JSON-LD users run, against
// jurigraph's own N-Quads export of the same graph.
// Usage: node jsonld_check.js DOC.jsonld EXPORT.nq
// Offline: every URL the processor asks for is refused (the context is inlined). Safe mode makes
// jsonld.js fail instead of silently dropping an undefined term or a relative IRI. The N-Quads
// that jsonld.js makes from DOC must be, line for line (as sets), those of EXPORT.
// Prints the counts and up to 10 differing lines on each side; exit 0 when they agree, 1 when
// they differ or jsonld.js raises an error, 2 on bad usage.
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

const SHOW = 10;

function documentLoader(url) {
  throw new Error(`offline: refusing to load ${url} (the context must be inlined)`);
}

function lines(text) {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function describe(err) {
  let text = `${err.name || 'Error'}: ${err.message}`;
  if (err.details) {
    const details = {...err.details};
    // The whole active context is attached to some errors: too long to be useful.
    delete details.activeCtx;
    text += `\n  details: ${JSON.stringify(details).slice(0, 1500)}`;
  }
  if (err.cause) text += `\n  cause: ${err.cause.message || err.cause}`;
  return text;
}

async function main() {
  if (process.argv.length !== 4) {
    console.error('usage: node jsonld_check.js DOC.jsonld EXPORT.nq');
    return 2;
  }
  const [docPath, nqPath] = process.argv.slice(2);
  const version = require('jsonld/package.json').version;
  const doc = JSON.parse(fs.readFileSync(docPath, 'utf8'));
  const exported = lines(fs.readFileSync(nqPath, 'utf8'));

  const expanded = await jsonld.expand(doc, {safe: true, documentLoader});
  const nquads = await jsonld.toRDF(doc, {format: 'application/n-quads', safe: true, documentLoader});
  const produced = lines(nquads);

  const mine = new Set(produced);
  const theirs = new Set(exported);
  const onlyJsonld = [...mine].filter((line) => !theirs.has(line)).sort();
  const onlyExport = [...theirs].filter((line) => !mine.has(line)).sort();

  console.log(`jsonld.js ${version}: expand (safe mode) gave ${expanded.length} top-level node object(s)`);
  console.log(`quads: jsonld.js=${mine.size} export=${theirs.size} (${exported.length} lines) ` +
              `common=${mine.size - onlyJsonld.length}`);
  if (exported.length !== theirs.size) {
    console.log(`duplicate lines in ${nqPath}: ${exported.length - theirs.size}`);
  }
  for (const [title, list] of [[`only from jsonld.js (${docPath})`, onlyJsonld],
                               [`only in ${nqPath}`, onlyExport]]) {
    if (list.length === 0) continue;
    console.log(`${title}: ${list.length} line(s)${list.length > SHOW ? `, first ${SHOW}` : ''}`);
    for (const line of list.slice(0, SHOW)) console.log(`  ${line}`);
  }
  const same = onlyJsonld.length === 0 && onlyExport.length === 0 && exported.length === theirs.size;
  console.log(same ? 'jsonld.js: same quads' : 'jsonld.js: DIFFERENT');
  return same ? 0 : 1;
}

main().then((code) => { process.exitCode = code; }, (err) => {
  console.log(`jsonld.js: ERROR ${describe(err)}`);
  process.exitCode = 1;
});
