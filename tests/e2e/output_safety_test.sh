#!/usr/bin/env bash
# Nothing lost, nothing half-written: outputs go through a temporary beside the target.
# - Killed (SIGKILL) in the middle of a large write — a file export, a snapshot, a folder export —
#   the previous output is intact, and no temporary is left: a file is written unnamed
#   (O_TMPFILE) and named only when complete; a folder's temporary, which a killed process
#   cannot remove, is removed by the next export to that path.
# - On a full file system (a 2 MB tmpfs) and in a read-only folder (a read-only bind mount, and a
#   folder an unprivileged user cannot write, through setpriv): a clear error, exit 4, the
#   previous output intact, no temporary.
# Needs root for the mounts (CI runs as root); skipped (exit 77) where mounting is not allowed.
# Usage: output_safety_test.sh JURIGRAPH REPO_ROOT
set -u
jg=$(realpath "$1")
root=$2
source "$(dirname "$0")/lib.sh"
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$(id -u)" != 0 ] || ! mkdir -p "$work/probe" || ! mount -t tmpfs -o size=64k tmpfs "$work/probe" 2>/dev/null; then
  echo "skipped: mounting a tmpfs needs root (CI runs as root)"
  exit 77
fi
umount "$work/probe"

# A graph large enough that its exports take a while: 20,000 generated decisions.
"$jg" generate --decisions 20000 --seed 7 --format jsonl -o "$work/big.jsonl" >/dev/null 2>&1
"$jg" build --quiet -o "$work/big.jg" "$work/big.jsonl" >/dev/null 2>&1
check "the large graph is built" test -s "$work/big.jg"
seed=$root/datasets

only() {  # only DIR NAME...: DIR holds exactly these entries (hidden ones included)
  local dir=$1
  shift
  [ "$(ls -A "$dir" | sort)" = "$(printf '%s\n' "$@" | sort)" ]
}

# kill_while_writing DIR COMMAND...: starts the command, waits until it has written something to
# a file in DIR (named or not: /proc/PID/fd shows an unnamed file as "DIR/#inode (deleted)"),
# kills it with SIGKILL; succeeds when it was killed mid-write. Python polls without forking, so
# a write of a few milliseconds is caught.
kill_while_writing() {
  python3 - "$@" <<'PY'
import os, signal, subprocess, sys, time
folder, command = sys.argv[1], sys.argv[2:]
p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
deadline = time.monotonic() + 120
while p.poll() is None and time.monotonic() < deadline:
    try:
        fds = os.listdir(f"/proc/{p.pid}/fd")
    except OSError:
        continue
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{p.pid}/fd/{fd}")
            if target.startswith(folder + "/") and os.stat(f"/proc/{p.pid}/fd/{fd}").st_size > 0:
                p.send_signal(signal.SIGKILL)
                p.wait()
                sys.exit(0)
        except OSError:
            pass
if p.poll() is None:
    p.kill()
p.wait()
sys.exit(1)
PY
}

# --- killed mid-write -------------------------------------------------------------------------
kdir=$work/kill
mkdir -p "$kdir"
"$jg" export --format nquads -o "$kdir/graph.nq" "$seed" >/dev/null
cp "$kdir/graph.nq" "$work/graph.nq.before"
check "export nquads killed mid-write" kill_while_writing "$kdir" "$jg" export --format nquads -g "$work/big.jg" -o "$kdir/graph.nq"
check "killed export: the previous file intact" cmp -s "$kdir/graph.nq" "$work/graph.nq.before"
check "killed export: no temporary left" only "$kdir" graph.nq

"$jg" build --quiet -o "$kdir/g.jg" "$seed" >/dev/null 2>&1
cp "$kdir/g.jg" "$work/g.jg.before"
check "build killed mid-write" kill_while_writing "$kdir" "$jg" build --quiet -o "$kdir/g.jg" "$work/big.jsonl"
check "killed build: the previous snapshot intact" cmp -s "$kdir/g.jg" "$work/g.jg.before"
check "killed build: no temporary left" only "$kdir" graph.nq g.jg

"$jg" export --format neo4j-csv -o "$kdir/neo4j" "$seed" >/dev/null
cp -r "$kdir/neo4j" "$work/neo4j.before"
check "folder export killed mid-write" kill_while_writing "$kdir" "$jg" export --format neo4j-csv -g "$work/big.jg" -o "$kdir/neo4j"
check "killed folder export: the previous export intact" diff -r "$kdir/neo4j" "$work/neo4j.before"
stale=$(ls -A "$kdir" | grep -c '^\.neo4j\.tmp-')
check "killed folder export: its temporary folder is there ($stale)" test "$stale" -eq 1
run export --format neo4j-csv -o "$kdir/neo4j" "$seed"
check "the next folder export: exit 0" test "$code" -eq 0
check "the next folder export: the stale temporary removed" only "$kdir" graph.nq g.jg neo4j
check "the next folder export: the same export" diff -r "$kdir/neo4j" "$work/neo4j.before"

# --- a full file system -----------------------------------------------------------------------
full=$work/full
mkdir -p "$full"
mount -t tmpfs -o size=2m tmpfs "$full" && mounts+=("$full")
"$jg" export --format nquads -o "$full/graph.nq" "$seed" >/dev/null
"$jg" export --format kuzu -o "$full/kuzu" "$seed" >/dev/null
cp -r "$full" "$work/full.before"
run export --format nquads -g "$work/big.jg" -o "$full/graph.nq"
check "full disk: exit 4" test "$code" -eq 4
check "full disk: the reason given" has "$full/graph.nq: error: cannot write: No space left on device" "$err"
run export --format kuzu -g "$work/big.jg" -o "$full/kuzu"
check "full disk, folder: exit 4" test "$code" -eq 4
check "full disk, folder: the reason given" has "No space left on device" "$err"
run build --quiet -o "$full/graph.jg" "$work/big.jsonl"
check "full disk, snapshot: exit 4" test "$code" -eq 4
check "full disk: previous outputs intact, no temporary left" diff -r "$full" "$work/full.before"

# --- a read-only folder -----------------------------------------------------------------------
ro=$work/ro
mkdir -p "$ro"
"$jg" export --format nquads -o "$ro/graph.nq" "$seed" >/dev/null
"$jg" export --format kuzu -o "$ro/kuzu" "$seed" >/dev/null
cp -r "$ro" "$work/ro.before"
mount --bind "$ro" "$ro" && mounts+=("$ro") && mount -o remount,bind,ro "$ro"
run export --format nquads -o "$ro/graph.nq" "$seed"
check "read-only mount: exit 4" test "$code" -eq 4
check "read-only mount: the reason given" has "$ro/graph.nq: error: cannot create a file in $ro: Read-only file system" "$err"
run export --format kuzu -o "$ro/kuzu" "$seed"
check "read-only mount, folder: exit 4" test "$code" -eq 4
check "read-only mount, folder: the reason given" has "Read-only file system" "$err"
check "read-only mount: previous outputs intact" diff -r "$ro" "$work/ro.before"
umount "$ro"
# The same folder, writable by root only, for an unprivileged user (root ignores permissions).
chmod 755 "$work" "$ro"
code=0
setpriv --reuid=65534 --regid=65534 --clear-groups "$jg" export --format nquads -o "$ro/graph.nq" "$seed" >/dev/null 2>"$work/err" || code=$?
check "unprivileged user, folder not writable: exit 4" test "$code" -eq 4
check "unprivileged user: the reason given" has "cannot create a file in $ro: Permission denied" "$(cat "$work/err")"
check "unprivileged user: previous outputs intact, no temporary" diff -r "$ro" "$work/ro.before"
finish
