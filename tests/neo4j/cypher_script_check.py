#!/usr/bin/env python3
"""Checks the structure of a script written by `jurigraph export --format cypher`, since no
Neo4j runs in CI and jurigraph's own Cypher engine refuses write clauses:

- split as cypher-shell splits its input (a line starting with `:` outside a statement is a
  command, statements end at a `;` outside quotes and comments: cypher-shell's
  ShellStatementParser), the script is: comments, uniqueness constraints on `id`, then pairs of
  one `:param rows => [...]` command and one `UNWIND $rows AS row …;` statement;
- each statement has the expected form: MERGE on id for nodes; MATCH both ends by label and id,
  MERGE on type and parallelIndex for relationships; date columns converted by date();
- each :param value parses as a Cypher literal (a list of 1 to 1000 maps) whose rows carry the
  keys the statement reads; date properties are ISO dates;
- every label merged has its constraint, node ids are unique, every relationship's ends are
  nodes of the labels its statement matches, and (start, type, end, parallelIndex) is unique.

Usage: cypher_script_check.py FILE
Prints `nodes N relationships M statements S` and exits 0 when the script passes; prints one
line per problem and exits 1 otherwise. Standard library only.
"""
import re
import sys

BATCH_ROWS = 1000
CONSTRAINT_RE = re.compile(r"CREATE CONSTRAINT IF NOT EXISTS FOR \(n:(\w+)\) REQUIRE n\.id IS UNIQUE\Z")
DATES = r"((?:, [nr]\.\w+ = (?:date\(row\.props\.\w+\)|\[x IN row\.props\.\w+ \| date\(x\)\]))*)"
NODE_RE = re.compile(r"UNWIND \$rows AS row MERGE \(n:(\w+) \{id: row\.id\}\) SET n \+= row\.props" + DATES + r"\Z")
REL_RE = re.compile(
    r"UNWIND \$rows AS row MATCH \(a:(\w+) \{id: row\.startId\}\), \(b:(\w+) \{id: row\.endId\}\) "
    r"MERGE \(a\)-\[r:(\w+) \{parallelIndex: row\.parallelIndex\}\]->\(b\) SET r \+= row\.props" + DATES + r"\Z"
)
DATE_KEY_RE = re.compile(r"[nr]\.(\w+) = ")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


# --- cypher-shell's splitting ----------------------------------------------------------------------


def shell_split(text):
    """(kind, text) for each command or statement, as cypher-shell's ShellStatementParser reads
    the script line by line: a line is a command when it starts with ':' and no statement has
    begun; otherwise characters accumulate until a ';' outside quotes, backticks and comments."""
    items, statement, awaited = [], [], None
    for line in text.split("\n"):
        if not "".join(statement).strip() and re.match(r"\s*:.+", line):
            items.append(("command", line))
            continue
        prev = current = ""
        skip = False
        for c in line + "\n":
            statement.append(c)
            prev, current = current, c
            if skip:
                skip = False
                continue
            if awaited in ("\n", "*/"):
                if (awaited == "*/" and prev + current == "*/") or (awaited == "\n" and c == "\n"):
                    awaited = None
                continue
            if c == "\\":
                skip = True
                continue
            if awaited:
                if c == awaited:
                    awaited = None
                continue
            if c == ";":
                items.append(("statement", "".join(statement)))
                statement = []
                continue
            if prev + current == "//":
                awaited = "\n"
            elif prev + current == "/*":
                awaited = "*/"
            elif c in "`\"'":
                awaited = c
    rest = "".join(statement).strip()
    if rest:
        items.append(("incomplete", rest))
    return items


def strip_comments(statement):
    lines = [l for l in statement.split("\n") if not l.strip().startswith("//")]
    return " ".join(l.strip() for l in lines if l.strip())


# --- Cypher literals -------------------------------------------------------------------------------


class LiteralError(Exception):
    pass


