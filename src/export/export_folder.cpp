#include "export/export_folder.hpp"

#include <fcntl.h>
#include <signal.h>  // kill(pid, 0): is the process that left a temporary alive
#include <stdio.h>   // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "base/atomic_file.hpp"
#include "base/diagnostic.hpp"

namespace jurigraph::exporter {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& where, const std::string& what) {
  throw Error(Location(where.string()), what, ErrorKind::output);
}

[[noreturn]] void fail_errno(const fs::path& where, const std::string& what, int error) {
  fail(where, what + ": " + std::strerror(error));
}

// A stream buffer that only counts, to learn a file's size without asking the file system.
class CountingBuffer : public std::streambuf {
 public:
  explicit CountingBuffer(std::streambuf* to) : to_(to) {}
  uint64_t count() const { return count_; }

 protected:
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof()))
      return traits_type::not_eof(ch);
    ++count_;
    return to_->sputc(traits_type::to_char_type(ch));
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    count_ += static_cast<uint64_t>(n);
    return to_->sputn(s, n);
  }

 private:
  std::streambuf* to_;
  uint64_t count_ = 0;
};

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      out += buffer;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Removes the temporary folders `.NAME.tmp-PID-N` beside the target that a process no longer
// running left (killed while exporting, or while removing the earlier export it replaced). A
// folder of a live process (another export running now) is left alone.
void remove_stale_temporaries(const fs::path& parent, const std::string& name) {
  const std::string prefix = "." + name + ".tmp-";
  std::error_code error;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(parent, error), end; !error && it != end; it.increment(error)) {
    const std::string entry = it->path().filename().string();
    if (entry.compare(0, prefix.size(), prefix) != 0)
      continue;
    const std::string rest = entry.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789") != dash)
      continue;
    const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    if (pid == ::getpid() || ::kill(pid, 0) == 0 || errno != ESRCH)
      continue;
    stale.push_back(it->path());
  }
  for (const fs::path& p : stale)
    fs::remove_all(p, error);
}

}  // namespace

void ExportFolder::file(const std::string& name,
                        const std::function<uint64_t(std::ostream&)>& write) {
  File f{name, 0, 0};
  // Flushed to disk all at once before the folder is put in place (write_export_folder).
  write_file_atomically((path_ / name).string(),
                        [&](std::ostream& out) {
                          CountingBuffer counter(out.rdbuf());
                          std::ostream counted(&counter);
                          f.rows = write(counted);
                          counted.flush();
                          f.bytes = counter.count();
                        },
                        FileSync::by_caller);
  files_.push_back(std::move(f));
}

void ExportFolder::make_executable(const std::string& name) const {
  std::error_code error;
  fs::permissions(path_ / name,
                  fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add, error);
  if (error)
    fail(path_ / name, "cannot make the script executable: " + error.message());
}

void write_export_folder(const std::string& path, const std::string& format,
                         const std::function<void(ExportFolder&)>& fill) {
  // `out/neo4j/` names the folder `out/neo4j`: without the trailing separator, so that its
  // parent is `out`, where the temporary folder goes.
  fs::path target = fs::path(path).lexically_normal();
  if (target.filename().empty() && target.has_parent_path())
    target = target.parent_path();
  const fs::path name = target.filename();
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code error;
  const bool replacing = fs::exists(target, error);
  if (replacing && !(fs::is_directory(target) && fs::exists(target / "manifest.json")))
    fail(target,
         "exists and is not an earlier export (no manifest.json in a folder): remove it or "
         "choose another output");
  if (!fs::is_directory(parent, error))
    fail(parent, "the output's folder does not exist");

  remove_stale_temporaries(parent, name.string());
  std::random_device random;
  fs::path temp;
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp = parent / ("." + name.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                     std::to_string(random()));
    if (fs::create_directory(temp, error))
      break;
    if (error)
      fail(temp, "cannot create a temporary folder: " + error.message());
  }
  try {
    ExportFolder folder(temp);
    fill(folder);
    std::vector<ExportFolder::File> files = folder.files();
    folder.file("manifest.json", [&](std::ostream& out) {
      out << "{\n  \"format\": " << json_string(format) << ",\n  \"files\": [";
      for (std::size_t k = 0; k < files.size(); ++k) {
        out << (k ? ",\n" : "\n") << "    {\"name\": " << json_string(files[k].name)
            << ", \"rows\": " << files[k].rows << ", \"bytes\": " << files[k].bytes << "}";
      }
      out << "\n  ]\n}\n";
      return uint64_t{0};
    });
    for (const ExportFolder::File& f : folder.files())
      sync_file((temp / f.name).string());
    sync_file(temp.string());  // the folder: its entries
    if (replacing) {
      // One step: readers see the old export or the new one, never neither.
      if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
        fail_errno(target, "cannot replace the earlier export", errno);
      fs::remove_all(temp, error);  // now the earlier export
    } else if (::rename(temp.c_str(), target.c_str()) != 0) {
      fail_errno(target, "cannot put the export in place", errno);
    }
    sync_file(parent.string());
  } catch (...) {
    fs::remove_all(temp, error);
    throw;
  }
}

}  // namespace jurigraph::exporter
