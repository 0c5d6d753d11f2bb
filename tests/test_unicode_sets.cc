// The Unicode sets computed at build time (lint/model/unicode_sets.def,
// cmake/unicode_sets_gen.cc) are the sets ICU builds from their patterns,
// and every set the rules ask for is among them.
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "config/schema_loader.h"
#include "digestlint/prose.h"
#include "engine/linter.h"
#include "engine/registry.h"

namespace digestlint {
namespace {

constexpr const char16_t* kListed[] = {
#define DIGESTLINT_UNICODE_SET(pattern) pattern,
#include "model/unicode_sets.def"
#undef DIGESTLINT_UNICODE_SET
};

std::string utf8(const char16_t* pattern) {
  std::string out;
  icu::UnicodeString(pattern).toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("each build-time set equals ICU's set of its pattern", "[unicode-sets]") {
  for (const char16_t* pattern : kListed) {
    INFO(utf8(pattern));
    const std::unique_ptr<icu::UnicodeSet> prebuilt(prose::prebuilt_set(pattern));
    // Built with this very ICU: a missing set is a broken build step.
    REQUIRE(prebuilt != nullptr);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeSet parsed{icu::UnicodeString(pattern), status};
    REQUIRE(U_SUCCESS(status));
    CHECK(*prebuilt == parsed);
    CHECK(prebuilt->size() == parsed.size());
  }
  CHECK(prose::prebuilt_set(u"[\\u0041-\\u005A]") == nullptr);  // not listed
}

TEST_CASE("every set the rules ask for is computed at build time", "[unicode-sets]") {
  // Every rule on, over every fixture: the rules reach their sets.
  Settings settings;
  for (const RuleInfo* r : all_rules())
    settings.rules[std::string(r->code)].severity =
        r->default_severity == Severity::Off ? Severity::Warning : r->default_severity;
  Error error;
  auto schema = load_schema(builtin_schema_names().front(), error);
  REQUIRE(schema != nullptr);
  const Linter linter(schema, settings);
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DIGESTLINT_FIXTURES_DIR)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    linter.lint(text.str());
    ++files;
  }
  CHECK(files > 50);
  const std::vector<std::u16string> unlisted = prose::unlisted_set_patterns();
  for (const std::u16string& p : unlisted)
    FAIL_CHECK("not in lint/model/unicode_sets.def: " << utf8(p.c_str()));
  // The check itself works: an unlisted pattern is seen.
  // (Kept in a static, as rules keep theirs: frozen sets live until exit.)
  static const icu::UnicodeSet& probe = prose::frozen_set(u"[\\u0041-\\u005A]");
  CHECK(probe.contains(U'Q'));
  CHECK(prose::unlisted_set_patterns().size() == unlisted.size() + 1);
}

}  // namespace digestlint
