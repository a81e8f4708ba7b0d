// Writing an output file so that nothing is ever half-written: the content goes to a temporary
// file in the same folder, is flushed to disk, and is renamed over the target only when
// complete. On any failure the temporary is removed and the previous file is untouched.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace jurigraph {

// Calls `write` with a stream to the temporary, then renames. Throws Error (kind output) naming
// the path and the system's reason when the folder cannot be written, the disk is full, etc.
void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& write);

}  // namespace jurigraph
