// A progress bar for long loads: bytes and records done, records/s, MB/s and the time left,
// redrawn in place on a terminal. Readers on any thread add what they did; one thread draws.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace jurigraph::ingest {

class Progress {
 public:
  // Draws on `out`; `total_bytes` is what the load will read (for the bar and the time left).
  Progress(std::ostream& out, uint64_t total_bytes);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // From any thread.
  void add(uint64_t records, uint64_t bytes) {
    records_.fetch_add(records, std::memory_order_relaxed);
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }
  // From the drawing thread: redraws the line (at most every 100 ms unless `force`).
  void draw(bool force = false);
  // Leaves a last line with the totals.
  void finish();

  // The line drawn, without the carriage return; exposed for tests.
  std::string line(double seconds) const;

 private:
  std::ostream& out_;
  uint64_t total_bytes_;
  std::atomic<uint64_t> records_{0};
  std::atomic<uint64_t> bytes_{0};
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  bool finished_ = false;
};

// Runs `work` on `threads` threads at once and returns once each has returned, this thread
// drawing `progress` meanwhile (when not null); with one thread (or none), runs it here and
// draws once after.
void run_drawing_progress(unsigned threads, const std::function<void()>& work, Progress* progress);

// Where a command should draw progress: `err` when it is a terminal and `quiet` is not set, else
// nowhere (nullptr). `err` is taken to be the process's standard error.
std::ostream* progress_stream(std::ostream& err, bool quiet);

}  // namespace jurigraph::ingest
