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
  const Case cases[] = {
      {"any(a in attachments: a.ext == \"exe\")", kTrue},
      {"any(a in attachments: a.ext == \"js\")", kFalse},
      {"all(a in attachments: a.name contains \".\")", kTrue},
      {"all(a in attachments: a.ext == \"exe\")", kFalse},
      {"none(a in attachments: a.ext == \"js\")", kTrue},
      {"none(a in attachments: a.ext == \"pdf\")", kFalse},
  };
  ExpectCases(f, cases, "process");
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
  const Case cases[] = {
      {"count(a in attachments: a.ext == \"exe\") == 2", kTrue},
      {"count(a in attachments) == 3", kTrue},
  };
  ExpectCases(f, cases, "process");
  EXPECT_EQ(On("count(a in attachments: a.ext != \"exe\") == 0", f), kTrue);  // null not counted
}

TEST_F(QuantifierTest, NullAndEmptyArraysBehaveAsEmpty) {
  for (const Fill& f : {Fill(nullptr), Attachments({})}) {
    const Case cases[] = {
        {"any(a in attachments: a.ext == \"exe\")", kFalse},
        {"all(a in attachments: a.ext == \"exe\")", kTrue},
        {"none(a in attachments: a.ext == \"exe\")", kTrue},
        {"count(a in attachments) == 0", kTrue},
        {"count(i in identifiers: i == \"x\") == 0", kTrue},
    };
    ExpectCases(f, cases, "process");
  }
}

TEST_F(QuantifierTest, NullPredicatesCombineWithKleeneLogic) {
  const Fill one_null = Attachments({{"a", nullptr}, {"b", "pdf"}});
  const Case cases[] = {
      {"any(a in attachments: a.ext == \"exe\")", kNull},
      {"any(a in attachments: a.ext == \"pdf\")", kTrue},
      {"all(a in attachments: a.ext == \"pdf\")", kNull},
      {"all(a in attachments: a.ext == \"exe\")", kFalse},
      {"none(a in attachments: a.ext == \"exe\")", kNull},
      {"none(a in attachments: a.ext == \"pdf\")", kFalse},
  };
  ExpectCases(one_null, cases, "process");
}

TEST_F(QuantifierTest, ScalarArrays) {
  const Fill f = Identifiers({"new_domain", "reply_mismatch"});
  const Case cases[] = {
      {"any(i in identifiers: i == \"new_domain\")", kTrue},
      {"all(i in identifiers: i ends_with \"_domain\")", kFalse},
      {"none(i in identifiers: i == \"x\")", kTrue},
      {"count(i in identifiers: i contains \"_\") == 2", kTrue},
      {"count(i in identifiers) == 2", kTrue},
  };
  ExpectCases(f, cases, "process");
}

TEST_F(QuantifierTest, BodyReadsOtherFields) {
  const Fill f = [](auto& b) {
    Attachments({{"Report", "pdf"}})(b);
    b.SetString(FieldId::kSubject, "Report");
  };
  const Case cases[] = {
      {"any(a in attachments: a.name == subject)", kTrue},
      {"any(a in attachments: a.name == subject and size > 0)", kNull},
  };
  ExpectCases(f, cases, "process");
}

TEST_F(QuantifierTest, NestedQuantifiers) {
  const Fill f = [](auto& b) {
    Attachments({{"a.exe", "exe"}, {"b.pdf", "pdf"}})(b);
    Identifiers({"exe", "zip"})(b);
  };
  const Case cases[] = {
      {"any(a in attachments: any(i in identifiers: i == a.ext))", kTrue},
      {"all(a in attachments: any(i in identifiers: i == a.ext))", kFalse},
      {"count(i in identifiers: none(a in attachments: a.ext == i)) == 1", kTrue},
  };
  ExpectCases(f, cases, "process");
  EXPECT_EQ(On("any(a in attachments: any(b in attachments: a.name != b.name and "
               "a.ext == \"exe\" and b.ext == \"pdf\"))",
               f),
            kTrue);
}

TEST_F(QuantifierTest, QuantifierOverFunctionResult) {
  const Fill f = [](auto& b) { b.SetString(FieldId::kSubject, "a,b,,c"); };
  const Case cases[] = {
      {"any(p in split(subject, \",\"): p == \"b\")", kTrue},
      {"count(p in split(subject, \",\")) == 4", kTrue},
  };
  ExpectCases(f, cases, "process");
  ExpectCases(nullptr, {{"any(p in split(subject, \",\"): p == \"x\")", kFalse}}, "process");
}

TEST_F(QuantifierTest, Index) {
  const Fill f = [](auto& b) {
    Attachments({{"a.exe", "exe"}, {"b.pdf", "pdf"}})(b);
    Identifiers({"x", "y"})(b);
  };
  const Case cases[] = {
      {"identifiers[0] == \"x\"", kTrue},    {"identifiers[1] == \"y\"", kTrue},
      {"identifiers[2] == \"y\"", kNull},    {"identifiers[-1] == \"y\"", kNull},
      {"identifiers[2] is null", kTrue},     {"attachments[1].ext == \"pdf\"", kTrue},
      {"attachments[5].ext is null", kTrue}, {"attachments[5] is null", kTrue},
      {"attachments[0] is not null", kTrue},
  };
  ExpectCases(f, cases, "process");
  EXPECT_EQ(On("identifiers[size] == \"x\"", f), kNull);  // null index
  ExpectCases(nullptr, {{"identifiers[0] == \"x\"", kNull}}, "process");
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
  const Case cases[] = {
      {"any(r in recipients: r.domain == \"ACME.COM\")", kTrue},
      {"all(r in recipients: r.address like \"ann@*\")", kTrue},
  };
  ExpectCases(f, cases);
}

}  // namespace
}  // namespace vigil::interp::testing
