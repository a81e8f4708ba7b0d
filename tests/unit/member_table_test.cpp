// MemberTable finds what a look-up by name finds (the first member of that name, or none),
// whatever the order of the members and however the names share slots.
#include "ingest/member_table.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "ingest/json_nodes.hpp"

namespace jurigraph::ingest {
namespace {

const rapidjson::Value* first_member(const rapidjson::Value& object, std::string_view name) {
  for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
    if (std::string_view(m->name.GetString(), m->name.GetStringLength()) == name)
      return &m->value;
  }
  return nullptr;
}

// Names of equal length, first and last byte ("ab", "axb"-like pairs) take the same slot and
// must be told apart by their text.
constexpr std::array<std::string_view, 8> kNames{"id",   "name", "nome", "nxme",
                                                 "date", "",     "a",    "issued_by"};
constexpr MemberTable<kNames.size()> kTable(kNames);

TEST(MemberTable, FindsTheFirstMemberOfEachNameAsALookUpByNameDoes) {
  const char* const objects[] = {
      R"({"id":"x","name":"n","date":"d"})",
      R"({"date":"d","nxme":1,"id":"x","zzz":2,"nome":3})",
      R"({"name":"first","name":"second","nome":"other"})",  // repeated: the first
      R"({"":0,"a":1,"issued_by":"court","b":2,"nam":3,"names":4})",
      R"({})",
      R"({"unknown":1,"NAME":2,"id ":3})",
  };
  for (const char* text : objects) {
    SCOPED_TRACE(text);
    rapidjson::Document doc;
    doc.Parse(text);
    ASSERT_FALSE(doc.HasParseError());
    std::array<RapidNode, kNames.size()> found;
    found.fill(RapidNode(doc));  // find must clear what it does not find
    kTable.find(RapidNode(doc), found);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
      const rapidjson::Value* expected = first_member(doc, kNames[i]);
      EXPECT_EQ(found[i] ? &found[i].value() : nullptr, expected) << kNames[i];
    }
  }
}

}  // namespace
}  // namespace jurigraph::ingest
