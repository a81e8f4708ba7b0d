// The exit codes of every command; README "Exit codes" documents the same table.
#pragma once

namespace jurigraph::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInvalidData = 1,  // a dataset has errors (or a path to one cannot be read)
  kExitUsage = 2,        // bad command line
  kExitNotFound = 3,     // a node name is unknown or ambiguous
  kExitOutput = 4,       // an output cannot be written
  kExitNoPath = 5,       // path: the nodes are not connected (within the bounds given)
  kExitRowLimit = 6,     // query: more rows held or returned than --max-rows
  kExitTimeLimit = 7,    // query: longer than --timeout
  kExitMemoryLimit = 8,  // query: more memory held than --max-memory
  kExitInternal = 70,    // a bug: please report it
};

}  // namespace jurigraph::cli
