#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "filmtherm/spelling.h"

namespace filmtherm {
namespace {

TEST(EditDistance, CountsEachKindOfEditOnce) {
  EXPECT_EQ(edit_distance("thickness", "thickness"), 0u);
  EXPECT_EQ(edit_distance("thicknes", "thickness"), 1u);    // deletion
  EXPECT_EQ(edit_distance("thickeness", "thickness"), 1u);  // insertion
  EXPECT_EQ(edit_distance("thinkness", "thickness"), 1u);   // substitution
  EXPECT_EQ(edit_distance("thcikness", "thickness"), 1u);   // adjacent swap
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(NearestName, SuggestsPlausibleTyposOnly) {
  const std::vector<std::string> keys{"thickness", "width", "length", "material"};
  EXPECT_EQ(nearest_name("thicknes", keys), "thickness");
  EXPECT_EQ(nearest_name("widht", keys), "width");
  EXPECT_FALSE(nearest_name("temperature", keys).has_value());
  EXPECT_EQ(did_you_mean("lenght", keys), " (did you mean 'length'?)");
  EXPECT_EQ(did_you_mean("zzzzzzzz", keys), "");
}

}  // namespace
}  // namespace filmtherm
