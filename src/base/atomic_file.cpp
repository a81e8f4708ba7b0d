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

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           FileSync sync) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  // O_EXCL with a random name instead of mkstemp: the file gets the usual 0666 & ~umask mode.
  std::random_device random;
  std::string temp;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    temp = (folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                      "-" + std::to_string(random())))
               .string();
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  if (fd < 0)
    fail_output(path, "cannot create a file in " + folder.string(), errno);
  auto discard = [&] {
    ::close(fd);
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
