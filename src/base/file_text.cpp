#include "base/file_text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>

namespace jurigraph {
namespace {

// read(2) into `to`, again when interrupted by a signal; -1 with errno on an error.
ssize_t read_some(int fd, char* to, std::size_t bytes) {
  for (;;) {
    const ssize_t got = ::read(fd, to, bytes);
    if (got >= 0 || errno != EINTR)
      return got;
  }
}

}  // namespace

std::optional<std::string> read_file_text(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return std::nullopt;
  struct stat st {};
  std::size_t expected = 0;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
    expected = static_cast<std::size_t>(st.st_size);
  std::string text(expected, '\0');
  std::size_t size = 0;
  bool failed = false;
  while (size < text.size()) {
    const ssize_t got = read_some(fd, text.data() + size, text.size() - size);
    if (got <= 0) {
      failed = got < 0;
      break;
    }
    size += static_cast<std::size_t>(got);
  }
  text.resize(size);
  // Past the size expected (a pipe, a file that grew): appended a block at a time to the end.
  std::array<char, 64 * 1024> more;
  while (!failed && size == expected) {
    const ssize_t got = read_some(fd, more.data(), more.size());
    if (got <= 0) {
      failed = got < 0;
      break;
    }
    text.append(more.data(), static_cast<std::size_t>(got));
    size = expected = text.size();
  }
  const int error = errno;
  ::close(fd);
  if (failed) {
    errno = error;
    return std::nullopt;
  }
  return text;
}

}  // namespace jurigraph
