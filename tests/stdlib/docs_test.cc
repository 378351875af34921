// docs_test.cc: docs/stdlib.md must equal the rendering of the registry, so the reference can
// never drift from the code; also checks the rendering covers every overload.
#include "stdlib/docs.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "stdlib/registry.h"

namespace vigil::stdlib {
namespace {

TEST(DocsTest, CommittedDocsMatchTheRegistry) {
  const std::string path = std::string(VIGIL_SOURCE_DIR) + "/docs/stdlib.md";
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string rendered = RenderStdlibDocs(Registry::Get());
  EXPECT_TRUE(ss.str() == rendered)
      << path << " is stale; regenerate it with: build/vigil functions --format markdown > "
      << "docs/stdlib.md (or run stdlib_test with VIGIL_UPDATE_DOCS=1)";
  if (ss.str() != rendered && std::getenv("VIGIL_UPDATE_DOCS") != nullptr) {
    std::ofstream(path) << rendered;
  }
}

TEST(DocsTest, EveryOverloadIsDocumented) {
  const std::string md = RenderStdlibDocs(Registry::Get());
  for (const FunctionDef& d : Registry::Get().all()) {
    EXPECT_NE(md.find("`" + Signature(d) + "`"), std::string::npos) << d.name;
    EXPECT_NE(md.find(std::string(d.example)), std::string::npos) << d.name;
  }
  EXPECT_EQ(FunctionLine(*Registry::Get().Overloads("lower")[0]),
            "lower(s: string) -> string  The string with every letter lower-cased (full Unicode "
            "mapping).");
}

}  // namespace
}  // namespace vigil::stdlib
