// Reading a whole input file (a JSON dataset, a spreadsheet, a mapping, a query, a style) into
// one string.
#pragma once

#include <optional>
#include <string>

namespace jurigraph {

// The file's bytes, read into a string of the file's size at once: a std::ostringstream, which
// grows by doubling, copied a 36 MB dataset several times and faulted its pages in one by one
// (a third of `validate`'s time on it). A file that grows or is no regular file (a pipe) is
// read to its end all the same. nullopt when it cannot be opened or read; errno says why.
std::optional<std::string> read_file_text(const std::string& path);

}  // namespace jurigraph
