// The huge-page helpers change where memory comes from, never what it holds: these tests pin
// the alignment they promise and that no byte a table holds is lost or given back.
#include "base/huge_pages.hpp"

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "base/text_arena.hpp"
#include "base/zeroed_array.hpp"

namespace jurigraph {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;

bool on_huge_page_boundary(const void* p) {
  return reinterpret_cast<std::uintptr_t>(p) % kHugePage == 0;
}

TEST(HugePages, LargeBlocksStartOnA2MBPageAndSmallOnesAreLeftToMalloc) {
  EXPECT_EQ(huge_allocation_bytes(1000), 1000u);
  EXPECT_EQ(huge_allocation_bytes(std::size_t{1} << 20), kHugePage);
  EXPECT_EQ(huge_allocation_bytes(kHugePage + 1), 2 * kHugePage);
  const HugeBlock block = allocate_huge_block(3 << 20);
  EXPECT_TRUE(on_huge_page_boundary(block.get()));
  block[(3 << 20) - 1] = 'x';  // every byte asked for is usable (ASan checks the bounds)

  HugeVector<uint64_t> table;
  table.reserve(1 << 20);  // 8 MB
  EXPECT_TRUE(on_huge_page_boundary(table.data()));
}

TEST(HugePages, ReserveHugeKeepsTheElementsOfAFilledVector) {
  std::vector<std::string> v{"a", "bb", std::string(100, 'c')};
  reserve_huge(v, 1 << 18);
  EXPECT_GE(v.capacity(), std::size_t{1} << 18);
  EXPECT_EQ(v, (std::vector<std::string>{"a", "bb", std::string(100, 'c')}));
}

TEST(HugePages, ReleasingSpareCapacityKeepsEveryElement) {
  HugeVector<uint32_t> v;
  v.reserve(3 << 20);  // 12 MB; a third used
  for (uint32_t i = 0; i < (1 << 20); ++i)
    v.push_back(i * 7);
  release_spare_capacity(v);
  for (uint32_t i = 0; i < v.size(); ++i)
    ASSERT_EQ(v[i], i * 7) << i;
  v.push_back(42);  // the released room reads as zeros and can be written again
  EXPECT_EQ(v.back(), 42u);
}

TEST(HugePages, TextArenaViewsOutliveItsSpareRelease) {
  TextArena arena;
  std::vector<std::string_view> kept;
  for (int i = 0; i < 100000; ++i)
    kept.push_back(arena.copy("id:" + std::to_string(i)));
  const std::string_view big = arena.copy(std::string(5 << 20, 'z'));  // larger than a block
  arena.release_spare();
  for (int i = 0; i < 100000; ++i)
    ASSERT_EQ(kept[i], "id:" + std::to_string(i));
  EXPECT_EQ(big, std::string(5 << 20, 'z'));
  EXPECT_EQ(arena.copy("after"), "after");  // a new block once the spare is given back
}

// An arena grows from a small block to huge pages: a run of a small file (a few lines) must not
// take a 2 MB page, which the host supplies at some milliseconds each.
TEST(HugePages, TextArenaStartsSmallAndGrowsToHugePages) {
  TextArena arena;
  arena.copy(std::string(300, 'a'));
  EXPECT_LE(arena.bytes(), std::size_t{16} << 10);
  std::vector<std::string_view> kept;
  for (int i = 0; i < 200000; ++i)
    kept.push_back(arena.copy("company:" + std::to_string(i)));
  EXPECT_LT(arena.bytes(), std::size_t{8} << 20);  // 3 MB of text in doubling blocks
  for (int i = 0; i < 200000; ++i)
    ASSERT_EQ(kept[i], "company:" + std::to_string(i));
  // Told to expect half a MB or more, it starts with a huge page; told less, or once it holds
  // text, it goes on as it was.
  TextArena large, small;
  large.expect(std::size_t{512} << 10);
  small.expect((std::size_t{512} << 10) - 1);
  EXPECT_EQ(large.copy("x"), "x");
  EXPECT_EQ(small.copy("y"), "y");
  EXPECT_EQ(large.bytes(), std::size_t{2} << 20);
  EXPECT_EQ(small.bytes(), std::size_t{16} << 10);
  small.expect(std::size_t{64} << 20);
  small.copy(std::string(20 << 10, 'z'));
  EXPECT_EQ(small.bytes(), (std::size_t{16} << 10) + (std::size_t{32} << 10));
}

TEST(HugePages, ATableOfOverAlignedRecordsIsAlignedAsTheyNeed) {
  struct alignas(32) Wide {
    char bytes[32];
  };
  // Kept alive, so that each is a block of its own: one on 16 bytes lands on 32 by luck.
  std::vector<HugeVector<Wide>> tables;
  for (std::size_t n : {std::size_t{1}, std::size_t{3}, std::size_t{1000}, std::size_t{40000}}) {
    for (int attempt = 0; attempt < 8; ++attempt) {
      tables.emplace_back(n);
      EXPECT_EQ(reinterpret_cast<std::uintptr_t>(tables.back().data()) % 32, 0u) << n;
    }
  }
}

TEST(HugePages, AZeroedArrayReadsZeroAndALargeOneStartsOnA2MBPage) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{1000}, std::size_t{3} << 20}) {
    ZeroedArray<uint32_t> a(n);
    ASSERT_EQ(a.size(), n);
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(a[i], 0u) << n << " " << i;
    if (n * sizeof(uint32_t) >= kHugeBlockMin) {
      EXPECT_TRUE(on_huge_page_boundary(a.data())) << n;
    }
    for (std::size_t i = 0; i < n; i += 4093)
      a[i] = static_cast<uint32_t>(i + 1);
    ZeroedArray<uint32_t> moved = std::move(a);  // the mapping goes with it, freed once
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(moved[i], i % 4093 == 0 ? i + 1 : 0u) << n << " " << i;
  }
}

