# Shared by the end-to-end scripts: `run` a command capturing exit code and output, `check` a
# condition, and print the closing "N passed, M failed" line with `finish`.
# The sourcing script sets $jg (the binary) before calling run.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME COMMAND...: the command's success is the check's
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failed=$((failed + 1))
    echo "FAIL $name"
  fi
}

run() {  # run ARGS...: runs jurigraph; sets $code, $out and $err
  "$jg" "$@" >"$work/out" 2>"$work/err"
  code=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
}

has() { grep -qF -- "$1" <<<"$2"; }

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
