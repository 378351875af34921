// quantifier_test.cc: any/all/none/count over arrays of records and of scalars, with null and
// empty arrays, null predicates (Kleene combination), nested quantifiers, bodies reading
// other fields, and `x[i]` indexing.
#include <vector>

#include "tests/interp/interp_fixture.h"

namespace vigil::interp::testing {
namespace {

struct Attachment {
  const char* name;  // nullptr: null
  const char* ext;
};

Fill Attachments(std::vector<Attachment> atts) {
  return [atts](columnar::BatchBuilder& b) {
    b.SetPresent(FieldId::kAttachments);
    for (const Attachment& a : atts) {
      b.AppendRecord(FieldId::kAttachments);
      if (a.name != nullptr) b.SetMemberString(FieldId::kAttachmentsName, a.name);
      if (a.ext != nullptr) b.SetMemberString(FieldId::kAttachmentsExt, a.ext);
    }
  };
}

Fill Identifiers(std::vector<std::string> ids) {
  return [ids](columnar::BatchBuilder& b) {
    b.SetPresent(FieldId::kIdentifiers);
    for (const std::string& s : ids) b.AppendArrayString(FieldId::kIdentifiers, s);
  };
}

class QuantifierTest : public InterpTest {
 protected:
  std::optional<bool> On(std::string_view when, const Fill& fill) {
    return Truth(when, fill, "process");
  }
};

TEST_F(QuantifierTest, AnyAllNoneOverRecords) {
  const Fill f = Attachments({{"a.exe", "exe"}, {"b.pdf", "pdf"}});
  EXPECT_EQ(On("any(a in attachments: a.ext == \"exe\")", f), kTrue);
  EXPECT_EQ(On("any(a in attachments: a.ext == \"js\")", f), kFalse);
  EXPECT_EQ(On("all(a in attachments: a.name contains \".\")", f), kTrue);
  EXPECT_EQ(On("all(a in attachments: a.ext == \"exe\")", f), kFalse);
  EXPECT_EQ(On("none(a in attachments: a.ext == \"js\")", f), kTrue);
  EXPECT_EQ(On("none(a in attachments: a.ext == \"pdf\")", f), kFalse);
}

TEST_F(QuantifierTest, ConditionsTalkAboutTheSameElement) {
  const Fill f = Attachments({{"invoice.pdf", "pdf"}, {"x.exe", "exe"}});
  EXPECT_EQ(On("any(a in attachments: a.ext == \"exe\" and a.name icontains \"invoice\")", f),
            kFalse);
  EXPECT_EQ(On("any(a in attachments: a.ext == \"pdf\" and a.name icontains \"invoice\")", f),
            kTrue);
}

TEST_F(QuantifierTest, CountCountsTrueElements) {
  const Fill f = Attachments({{"a.exe", "exe"}, {"b.exe", "exe"}, {"c", nullptr}});
  EXPECT_EQ(On("count(a in attachments: a.ext == \"exe\") == 2", f), kTrue);
  EXPECT_EQ(On("count(a in attachments) == 3", f), kTrue);
  EXPECT_EQ(On("count(a in attachments: a.ext != \"exe\") == 0", f), kTrue);  // null not counted
}

TEST_F(QuantifierTest, NullAndEmptyArraysBehaveAsEmpty) {
  for (const Fill& f : {Fill(nullptr), Attachments({})}) {
    EXPECT_EQ(On("any(a in attachments: a.ext == \"exe\")", f), kFalse);
    EXPECT_EQ(On("all(a in attachments: a.ext == \"exe\")", f), kTrue);
    EXPECT_EQ(On("none(a in attachments: a.ext == \"exe\")", f), kTrue);
    EXPECT_EQ(On("count(a in attachments) == 0", f), kTrue);
    EXPECT_EQ(On("count(i in identifiers: i == \"x\") == 0", f), kTrue);
  }
}

TEST_F(QuantifierTest, NullPredicatesCombineWithKleeneLogic) {
  const Fill one_null = Attachments({{"a", nullptr}, {"b", "pdf"}});
  EXPECT_EQ(On("any(a in attachments: a.ext == \"exe\")", one_null), kNull);
  EXPECT_EQ(On("any(a in attachments: a.ext == \"pdf\")", one_null), kTrue);
  EXPECT_EQ(On("all(a in attachments: a.ext == \"pdf\")", one_null), kNull);
  EXPECT_EQ(On("all(a in attachments: a.ext == \"exe\")", one_null), kFalse);
  EXPECT_EQ(On("none(a in attachments: a.ext == \"exe\")", one_null), kNull);
  EXPECT_EQ(On("none(a in attachments: a.ext == \"pdf\")", one_null), kFalse);
}

TEST_F(QuantifierTest, ScalarArrays) {
  const Fill f = Identifiers({"new_domain", "reply_mismatch"});
  EXPECT_EQ(On("any(i in identifiers: i == \"new_domain\")", f), kTrue);
  EXPECT_EQ(On("all(i in identifiers: i ends_with \"_domain\")", f), kFalse);
  EXPECT_EQ(On("none(i in identifiers: i == \"x\")", f), kTrue);
  EXPECT_EQ(On("count(i in identifiers: i contains \"_\") == 2", f), kTrue);
  EXPECT_EQ(On("count(i in identifiers) == 2", f), kTrue);
}

TEST_F(QuantifierTest, BodyReadsOtherFields) {
  const Fill f = [](auto& b) {
    Attachments({{"Report", "pdf"}})(b);
    b.SetString(FieldId::kSubject, "Report");
  };
  EXPECT_EQ(On("any(a in attachments: a.name == subject)", f), kTrue);
  EXPECT_EQ(On("any(a in attachments: a.name == subject and size > 0)", f), kNull);
}

TEST_F(QuantifierTest, NestedQuantifiers) {
  const Fill f = [](auto& b) {
    Attachments({{"a.exe", "exe"}, {"b.pdf", "pdf"}})(b);
    Identifiers({"exe", "zip"})(b);
  };
  EXPECT_EQ(On("any(a in attachments: any(i in identifiers: i == a.ext))", f), kTrue);
  EXPECT_EQ(On("all(a in attachments: any(i in identifiers: i == a.ext))", f), kFalse);
  EXPECT_EQ(On("count(i in identifiers: none(a in attachments: a.ext == i)) == 1", f), kTrue);
  EXPECT_EQ(On("any(a in attachments: any(b in attachments: a.name != b.name and "
               "a.ext == \"exe\" and b.ext == \"pdf\"))",
               f),
            kTrue);
}

TEST_F(QuantifierTest, QuantifierOverFunctionResult) {
  const Fill f = [](auto& b) { b.SetString(FieldId::kSubject, "a,b,,c"); };
  EXPECT_EQ(On("any(p in split(subject, \",\"): p == \"b\")", f), kTrue);
  EXPECT_EQ(On("count(p in split(subject, \",\")) == 4", f), kTrue);
  EXPECT_EQ(On("any(p in split(subject, \",\"): p == \"x\")", nullptr), kFalse);
}

TEST_F(QuantifierTest, Index) {
  const Fill f = [](auto& b) {
    Attachments({{"a.exe", "exe"}, {"b.pdf", "pdf"}})(b);
    Identifiers({"x", "y"})(b);
  };
  EXPECT_EQ(On("identifiers[0] == \"x\"", f), kTrue);
  EXPECT_EQ(On("identifiers[1] == \"y\"", f), kTrue);
  EXPECT_EQ(On("identifiers[2] == \"y\"", f), kNull);
  EXPECT_EQ(On("identifiers[-1] == \"y\"", f), kNull);
  EXPECT_EQ(On("identifiers[2] is null", f), kTrue);
  EXPECT_EQ(On("attachments[1].ext == \"pdf\"", f), kTrue);
  EXPECT_EQ(On("attachments[5].ext is null", f), kTrue);
  EXPECT_EQ(On("attachments[5] is null", f), kTrue);
  EXPECT_EQ(On("attachments[0] is not null", f), kTrue);
  EXPECT_EQ(On("identifiers[size] == \"x\"", f), kNull);  // null index
  EXPECT_EQ(On("identifiers[0] == \"x\"", nullptr), kNull);
  EXPECT_EQ(On("split(subject, \",\")[1] == \"b\"",
               [](auto& b) { b.SetString(FieldId::kSubject, "a,b"); }),
            kTrue);
}

TEST_F(QuantifierTest, RecipientsMembersAreCaseless) {
  const Fill f = [](auto& b) {
    b.AppendRecord(FieldId::kRecipients);
    b.SetMemberString(FieldId::kRecipientsAddress, "Ann@Acme.com");
    b.SetMemberString(FieldId::kRecipientsDomain, "Acme.com");
  };
  EXPECT_EQ(Truth("any(r in recipients: r.domain == \"ACME.COM\")", f), kTrue);
  EXPECT_EQ(Truth("all(r in recipients: r.address like \"ann@*\")", f), kTrue);
}

}  // namespace
}  // namespace vigil::interp::testing
