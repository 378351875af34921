// bitmap_test.cc: bitmap sizes across word boundaries keep the tail invariant.
#include "vm/columnar/bitmap.h"

#include <gtest/gtest.h>

namespace vigil::columnar {
namespace {

class BitmapSizeTest : public ::testing::TestWithParam<size_t> {};

TEST_P(BitmapSizeTest, SetAllCountsExactlySize) {
  Bitmap b(GetParam(), true);
  EXPECT_EQ(b.CountSet(), GetParam());
  b.ClearAll();
  EXPECT_EQ(b.CountSet(), 0u);
  EXPECT_FALSE(b.AnySet());
  b.SetAll();
  EXPECT_EQ(b.CountSet(), GetParam());
}

INSTANTIATE_TEST_SUITE_P(Sizes, BitmapSizeTest, ::testing::Values(0, 1, 63, 64, 65, 2047, 2048, 2049));

TEST(BitmapTest, PushBackGrowsAcrossWords) {
  Bitmap b;
  for (int i = 0; i < 130; ++i) b.PushBack(i % 3 == 0);
  EXPECT_EQ(b.size(), 130u);
  EXPECT_EQ(b.CountSet(), 44u);
  EXPECT_TRUE(b.Get(129));
  EXPECT_FALSE(b.Get(128));
}

}  // namespace
}  // namespace vigil::columnar
