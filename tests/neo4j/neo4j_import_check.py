#!/usr/bin/env python3
"""Checks a folder written by `jurigraph export --format neo4j-csv` against what
`neo4j-admin database import full` documents, since no Neo4j runs in CI:

  https://neo4j.com/docs/operations-manual/current/import/header-format/
  https://neo4j.com/docs/operations-manual/current/import/full-import/

- import.sh: executable, `set -euo pipefail`, one `neo4j-admin database import full` command
  whose --nodes and --relationships name exactly the CSV files present (paths are regular
  expressions: each must match its file and no other);
- CSV: UTF-8 without BOM, strict RFC 4180 (a quoted field ends at a lone quote followed by a
  comma or the end of the line, quotes inside are doubled, unquoted fields hold no quote), line
  breaks inside fields only with --multiline-fields=true, every row as wide as its header;
- headers: node files have exactly one ID column and no START_ID/END_ID/TYPE, relationship
  files exactly one START_ID and one END_ID, and a TYPE column or a type in --relationships;
  property types among the documented ones (optionally `[]`), names unique;
- values: IDs present and unique in their ID space, every START_ID/END_ID found in the space it
  names (which some node file defines), typed values parse (long, double, `true`/`false`,
  ISO dates…), array elements split by --array-delimiter and typed the same way;
- manifest.json: the files present, with their data rows and bytes.

Usage: neo4j_import_check.py FOLDER
Prints `nodes N relationships M` and exits 0 when the folder passes; prints one line per
problem (FILE:LINE: message) and exits 1 otherwise. Standard library only.
"""
import datetime
import json
import os
import re
import shlex
import sys

PROPERTY_TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "localtime", "time", "localdatetime", "datetime", "duration", "vector",
}
SPECIAL_TYPES = {"ID", "START_ID", "END_ID", "LABEL", "TYPE", "IGNORE"}
INTEGER_RANGES = {
    "byte": (-(2**7), 2**7 - 1),
    "short": (-(2**15), 2**15 - 1),
    "int": (-(2**31), 2**31 - 1),
    "long": (-(2**63), 2**63 - 1),
}
FLOAT_RE = re.compile(r"[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\Z")
INTEGER_RE = re.compile(r"[+-]?\d+\Z")
DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z")
HEADER_TYPE_RE = re.compile(
    r"(?P<kind>[A-Za-z_]+)(?:\((?P<space>[^()]*)\))?(?P<options>\{[^{}]*\})?(?P<array>\[\])?\Z"
)
MAX_ERRORS_PER_FILE = 20


class Problems:
    def __init__(self):
        self.lines = []
        self.per_file = {}

    def add(self, where, message, line=None):
        count = self.per_file.get(where, 0)
        self.per_file[where] = count + 1
        if count == MAX_ERRORS_PER_FILE:
            self.lines.append(f"{where}: further problems not shown")
        if count >= MAX_ERRORS_PER_FILE:
            return
        self.lines.append(f"{where}:{line}: {message}" if line else f"{where}: {message}")


# --- import.sh -----------------------------------------------------------------------------------


def decode_delimiter(text):
    """The character an --array-delimiter value names (full-import page: a character, TAB, \\t,
    \\ID with the decimal code, or U+XXXX)."""
    if text in ("TAB", "\\t"):
        return "\t"
    if re.fullmatch(r"\\\d+", text):
        return chr(int(text[1:]))
    if re.fullmatch(r"U\+[0-9A-Fa-f]{4}", text):
        return chr(int(text[2:], 16))
    if len(text) == 1:
        return text
    return None


