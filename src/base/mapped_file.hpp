// A whole file mapped read-only into memory: the pages are read from the file (or the page
// cache) when first touched, so opening costs nothing per byte and memory holds only what is
// read. Used to open graph snapshots.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace jurigraph {

class MappedFile {
 public:
  // Throws Error naming `path` when it cannot be opened, is not a regular file or cannot be
  // mapped. An empty file gives an empty mapping.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const std::byte> bytes() const { return {data_, size_}; }
  const std::string& path() const { return path_; }
  // Copies the bytes at `offset` of the mapped file into `out` with pread(2), without touching
  // the mapping: for data read once, such as by a checksum, a copy out of the page cache costs
  // far less than faulting the pages into this process one by one, and leaves none of them
  // resident. Throws Error naming the file when the read fails or the file has shrunk.
  void read(std::size_t offset, std::span<std::byte> out) const;

 private:
  std::string path_;
  int fd_ = -1;  // kept open for read(): the same file as the mapping, even if renamed over
  const std::byte* data_ = nullptr;
  std::size_t size_ = 0;
};

// Lets the kernel take back the whole pages inside `bytes`, which must lie in a read-only file
// mapping such as a MappedFile's: they stay in the page cache and are mapped again if read. For a
// part of a mapping whose owner is not at hand (a graph opened from a snapshot). Never for other
// memory: anonymous pages would read back as zeros.
void release_file_pages(std::span<const std::byte> bytes);

// Asks the kernel to start reading [offset, offset + length) of the open file `fd` into the page
// cache (POSIX_FADV_WILLNEED), and returns at once: a later read of it then need not wait for
// the disk. This machine drops file pages left unread for a minute or so, and two threads
// reading one file at different places defeat the kernel's own read-ahead, which follows one
// sequential reader per open file.
void advise_read_ahead(int fd, uint64_t offset, uint64_t length);

}  // namespace jurigraph
