#include "import/dila_import.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "import/dila_xml.hpp"

namespace jurigraph::import {
namespace fs = std::filesystem;

namespace {

// Reads a whole file into `buffer` (reused from file to file).
void read_file(const std::string& path, std::string& buffer) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(Location(path), std::string("cannot read: ") + std::strerror(errno));
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  buffer.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
  if (size > 0 && !in.read(buffer.data(), size))
    throw Error(Location(path), "cannot read: read error");
}

}  // namespace

std::vector<std::string> list_dila_files(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".xml")
          found.push_back(it->path().string());
      }
      if (ec)
        throw Error(Location(path), "cannot read folder: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      throw Error(Location(path), "no such file or folder");
    }
  }
  return files;
}

DilaImportReport import_dila(const std::vector<std::string>& files, bool keep_going,
                             DatasetSink& sink, std::ostream& err) {
  DilaImportReport report;
  DilaMapper mapper(sink);
  std::string buffer;
  for (const std::string& path : files) {
    try {
      read_file(path, buffer);
      report.bytes += buffer.size();
      mapper.add(path, parse_dila_xml(path, buffer));
      ++report.files;
    } catch (const Error& e) {
      if (!keep_going)
        throw;
      err << format_headline(e.diagnostic()) << " (file skipped: --keep-going)\n";
      report.skipped.push_back(e.diagnostic());
    }
  }
  mapper.finish();
  report.counts = mapper.counts();
  return report;
}

}  // namespace jurigraph::import