def read_import_script(folder, problems):
    path = os.path.join(folder, "import.sh")
    where = "import.sh"
    script = {"nodes": [], "relationships": [], "array_delimiter": ";", "multiline": False}
    if not os.path.isfile(path):
        problems.add(where, "missing")
        return script
    if not os.access(path, os.X_OK):
        problems.add(where, "not executable")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("#!/usr/bin/env bash\n") and not text.startswith("#!/bin/bash\n"):
        problems.add(where, "does not start with a bash shebang", 1)
    if not re.search(r"^set -euo pipefail$", text, re.M):
        problems.add(where, "no `set -euo pipefail`")
    joined = text.replace("\\\n", " ")
    commands = [l for l in joined.splitlines() if "database import full" in l and not l.lstrip().startswith("#")]
    if len(commands) != 1:
        problems.add(where, f"expected one `neo4j-admin database import full` command, found {len(commands)}")
        return script
    words = shlex.split(commands[0])
    at = words.index("full") if "full" in words else len(words)
    if at + 1 >= len(words) or words[at + 1].startswith("--"):
        problems.add(where, "the database name must follow `full`, before the options (Neo4j 5.19+)")
    if "--overwrite-destination" not in words and "--overwrite-destination=true" not in words:
        problems.add(where, "no --overwrite-destination")
    for word in words[at + 1 :]:
        if word.startswith("--nodes="):
            target, _, files = word[len("--nodes=") :].rpartition("=")
            labels = [l for l in target.split(":") if l] if target else []
            script["nodes"].append((labels, files.split(",")))
        elif word.startswith("--relationships="):
            rel_type, _, files = word[len("--relationships=") :].rpartition("=")
            script["relationships"].append((rel_type or None, files.split(",")))
        elif word.startswith("--array-delimiter="):
            value = word[len("--array-delimiter=") :]
            delimiter = decode_delimiter(value)
            if delimiter is None or delimiter in ',"':
                problems.add(where, f"bad --array-delimiter {value!r}")
            else:
                script["array_delimiter"] = delimiter
        elif word in ("--multiline-fields", "--multiline-fields=true"):
            script["multiline"] = True
        elif word.startswith("--delimiter=") or word.startswith("--quote="):
            problems.add(where, f"{word}: this checker reads only the default , and \" ")
        elif word == "--legacy-style-quoting=true":
            problems.add(where, "--legacy-style-quoting=true: backslashes would escape quotes")
    return script


def check_path_patterns(script, csv_files, problems):
    """--nodes and --relationships paths are regular expressions by default: each must match
    exactly its own file among those present."""
    named = []
    for _, files in script["nodes"] + script["relationships"]:
        named.extend(files)
    for pattern in named:
        try:
            matches = [f for f in csv_files if re.fullmatch(pattern, f)]
        except re.error as e:
            problems.add("import.sh", f"{pattern}: not a valid regular expression ({e})")
            continue
        if matches != [pattern]:
            problems.add("import.sh", f"{pattern} matches {matches or 'no file'} in the folder")
    for f in csv_files:
        if f not in named:
            problems.add("import.sh", f"{f} is in the folder but not in the import command")
    if len(set(named)) != len(named):
        problems.add("import.sh", "a file is named twice")


# --- CSV ---------------------------------------------------------------------------------------


