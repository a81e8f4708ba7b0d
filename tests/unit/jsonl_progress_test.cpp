// The progress bar: what its line says, and silence where it must be silent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "generate/synthetic.hpp"
#include "ingest/ingest.hpp"
#include "ingest/progress.hpp"

namespace jurigraph {
namespace {

TEST(JsonlProgress, LineSaysRecordsRatesAndTimeLeft) {
  std::ostringstream out;
  ingest::Progress p(out, 100'000'000);
  p.add(250'000, 25'000'000);
  EXPECT_EQ(
      p.line(2.0),
      "[######..................]  25%  250.0k records  125.0k records/s  12.5 MB/s  ETA 6 s");
  p.add(750'000, 75'000'000);
  EXPECT_EQ(p.line(4.0),
            "[########################] 100%  1.00M records  250.0k records/s  25.0 MB/s");
}

TEST(JsonlProgress, DrawsInPlaceAndEndsWithOneLine) {
  std::ostringstream out;
  {
    ingest::Progress p(out, 10);
    p.add(1, 5);
    p.draw(/*force=*/true);
    p.add(1, 5);
    p.finish();
  }
  const std::string s = out.str();
  EXPECT_EQ(s.front(), '\r');
  EXPECT_EQ(s.back(), '\n');
  EXPECT_EQ(std::count(s.begin(), s.end(), '\n'), 1);
  EXPECT_NE(s.find("100%"), std::string::npos);
}

TEST(JsonlProgress, NothingWhenQuietOrNotATerminal) {
  std::ostringstream err;
  EXPECT_EQ(ingest::progress_stream(err, /*quiet=*/true), nullptr);
  {
    // A load without a progress stream writes nothing anywhere.
    const auto dir = std::filesystem::temp_directory_path() / "jurigraph-jsonl-progress";
    std::filesystem::create_directories(dir);
    {
      std::ofstream f(dir / "g.jsonl");
      generate::write_dataset_jsonl(generate::generate_graph(2000, 1), f);
    }
    ingest::LoadOptions options;  // progress: nullptr
    ::testing::internal::CaptureStderr();
    ::testing::internal::CaptureStdout();
    const auto r = ingest::load_datasets({(dir / "g.jsonl").string()}, options);
    EXPECT_EQ(::testing::internal::GetCapturedStdout(), "");
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    EXPECT_FALSE(r.diagnostics.has_errors());
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace jurigraph