class Literal:
    """A parser for the literals the exporter writes: null, booleans, integers, floats (and
    `(a / b)` for NaN and infinities), strings with Cypher's escapes, lists and maps."""

    ESCAPES = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}
    NUMBER_RE = re.compile(r"-?(\d+\.\d+([eE]-?\d+)?|\d+[eE]-?\d+|\d+)")
    NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

    def __init__(self, text):
        self.text, self.i = text, 0

    def parse(self):
        value = self.value()
        self.space()
        if self.i != len(self.text):
            raise LiteralError(f"text after the value at {self.i}")
        return value

    def space(self):
        while self.i < len(self.text) and self.text[self.i] in " \t":
            self.i += 1

    def expect(self, c):
        self.space()
        if not self.text.startswith(c, self.i):
            raise LiteralError(f"expected {c!r} at {self.i}")
        self.i += len(c)

    def value(self):
        self.space()
        t, i = self.text, self.i
        if t.startswith("'", i) or t.startswith('"', i):
            return self.string()
        if t.startswith("[", i):
            return self.sequence("[", "]", self.value)
        if t.startswith("{", i):
            return dict(self.sequence("{", "}", self.entry))
        if t.startswith("(", i):
            self.i += 1
            a = self.value()
            self.expect("/")
            b = self.value()
            self.expect(")")
            return float("nan") if a == 0 else a * float("inf")
        for word, v in (("null", None), ("true", True), ("false", False)):
            if t.startswith(word, i):
                self.i += len(word)
                return v
        m = self.NUMBER_RE.match(t, i)
        if not m:
            raise LiteralError(f"no value at {i}: {t[i:i + 20]!r}")
        self.i = m.end()
        return float(m.group()) if any(c in m.group() for c in ".eE") else int(m.group())

    def sequence(self, open_, close, item):
        self.expect(open_)
        items = []
        self.space()
        if self.text.startswith(close, self.i):
            self.i += 1
            return items
        while True:
            items.append(item())
            self.space()
            if self.text.startswith(close, self.i):
                self.i += 1
                return items
            self.expect(",")

    def entry(self):
        self.space()
        if self.text.startswith("`", self.i):
            end = self.i + 1
            while True:
                end = self.text.index("`", end)
                if self.text.startswith("``", end):
                    end += 2
                    continue
                break
            key = self.text[self.i + 1 : end].replace("``", "`")
            self.i = end + 1
        else:
            m = self.NAME_RE.match(self.text, self.i)
            if not m:
                raise LiteralError(f"no key at {self.i}")
            key, self.i = m.group(), m.end()
        self.expect(":")
        return key, self.value()

    def string(self):
        quote, out = self.text[self.i], []
        self.i += 1
        while True:
            if self.i >= len(self.text):
                raise LiteralError("a string never ends")
            c = self.text[self.i]
            if c == quote:
                self.i += 1
                return "".join(out)
            if c == "\\":
                e = self.text[self.i + 1 : self.i + 2]
                if e in self.ESCAPES:
                    out.append(self.ESCAPES[e])
                    self.i += 2
                elif e == "u":
                    out.append(chr(int(self.text[self.i + 2 : self.i + 6], 16)))
                    self.i += 6
                else:
                    raise LiteralError(f"unknown escape \\{e} at {self.i}")
                continue
            if c in "\n\r":
                raise LiteralError("a raw line break in a string")
            out.append(c)
            self.i += 1


# --- the script ------------------------------------------------------------------------------------