def read_csv(path, where, multiline, problems):
    """Records of an RFC 4180 file as (line, [(value, quoted)…]); None when unreadable."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        problems.add(where, "starts with a byte-order mark", 1)
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problems.add(where, f"not UTF-8: {e}")
        return None
    records, fields, i, line, n = [], [], 0, 1, len(text)
    record_line = 1
    while i < n:
        if text[i] == '"':
            value, i = read_quoted(text, i, where, line, multiline, problems)
            if value is None:
                return records
            line += value.count("\n")
            fields.append((value, True))
            if i < n and text[i] not in ",\r\n":
                problems.add(where, "text after a closing quote", line)
                return records
        else:
            end = i
            while end < n and text[end] not in ",\r\n":
                end += 1
            value = text[i:end]
            if '"' in value:
                problems.add(where, "a quote inside an unquoted field", line)
            fields.append((value, False))
            i = end
        if i >= n:
            records.append((record_line, fields))
            break
        if text[i] == ",":
            i += 1
            if i == n:
                fields.append(("", False))
                records.append((record_line, fields))
            continue
        # a line break ends the record: LF or CRLF
        if text[i] == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
            else:
                problems.add(where, "a bare CR ends a line", line)
        i += 1
        records.append((record_line, fields))
        fields = []
        line += 1
        record_line = line
    return records


def read_quoted(text, i, where, line, multiline, problems):
    out, i, n = [], i + 1, len(text)
    while True:
        q = text.find('"', i)
        if q < 0:
            problems.add(where, "a quoted field never ends", line)
            return None, n
        out.append(text[i:q])
        if q + 1 < n and text[q + 1] == '"':
            out.append('"')
            i = q + 2
            continue
        value = "".join(out)
        if ("\n" in value or "\r" in value) and not multiline:
            problems.add(where, "a line break inside a field, without --multiline-fields=true", line)
        return value, q + 1


# --- headers -------------------------------------------------------------------------------------


def parse_header(fields, where, problems):
    columns = []
    for value, _ in fields:
        name, colon, spec = value.partition(":")
        column = {"name": name, "kind": "string", "space": None, "array": False, "special": False}
        if colon:
            m = HEADER_TYPE_RE.match(spec)
            if not m:
                problems.add(where, f"header field {value!r}: cannot read its type", 1)
                columns.append(column)
                continue
            kind = m.group("kind")
            if kind in SPECIAL_TYPES:
                column.update(kind=kind, special=True, space=m.group("space"))
                if m.group("array"):
                    problems.add(where, f"header field {value!r}: {kind} cannot be an array", 1)
                if m.group("space") is not None and kind not in ("ID", "START_ID", "END_ID"):
                    problems.add(where, f"header field {value!r}: only IDs take an ID space", 1)
            elif kind in PROPERTY_TYPES:
                column.update(kind=kind, array=bool(m.group("array")))
                if m.group("space") is not None:
                    problems.add(where, f"header field {value!r}: a property takes no ID space", 1)
            else:
                problems.add(where, f"header field {value!r}: unknown type {kind!r}", 1)
        if not column["special"] and not name:
            problems.add(where, f"header field {value!r}: a property needs a name", 1)
        columns.append(column)
    names = [c["name"] for c in columns if not c["special"]]
    for name in sorted({x for x in names if names.count(x) > 1}):
        problems.add(where, f"property {name!r} appears twice in the header", 1)
    return columns


def count_kind(columns, kind):
    return sum(1 for c in columns if c["kind"] == kind and c["special"])


def check_header_shape(columns, is_node, default_type, labels, where, problems):
    if is_node:
        if count_kind(columns, "ID") != 1:
            problems.add(where, f"a node file needs exactly one :ID column, found {count_kind(columns, 'ID')}", 1)
        for kind in ("START_ID", "END_ID", "TYPE"):
            if count_kind(columns, kind):
                problems.add(where, f"a node file has a :{kind} column", 1)
        if count_kind(columns, "LABEL") > 1:
            problems.add(where, "more than one :LABEL column", 1)
        if not count_kind(columns, "LABEL") and not labels:
            problems.add(where, "no :LABEL column and no label in --nodes", 1)
    else:
        for kind in ("START_ID", "END_ID"):
            if count_kind(columns, kind) != 1:
                problems.add(where, f"a relationship file needs exactly one :{kind}, found {count_kind(columns, kind)}", 1)
        for kind in ("ID", "LABEL"):
            if count_kind(columns, kind):
                problems.add(where, f"a relationship file has a :{kind} column", 1)
        if count_kind(columns, "TYPE") > 1:
            problems.add(where, "more than one :TYPE column", 1)
        if not count_kind(columns, "TYPE") and not default_type:
            problems.add(where, "no :TYPE column and no type in --relationships", 1)


# --- values --------------------------------------------------------------------------------------


def scalar_problem(kind, text):
    """Why `text` is not a value of property type `kind`, or None."""
    if kind in INTEGER_RANGES:
        if not INTEGER_RE.match(text):
            return f"{text!r} is not an integer"
        low, high = INTEGER_RANGES[kind]
        if not low <= int(text) <= high:
            return f"{text} is out of range for {kind}"
    elif kind in ("float", "double"):
        if not FLOAT_RE.match(text):
            return f"{text!r} is not a number"
    elif kind == "boolean":
        # Neo4j reads anything but `true` as false: a `1` or `True` would import silently wrong.
        if text not in ("true", "false"):
            return f"{text!r} is not true or false"
    elif kind == "date":
        m = DATE_RE.match(text)
        if not m:
            return f"{text!r} is not a date YYYY-MM-DD"
        try:
            datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return f"{text!r} is not a calendar date"
    elif kind == "char":
        if len(text) != 1:
            return f"{text!r} is not one character"
    return None


def check_value(column, value, quoted, delimiter, where, line, problems):
    kind = column["kind"]
    if value == "" and not quoted:
        return  # no value
    if kind == "string":
        return
    if value == "" and not column["array"]:
        problems.add(where, f"column {column['name']!r}: an empty quoted value for type {kind}", line)
        return
    elements = value.split(delimiter) if column["array"] else [value]
    for element in elements:
        why = scalar_problem(kind, element)
        if why:
            problems.add(where, f"column {column['name']!r} ({kind}{'[]' if column['array'] else ''}): {why}", line)
            return


class Graph:
    def __init__(self):
        self.spaces = {}  # ID space (None: the global one) → set of ids
        self.nodes = 0
        self.relationships = 0
        self.pending = []  # (where, line, space, id, which) to resolve once every node is read


def check_node_file(columns, records, labels, delimiter, graph, where, problems):
    for line, fields in records:
        for column, (value, quoted) in zip(columns, fields):
            if column["kind"] == "ID" and column["special"]:
                ids = graph.spaces.setdefault(column["space"], set())
                if value == "":
                    problems.add(where, "a node without an ID", line)
                elif value in ids:
                    problems.add(where, f"ID {value!r} twice in ID space {column['space']!r}", line)
                ids.add(value)
            elif column["kind"] == "LABEL" and column["special"]:
                if (value == "" and not labels) or any(l == "" for l in value.split(delimiter) if value):
                    problems.add(where, f"bad labels {value!r}", line)
            elif not column["special"]:
                check_value(column, value, quoted, delimiter, where, line, problems)
        graph.nodes += 1


def check_relationship_file(columns, records, default_type, delimiter, graph, where, problems):
    for line, fields in records:
        for column, (value, quoted) in zip(columns, fields):
            if column["special"] and column["kind"] in ("START_ID", "END_ID"):
                if value == "":
                    problems.add(where, f"an empty {column['kind']}", line)
                else:
                    graph.pending.append((where, line, column["space"], value, column["kind"]))
            elif column["special"] and column["kind"] == "TYPE":
                if value == "" and not default_type:
                    problems.add(where, "a relationship without a type", line)
            elif not column["special"]:
                check_value(column, value, quoted, delimiter, where, line, problems)
        graph.relationships += 1


def resolve_references(graph, problems):
    for where, line, space, value, which in graph.pending:
        if space not in graph.spaces:
            problems.add(where, f"{which} refers to ID space {space!r}, which no node file defines", line)
        elif value not in graph.spaces[space]:
            problems.add(where, f"{which} {value!r} is no node of ID space {space!r}", line)


def check_file(folder, name, is_node, target, script, graph, problems, rows):
    where = name
    records = read_csv(os.path.join(folder, name), where, script["multiline"], problems)
    if not records:
        problems.add(where, "no header line")
        return
    columns = parse_header(records[0][1], where, problems)
    labels = target if is_node else None
    default_type = None if is_node else target
    check_header_shape(columns, is_node, default_type, labels, where, problems)
    data = records[1:]
    for line, fields in data:
        if len(fields) != len(columns):
            problems.add(where, f"{len(fields)} fields, the header has {len(columns)}", line)
    data = [r for r in data if len(r[1]) == len(columns)]
    rows[name] = len(records) - 1
    if is_node:
        check_node_file(columns, data, labels, script["array_delimiter"], graph, where, problems)
    else:
        check_relationship_file(columns, data, default_type, script["array_delimiter"], graph, where, problems)


# --- manifest ------------------------------------------------------------------------------------


def check_manifest(folder, rows, problems):
    where = "manifest.json"
    try:
        with open(os.path.join(folder, where), encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        problems.add(where, f"cannot read: {e}")
        return
    if manifest.get("format") != "neo4j-csv":
        problems.add(where, f"format is {manifest.get('format')!r}, not 'neo4j-csv'")
    listed = {f["name"]: f for f in manifest.get("files", [])}
    present = {f for f in os.listdir(folder) if f != where}
    for name in sorted(present - listed.keys()):
        problems.add(where, f"{name} is in the folder but not in the manifest")
    for name in sorted(listed.keys() - present):
        problems.add(where, f"{name} is in the manifest but not in the folder")
    for name in sorted(listed.keys() & present):
        size = os.path.getsize(os.path.join(folder, name))
        if listed[name].get("bytes") != size:
            problems.add(where, f"{name}: {listed[name].get('bytes')} bytes listed, {size} in the file")
        if name in rows and listed[name].get("rows") != rows[name]:
            problems.add(where, f"{name}: {listed[name].get('rows')} rows listed, {rows[name]} in the file")


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print("usage: neo4j_import_check.py FOLDER", file=sys.stderr)
        return 2
    folder = argv[1]
    problems = Problems()
    script = read_import_script(folder, problems)
    csv_files = sorted(f for f in os.listdir(folder) if f.endswith(".csv"))
    check_path_patterns(script, csv_files, problems)
    graph, rows = Graph(), {}
    # Node files first: relationship ends are resolved against every node read.
    for labels, files in script["nodes"] + script["relationships"]:
        if len(files) > 1:
            problems.add("import.sh", f"{','.join(files)}: this checker reads one file per option")
    for labels, files in script["nodes"]:
        for name in files:
            if name in csv_files:
                check_file(folder, name, True, labels, script, graph, problems, rows)
    for rel_type, files in script["relationships"]:
        for name in files:
            if name in csv_files:
                check_file(folder, name, False, rel_type, script, graph, problems, rows)
    resolve_references(graph, problems)
    check_manifest(folder, rows, problems)
    if problems.lines:
        print("\n".join(problems.lines))
        print(f"{len(problems.lines)} problem(s) in {folder}", file=sys.stderr)
        return 1
    print(f"nodes {graph.nodes} relationships {graph.relationships}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
