'use strict';
// Shared by kuzu_check.js and bench/compare/kuzu_run.js: both run the statements of an exported
// load.cypher one by one.

// The statements of a Cypher script: split at `;` outside strings, backtick names and `//`
// comments; comment-only pieces dropped. Kuzu string literals escape with a backslash.
function splitStatements(text) {
  const statements = [];
  let current = '';
  let quote = null;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quote) {
      current += c;
      if (c === '\\' && quote !== '`' && i + 1 < text.length) current += text[++i];
      else if (c === quote) quote = null;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') ++i;
      current += '\n';
    } else if (c === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else {
      if (c === "'" || c === '"' || c === '`') quote = c;
      current += c;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

module.exports = { splitStatements };
