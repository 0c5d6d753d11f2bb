// docs/ARCHITECTURE.md and the README's "Working on it" describe the tree:
// a stage folder added to lint/ without a word in either fails here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read_doc(const char* name) {
  std::ifstream in(std::filesystem::path(DIGESTLINT_SOURCE_DIR) / name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the architecture notes and the README name every stage folder of lint/") {
  const std::string architecture = read_doc("docs/ARCHITECTURE.md");
  const std::string readme = read_doc("README.md");
  REQUIRE(!architecture.empty());
  std::size_t stages = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(DIGESTLINT_SOURCE_DIR) / "lint")) {
    if (!entry.is_directory()) continue;
    ++stages;
    const std::string stage = entry.path().filename().string();
    INFO("lint/" << stage << "/ is not described in docs/ARCHITECTURE.md (a '**lint/" << stage
                 << "**' paragraph) or in the README's \"Working on it\" ('`" << stage << "/`')");
    CHECK(architecture.find("**lint/" + stage + "**") != std::string::npos);
    CHECK(readme.find("`" + stage + "/`") != std::string::npos);
  }
  CHECK(stages >= 7);
}