class Check:
    def __init__(self):
        self.problems = []
        self.constraints = set()
        self.nodes = {}  # id → label
        self.relationships = set()
        self.statements = 0
        self.node_rows = 0
        self.rel_rows = 0

    def fail(self, message):
        if len(self.problems) < 50:
            self.problems.append(message)

    def run(self, text):
        items = shell_split(text)
        rows, seen_batch = None, False
        for n, (kind, body) in enumerate(items, 1):
            where = f"item {n}"
            if kind == "incomplete":
                self.fail(f"{where}: text after the last statement: {body[:60]!r}")
            elif kind == "command":
                if rows is not None:
                    self.fail(f"{where}: two :param commands in a row")
                rows = self.param(where, body)
                seen_batch = True
            else:
                statement = strip_comments(body)
                if statement.endswith(";"):
                    statement = statement[:-1]
                self.statements += 1
                m = CONSTRAINT_RE.match(statement)
                if m:
                    if seen_batch:
                        self.fail(f"{where}: a constraint after the data")
                    self.constraints.add(m.group(1))
                    continue
                if rows is None:
                    self.fail(f"{where}: a statement without its :param rows before it: {statement[:80]!r}")
                    continue
                self.batch(where, statement, rows)
                rows = None
        if rows is not None:
            self.fail("the script ends with a :param command and no statement")

    def param(self, where, line):
        m = re.match(r":param rows => (.*)\Z", line)
        if not m:
            self.fail(f"{where}: not a `:param rows => [...]` command: {line[:60]!r}")
            return []
        try:
            rows = Literal(m.group(1)).parse()
        except (LiteralError, ValueError) as e:
            self.fail(f"{where}: the rows do not parse as a Cypher literal: {e}")
            return []
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            self.fail(f"{where}: rows are not a list of maps")
            return []
        if not 1 <= len(rows) <= BATCH_ROWS:
            self.fail(f"{where}: {len(rows)} rows in a batch (1 to {BATCH_ROWS})")
        return rows

    def batch(self, where, statement, rows):
        m = NODE_RE.match(statement)
        if m:
            self.node_batch(where, m.group(1), DATE_KEY_RE.findall(m.group(2)), rows)
            return
        m = REL_RE.match(statement)
        if m:
            self.rel_batch(where, m.group(1), m.group(2), m.group(3), DATE_KEY_RE.findall(m.group(4)), rows)
            return
        self.fail(f"{where}: unexpected statement {statement[:100]!r}")

    def props(self, where, row, date_keys):
        props = row.get("props")
        if not isinstance(props, dict):
            self.fail(f"{where}: a row without a props map")
            return
        for key in date_keys:
            value = props.get(key)
            values = value if isinstance(value, list) else [value]
            for v in values:
                if v is not None and not (isinstance(v, str) and ISO_DATE_RE.match(v)):
                    self.fail(f"{where}: date property {key} = {v!r} is not an ISO date")

    def node_batch(self, where, label, date_keys, rows):
        if label not in self.constraints:
            self.fail(f"{where}: no constraint on {label}.id before its nodes")
        for row in rows:
            if set(row) != {"id", "props"} or not isinstance(row["id"], str):
                self.fail(f"{where}: a node row with keys {sorted(row)}")
                continue
            if row["id"] in self.nodes:
                self.fail(f"{where}: node {row['id']!r} twice")
            self.nodes[row["id"]] = label
            self.props(where, row, date_keys)
            self.node_rows += 1

    def rel_batch(self, where, start_label, end_label, rel_type, date_keys, rows):
        for row in rows:
            if set(row) != {"startId", "endId", "parallelIndex", "props"}:
                self.fail(f"{where}: a relationship row with keys {sorted(row)}")
                continue
            for end, label in ((row["startId"], start_label), (row["endId"], end_label)):
                if self.nodes.get(end) != label:
                    self.fail(f"{where}: {rel_type} end {end!r} is not a {label} merged before")
            key = (row["startId"], rel_type, row["endId"], row["parallelIndex"])
            if key in self.relationships:
                self.fail(f"{where}: relationship {key} twice")
            index = row["parallelIndex"]
            if not isinstance(index, int) or (index > 0 and key[:3] + (index - 1,) not in self.relationships):
                self.fail(f"{where}: parallelIndex {index!r} without the ones before it")
            self.relationships.add(key)
            self.props(where, row, date_keys)
            self.rel_rows += 1


def main(argv):
    if len(argv) != 2:
        print("usage: cypher_script_check.py FILE", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        text = f.read()
    check = Check()
    check.run(text)
    if check.problems:
        print("\n".join(check.problems))
        return 1
    print(f"nodes {check.node_rows} relationships {check.rel_rows} statements {check.statements}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
