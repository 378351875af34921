// schema_test.cc: the schema table is consistent and answers lookups.
#include "schema/schema.h"

#include <gtest/gtest.h>

#include <set>

namespace vigil::schema {
namespace {

TEST(SchemaTest, FindsFieldsAndEventsByName) {
  FieldId f;
  ASSERT_TRUE(FindField("sender.domain", &f));
  EXPECT_EQ(Field(f).type, ScalarType::kDomain);
  EXPECT_FALSE(FindField("sender.domian", &f));
  EventType e;
  ASSERT_TRUE(FindEvent("url_protect", &e));
  EXPECT_EQ(e, EventType::kUrlProtect);
  EXPECT_FALSE(FindEvent("url", &e));
}

TEST(SchemaTest, NamesAreUnique) {
  std::set<std::string_view> names;
  for (const FieldInfo& f : AllFields()) EXPECT_TRUE(names.insert(f.name).second) << f.name;
  std::set<std::string_view> events;
  for (const EventInfo& e : AllEvents()) EXPECT_TRUE(events.insert(e.name).second) << e.name;
}

TEST(SchemaTest, MembersFollowTheirRecordsParent) {
  const auto& members = MembersOf(FieldId::kAttachments);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(Field(members[0]).name, "attachments.name");
  for (FieldId m : members) {
    EXPECT_EQ(Field(m).events, Field(FieldId::kAttachments).events);
  }
  EXPECT_TRUE(MembersOf(FieldId::kSubject).empty());
}

TEST(SchemaTest, EveryFieldIsDocumentedAndValuesSplit) {
  for (const FieldInfo& f : AllFields()) EXPECT_FALSE(f.doc.empty()) << f.name;
  const auto values = ValuesOf(FieldId::kDirection);
  ASSERT_EQ(values.size(), 4u);
  EXPECT_EQ(values[0], "inbound");
  EXPECT_TRUE(Field(FieldId::kDirection).closed());
}

TEST(SchemaTest, ScalarTypeNamesRoundTrip) {
  for (int i = 0; i < kScalarTypeCount; ++i) {
    const auto t = static_cast<ScalarType>(i);
    ScalarType back;
    ASSERT_TRUE(ParseScalarType(ScalarTypeName(t), &back));
    EXPECT_EQ(back, t);
  }
}

}  // namespace
}  // namespace vigil::schema
