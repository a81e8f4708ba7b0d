// Writing an output file so that nothing is ever half-written: the content goes to an unnamed
// temporary file (O_TMPFILE) in the same folder, is flushed to disk, is given a temporary name
// only when complete and is renamed over the target. On any failure the temporary is removed and
// the previous file is untouched; a process killed while writing leaves no file behind (where the
// file system lacks O_TMPFILE, a named `.NAME.tmp-PID-N` is written instead, and a kill leaves it).
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace jurigraph {

// When the file's content is flushed to disk: before the rename, or later by the caller, who
// writes several files into a folder that is itself put in place only after sync_file() on each:
// then writing the next file need not wait for the disk to take the last one.
enum class FileSync { before_rename, by_caller };

// Calls `write` with a stream to the temporary, then renames. Throws Error (kind output) naming
// the path and the system's reason when the folder cannot be written, the disk is full, etc.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           FileSync sync = FileSync::before_rename);

// Flushes a written file's content, or a folder's entries, to disk; throws Error (kind output)
// when it cannot.
void sync_file(const std::string& path);

}  // namespace jurigraph
