// The streamed writers' building blocks: JSON written without a document
// tree must match nlohmann-json's dump byte for byte, and the ordered run
// must hand results over in input order whatever the workers' timing.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <sstream>
#include <thread>

#include "engine/ordered_run.h"
#include "output/json_emit.h"
#include "output/writer.h"

namespace digestlint {

namespace {

std::string nlohmann_dump(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST_CASE("JSON strings are escaped as nlohmann-json escapes them") {
  const std::string samples[] = {
      "",
      "plain",
      "quote \" backslash \\ slash /",
      std::string("controls \b\f\n\r\t \x01 \x1f \x7f end"),
      std::string("nul \0 inside", 12),
      "日本語の見出し・全角　スペース",
      "emoji \xF0\x9F\x94\x92 and U+FFFF \xEF\xBF\xBF",
      "invalid \xC3 lead",
      "overlong \xC0\xAF and surrogate \xED\xA0\x80 and \xF4\x90\x80\x80",
      "truncated at the end \xE6\x97",
      "\xFF\xFE",
  };
  for (const std::string& s : samples) {
    std::string out;
    append_json_string(out, s);
    CHECK(out == nlohmann_dump(s));
  }
  // Plain ASCII goes eight bytes at a time: a special byte at every place
  // of such a step, and the bytes next to the range it looks for.
  const std::string specials[] = {
      "\"", "\\", "\n", std::string(1, '\0'), "\x1f", " ", "!", "\x7f", "[", "]", "é", "\xC3"};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at < 18; ++at) {
      const std::string s = std::string(at, 'a') + special + std::string(9, 'b');
      std::string out;
      append_json_string(out, s);
      CHECK(out == nlohmann_dump(s));
    }
  }
}

TEST_CASE("JsonEmitter prints documents as nlohmann's dump does") {
  using json = nlohmann::ordered_json;
  const json doc = {{"a", 1},
                    {"empty_array", json::array()},
                    {"empty_object", json::object()},
                    {"list", {json::object({{"x", "y"}}), 2}},
                    {"nested", {{"deep", {{"flag", true}, {"off", false}}}}}};
  for (int indent : {-1, 2}) {
    std::string out;
    JsonEmitter j(out, indent);
    j.begin_object();
    j.field("a", std::uint64_t{1});
    j.key("empty_array");
    j.begin_array();
    j.end_array();
    j.key("empty_object");
    j.begin_object();
    j.end_object();
    j.key("list");
    j.begin_array();
    j.begin_object();
    j.field("x", "y");
    j.end_object();
    j.value(std::uint64_t{2});
    j.end_array();
    j.key("nested");
    j.begin_object();
    j.key("deep");
    j.begin_object();
    j.key("flag");
    j.boolean(true);
    j.key("off");
    j.boolean(false);
    j.end_object();
    j.end_object();
    j.end_object();
    CHECK(out == doc.dump(indent));
  }
}

TEST_CASE("run_in_order hands results over in input order") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    std::vector<std::string> seen;
    std::atomic<std::size_t> waiting{0};
    std::size_t most_waiting = 0;
    OrderedRun run;
    run.count = 200;
    run.jobs = jobs;
    run.window = 3;
    run.lint = [&](std::size_t i, unsigned worker) {
      CHECK(worker < jobs);
      // Early inputs slowest, so later ones finish first.
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
      FileReport r;
      r.path = std::to_string(i);
      ++waiting;
      return r;
    };
    run.emit = [&](FileReport&& r) {
      most_waiting = std::max<std::size_t>(most_waiting, waiting.load());
      --waiting;
      seen.push_back(std::move(r.path));
    };
    run_in_order(run);
    REQUIRE(seen.size() == 200);
    for (std::size_t i = 0; i < seen.size(); ++i)
      CHECK(seen[i] == std::to_string(i));
    // The window bounds what waits (the one being emitted included).
    CHECK(most_waiting <= run.window + jobs);
  }
}

TEST_CASE("SpillFile gives back everything written, in order") {
  SpillFile spill;
  std::string expected;
  for (int i = 0; i < 20000; ++i) {
    const std::string piece = "line " + std::to_string(i) + "\n";
    spill.write(piece);
    expected += piece;
  }
  std::ostringstream out;
  spill.copy_to(out);
  CHECK(out.str() == expected);
}

}  // namespace digestlint
