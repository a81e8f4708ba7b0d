#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <sstream>

#include "base/diagnostic.hpp"

namespace jurigraph {
namespace {

[[noreturn]] void fail_output(const std::string& path, const std::string& what, int error) {
  throw Error(Location(path), what + ": " + std::strerror(error), ErrorKind::output);
}

// A streambuf over a file descriptor that remembers the first write error.
class FdBuffer : public std::streambuf {
 public:
  explicit FdBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }
  bool flush_all() { return sync() == 0; }

 protected:
  int_type overflow(int_type ch) override {
    if (sync() != 0)
      return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0) {
        if (errno == EINTR)
          continue;
        error_ = errno;
        return -1;
      }
      p += n;
    }
    setp(buffer_, buffer_ + sizeof buffer_);
    return 0;
  }

 private:
  int fd_;
  int error_ = 0;
  char buffer_[1 << 16];
};

// The temporary's name beside the target: `.NAME.tmp-PID-RANDOM`.
std::string temporary_name(const std::filesystem::path& folder, const std::filesystem::path& target,
                           std::random_device& random) {
  return (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                    std::to_string(random())))
      .string();
}

// Creates the file to write. First an unnamed file (O_TMPFILE): a process killed while writing
// leaves nothing behind, since the file has no name until it is complete. Where the file system
// has no O_TMPFILE, a named temporary with O_EXCL (the usual 0666 & ~umask mode, unlike mkstemp).
// `temp` is left empty for an unnamed file.
int create_temporary(const std::filesystem::path& folder, const std::filesystem::path& target,
                     std::random_device& random, std::string& temp) {
  int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL))
    return fd;
  for (int attempt = 0; attempt < 16; ++attempt) {
    temp = temporary_name(folder, target, random);
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST)
      break;
  }
  return fd;
}

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           FileSync sync) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::random_device random;
  std::string temp;  // empty while the file has no name
  int fd = create_temporary(folder, target, random, temp);
  if (fd < 0)
    fail_output(path, "cannot create a file in " + folder.string(), errno);
  auto discard = [&] {
    ::close(fd);
    if (!temp.empty())
      ::unlink(temp.c_str());
  };
  FdBuffer buffer(fd);
  try {
    std::ostream out(&buffer);
    write(out);
    out.flush();
  } catch (...) {
    discard();
    throw;
  }
  if (!buffer.flush_all() || buffer.error() != 0) {
    const int error = buffer.error() ? buffer.error() : EIO;
    discard();
    fail_output(path, "cannot write", error);
  }
  if (sync == FileSync::before_rename && ::fsync(fd) != 0) {
    const int error = errno;
    discard();
    fail_output(path, "cannot write", error);
  }
  if (temp.empty()) {
    // Complete: give the unnamed file a temporary name (linkat cannot replace a file), then
    // rename it over the target. Only a kill between these two calls leaves a temporary.
    const std::string from = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; attempt < 16; ++attempt) {
      temp = temporary_name(folder, target, random);
      if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0)
        break;
      // Without /proc: the descriptor itself (AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH).
      if (errno == ENOENT && ::linkat(fd, "", AT_FDCWD, temp.c_str(), AT_EMPTY_PATH) == 0)
        break;
      const int error = errno;
      if (error != EEXIST || attempt == 15) {
        ::close(fd);
        fail_output(path, "cannot create a file in " + folder.string(), error);
      }
    }
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail_output(path, "cannot write", error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail_output(path, "cannot replace", error);
  }
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    fail_output(path, "cannot open to flush it to disk", errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0)
    fail_output(path, "cannot write", error);
}

}  // namespace jurigraph
