#include "ingest/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace jurigraph::ingest {
namespace {

std::string human_count(double n) {
  char buf[32];
  if (n >= 1e6) {
    std::snprintf(buf, sizeof buf, "%.2fM", n / 1e6);
  } else if (n >= 1e3) {
    std::snprintf(buf, sizeof buf, "%.1fk", n / 1e3);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", n);
  }
  return buf;
}

}  // namespace

Progress::Progress(std::ostream& out, uint64_t total_bytes)
    : out_(out),
      total_bytes_(std::max<uint64_t>(total_bytes, 1)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  finish();
}

std::string Progress::line(double seconds) const {
  const uint64_t records = records_.load(std::memory_order_relaxed);
  const uint64_t bytes = std::min(bytes_.load(std::memory_order_relaxed), total_bytes_);
  const double fraction = static_cast<double>(bytes) / static_cast<double>(total_bytes_);
  constexpr int kWidth = 24;
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
  const double s = std::max(seconds, 1e-3);
  const double mb_per_s = static_cast<double>(bytes) / 1e6 / s;
  char buf[160];
  std::snprintf(buf, sizeof buf, " %3d%%  %s records  %s records/s  %.1f MB/s",
                static_cast<int>(fraction * 100), human_count(static_cast<double>(records)).c_str(),
                human_count(static_cast<double>(records) / s).c_str(), mb_per_s);
  std::string out = bar + buf;
  if (bytes > 0 && bytes < total_bytes_) {
    const double left =
        static_cast<double>(total_bytes_ - bytes) / (static_cast<double>(bytes) / s);
    std::snprintf(buf, sizeof buf, "  ETA %.0f s", left + 0.5);
    out += buf;
  }
  return out;
}

void Progress::draw(bool force) {
  if (finished_)
    return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100))
    return;
  last_draw_ = now;
  drawn_ = true;
  // \r and erase-to-end-of-line: the line is redrawn in place.
  out_ << '\r' << line(std::chrono::duration<double>(now - start_).count()) << "\x1b[K"
       << std::flush;
}

void Progress::finish() {
  if (finished_ || !drawn_) {
    finished_ = true;
    return;
  }
  draw(/*force=*/true);
  out_ << '\n' << std::flush;
  finished_ = true;
}

void run_drawing_progress(unsigned threads, const std::function<void()>& work, Progress* progress) {
  if (threads <= 1) {
    work();
    if (progress != nullptr)
      progress->draw();
    return;
  }
  std::mutex mutex;
  std::condition_variable done_cv;
  unsigned running = threads;
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      work();
      const std::lock_guard lock(mutex);
      --running;
      done_cv.notify_one();
    });
  }
  std::unique_lock lock(mutex);
  while (running > 0) {
    done_cv.wait_for(lock, std::chrono::milliseconds(100));
    if (progress != nullptr) {
      lock.unlock();
      progress->draw();
      lock.lock();
    }
  }
}

std::ostream* progress_stream(std::ostream& err, bool quiet) {
  if (quiet || ::isatty(STDERR_FILENO) == 0)
    return nullptr;
  return &err;
}

}  // namespace jurigraph::ingest