TEST(HugePages, ASmallZeroedArrayOfOverAlignedElementsIsAlignedForThem) {
  // 64 bytes: calloc's 16-byte alignment meets it by chance once in four, so five blocks all
  // aligned by chance would be one run in a thousand.
  struct alignas(64) Entry {
    uint64_t words[4];
  };
  for (std::size_t n :
       {std::size_t{1}, std::size_t{3}, std::size_t{16}, std::size_t{100}, std::size_t{1000}}) {
    ZeroedArray<Entry> a(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.data()) % 64, 0u) << n;
    for (std::size_t i = 0; i < n; ++i)
      ASSERT_EQ(a[i].words[0] | a[i].words[3], 0u) << n << " " << i;
  }
}

TEST(HugePages, ASizeNearTheTopOfTheAddressSpaceIsRefusedNotWrappedAround) {
  // Rounded up to whole 2 MB pages, such a size would wrap around to a block of a few MB.
  EXPECT_THROW(ZeroedArray<uint32_t>(SIZE_MAX / sizeof(uint32_t) - 1), std::bad_alloc);
  EXPECT_THROW(ZeroedArray<uint64_t>(SIZE_MAX / 4), std::bad_alloc);
  EXPECT_THROW(allocate_huge_block(SIZE_MAX - 4096), std::bad_alloc);
}

// The pages of [data, data + bytes) (on a 4 KB boundary) in memory.
std::size_t resident_pages(void* data, std::size_t bytes) {
  std::vector<unsigned char> in_core((bytes + 4095) / 4096);
  if (mincore(data, bytes, in_core.data()) != 0)
    return 0;
  return static_cast<std::size_t>(
      std::count_if(in_core.begin(), in_core.end(), [](unsigned char c) { return c & 1; }));
}

TEST(HugePages, FaultingPagesInAtOnceKeepsWhatTheyHold) {
  std::vector<uint64_t> v(3 << 18);  // 6 MB from malloc: 4 KB pages at either end
  std::iota(v.begin(), v.end(), uint64_t{1});
  populate_pages(v.data() + 5, (v.size() - 10) * sizeof(uint64_t));
  prepare_unaligned_block(v.data(), v.size() * sizeof(uint64_t));
  for (std::size_t i = 0; i < v.size(); ++i)
    ASSERT_EQ(v[i], i + 1) << i;
  // On two threads, which take its 2 MB pages in turn (12 MB: above the size done on one).
  HugeVector<uint64_t> big(3 << 19);
  std::iota(big.begin(), big.end(), uint64_t{7});
  populate_on_two_cores(big.data(), big.size() * sizeof(uint64_t));
  for (std::size_t i = 0; i < big.size(); ++i)
    ASSERT_EQ(big[i], i + 7) << i;
  // Fresh pages of a mapping are not resident until faulted in, then every one of them is
  // (mincore: a count of the process's faults would also count a sanitizer's shadow pages).
  ZeroedArray<uint64_t> zeroed(3 << 19);
  const std::size_t bytes = zeroed.size() * sizeof(uint64_t);
  EXPECT_LT(resident_pages(zeroed.data(), bytes), bytes / 4096);
  populate_on_two_cores(zeroed.data(), bytes);
  EXPECT_EQ(resident_pages(zeroed.data(), bytes), bytes / 4096);
  for (std::size_t i = 0; i < zeroed.size(); i += 512)
    ASSERT_EQ(zeroed[i], 0u) << i;
  // A range that starts and ends inside 2 MB pages, as the two threads take them in turn: every
  // page of it.
  ZeroedArray<uint64_t> inside(5 << 18);  // 10 MB
  const std::size_t skip = 3 << 16;       // 1.5 MB
  const std::size_t inner = inside.size() * sizeof(uint64_t) - 2 * skip * sizeof(uint64_t);
  populate_on_two_cores(inside.data() + skip, inner);
  EXPECT_EQ(resident_pages(inside.data() + skip, inner), inner / 4096);
  // A block filled from its start: the 4 KB pages before its first 2 MB page are faulted in at
  // once.
  std::vector<char> text(5 << 20, 'q');
  char* const head = text.data() + 4096 * 3 + 100;  // inside a 4 KB page, before a 2 MB one
  const auto head_page = reinterpret_cast<std::uintptr_t>(head) & ~std::uintptr_t{4095};
  const auto first_huge = (reinterpret_cast<std::uintptr_t>(head) + (std::size_t{2} << 20) - 1) &
                          ~((std::size_t{2} << 20) - 1);
  release_pages(text.data(), text.size());  // not resident any more, read as zeros
  EXPECT_EQ(
      resident_pages(reinterpret_cast<void*>(head_page + 4096), first_huge - head_page - 4096), 0u);
  prepare_block_filled_in_order(head, text.size() - static_cast<std::size_t>(head - text.data()));
  EXPECT_EQ(resident_pages(reinterpret_cast<void*>(head_page), first_huge - head_page),
            (first_huge - head_page) / 4096);
  // A table reserved for writing, with its ends faulted in, takes every element.
  std::vector<uint32_t> filled;
  reserve_huge(filled, 3 << 19);
  for (uint32_t i = 0; i < (3 << 19); ++i)
    filled.push_back(i ^ 0x5a5a5a5au);
  for (uint32_t i = 0; i < filled.size(); ++i)
    ASSERT_EQ(filled[i], i ^ 0x5a5a5a5au) << i;
}

}  // namespace
}  // namespace jurigraph
