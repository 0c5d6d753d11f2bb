// Which files are digests (lint/config/schema_select.h), which are text
// (not_text_reason) and which a directory walk finds (expand_path with
// .gitignore through libgit2).
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unicode/utf8.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/files.h"
#include "config/schema_loader.h"
#include "config/schema_select.h"
#include "digestlint/schema.h"

using namespace digestlint;
namespace fs = std::filesystem;

namespace {

std::string claimed(std::string_view text) {
  const auto claim = claim_schema(text);
  return claim ? std::string(claim->schema) : std::string("-");
}

ClaimBasis basis(std::string_view text) {
  const auto claim = claim_schema(text);
  REQUIRE(claim);
  return claim->basis;
}

constexpr std::string_view kModernSections =
    "### Tools\nN/A\n\n### malware campaign\nN/A\n\n### security report\nN/A\n\n"
    "### cybercrime topics\nN/A\n\n### 日々のニュース要約\n\n### 日本のインシデント事例\nN/A\n\n"
    "### その他のメモ\nN/A\n";

}  // namespace

TEST_CASE("a schema claims a file by its title", "[claim]") {
  CHECK(claimed("# Daily Security Info\n\n### Tools\n") == "daily-security-info");
  CHECK(claimed("# 日々のニュース要約\n\n## 課題\n") == "daily-security-info-2023");
  CHECK(claimed("\xEF\xBB\xBF\n# 日々のニュース要約 #\r\n") == "daily-security-info-2023");
  CHECK(claimed("Daily Security Info\n===\n") == "daily-security-info");  // setext
  // Code is not a heading; the H1 after it is the title.
  CHECK(claimed("```\n# 日々のニュース要約\n```\n# Daily Security Info\n") ==
        "daily-security-info");
  CHECK(basis("# Daily Security Info\n") == ClaimBasis::Title);
  // Case and width do not matter (fold_for_match).
  CHECK(basis("# daily security info\n") == ClaimBasis::Title);
  CHECK(basis("# Ｄａｉｌｙ Security Info\n") == ClaimBasis::Title);
  // A title at the wrong level is still the title when there is no H1.
  CHECK(claimed("## Daily Security Info\n") == "daily-security-info");
  // First lines read without the scanner (a plain "# Title"), and those
  // left to it (closing hashes, spaces, CRLF, an indent), claim alike.
  for (const char* first :
       {"# Daily Security Info\n", "# Daily Security Info\r\n", "# Daily Security Info ##\n",
        "#   Daily Security Info  \n", "   # Daily Security Info\n", "# Daily Security Info"}) {
    INFO(first);
    CHECK(basis(std::string(first) + "\n### Tools\n") == ClaimBasis::Title);
  }
  CHECK(basis("# Daily Security Inf\n") == ClaimBasis::NearTitle);
}

TEST_CASE("a near miss of a schema's title claims the file", "[claim]") {
  CHECK(claimed("# Daily Securty Info\n") == "daily-security-info");
  CHECK(basis("# Daily Securty Info\n") == ClaimBasis::NearTitle);
  CHECK(claimed("# 日々のニュース要約。\n") == "daily-security-info-2023");
  // Far from every title: not a digest.
  CHECK(claimed("# Daily Standup Notes\n") == "-");
}

TEST_CASE("without a schema's title, most of its sections claim the file", "[claim]") {
  // The template with its title deleted, and a dated title.
  CHECK(claimed(kModernSections) == "daily-security-info");
  CHECK(basis(kModernSections) == ClaimBasis::Sections);
  CHECK(claimed("# 2024-05-01\n\n" + std::string(kModernSections)) == "daily-security-info");
  CHECK(claimed("## 課題\n## 概要\n## ニュース\n## 日本の侵害事例\n") ==
        "daily-security-info-2023");
  // Half the sections or fewer: a note about the format, not a digest.
  CHECK(claimed("# Team notes\n\n## Tools\n\n## security report\n\n## malware campaign\n") == "-");
}

TEST_CASE("long files: the title is looked for early, then in the whole file", "[claim]") {
  const std::string body(9000, 'x');
  CHECK(claimed("# 日々のニュース要約\n\n" + body + "\n") == "daily-security-info-2023");
  CHECK(claimed("Daily Security Info\n===\n\n" + body + "\n") == "daily-security-info");
  // The first H1 after the first 4 KiB still decides.
  CHECK(claimed(body + "\n\n# 日々のニュース要約\n") == "daily-security-info-2023");
  // A fence opened early and closed late hides a title-looking line.
  CHECK(claimed("```\n" + body + "\n# Daily Security Info\n```\n# Changelog\n") == "-");
  // A non-claiming early H1 falls back to the sections.
  CHECK(claimed("# 2024-05-01\n" + body + "\n" + std::string(kModernSections)) ==
        "daily-security-info");
}

TEST_CASE("non-digests are claimed by no schema", "[claim]") {
  CHECK(claimed("") == "-");
  CHECK(claimed("no title at all\n") == "-");
  CHECK(claimed("#日々のニュース要約\n") == "-");  // not a heading
  CHECK(claimed("# My team repo\n\nHow we write the Daily Security Info digests.\n") == "-");
  CHECK(claimed("# Changelog\n\n## 0.2.0\n\n- security report section renamed\n") == "-");
  CHECK(claimed("# Security notes\n\n## Tools we use\n\n## Incidents\n") == "-");
  // A digest quoted in a fence is an example, not the file's own headings.
  CHECK(claimed("# Writing guide\n\n```markdown\n# Daily Security Info\n" +
                std::string(kModernSections) + "```\n") == "-");
  // resolve_schema_for keeps answering with the default for them.
  CHECK(resolve_schema_for("# Changelog\n") == builtin_schema_names().front());
}

TEST_CASE("binary files are not text; damaged UTF-8 digests are", "[text]") {
  CHECK(not_text_reason("# Daily Security Info\n\n- 日本語\n").empty());
  CHECK(not_text_reason("").empty());
  // A few stray bytes are invalid-utf8's findings, not a binary file.
  CHECK(not_text_reason("# Daily Security Info\n- 攻撃者は\x82\xa0を使用した\n").empty());
  CHECK(not_text_reason("tab\tform\f escape\x1b[0m\r\n").empty());
  // A stray NUL is invisible-character's finding; a file of them is binary.
  constexpr char kStrayNul[] = "# Title\n\0rest of the digest\n";
  CHECK(not_text_reason(std::string(kStrayNul, sizeof kStrayNul - 1)).empty());
  CHECK(not_text_reason(std::string(100, '\0')).find("100% of its first 100 bytes") !=
        std::string::npos);
  // UTF-16: NUL bytes. Shift_JIS: mostly not UTF-8.
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string_view("# Daily Security Info\n"))
    utf16 += std::string{c, '\0'};
  CHECK_FALSE(not_text_reason(utf16).empty());
  std::string sjis;
  for (int i = 0; i < 40; ++i)
    sjis += "\x93\xfa\x96\x7b\x8c\xea ";  // 日本語 in Shift_JIS
  CHECK(not_text_reason(sjis).find("Shift_JIS") != std::string::npos);
  // Control characters that are no text.
  std::string controls;
  for (int i = 0; i < 64; ++i)
    controls += std::string("a\x01\x02\x03", 4);
  CHECK_FALSE(not_text_reason(controls).empty());
}

TEST_CASE("not_text_reason counts bad bytes exactly, 16 bytes at a time or not", "[text]") {
  // Pieces that land anywhere in its 16-byte windows: plain kana and ASCII
  // it steps over, and what makes it look closer (controls, ill-formed,
  // truncated or 2- and 4-byte characters, E0/ED leads).
  const std::vector<std::string> pieces = {"日本語",
                                           "abc ",
                                           "\n",
                                           "\x01",
                                           "\x82",
                                           "\xe3\x81",
                                           "é",
                                           "\xf0\x9f\x98\x80",
                                           "\t",
                                           "\x7f",
                                           "\xed\x9f\xbf",
                                           "\xe0\xa0\x80",
                                           "\xed\xa0\x80",
                                           "\x1b",
                                           "\0",
                                           "。"};
  auto reference_bad = [](std::string_view text) {
    std::size_t bad = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < n;) {
      const std::int32_t at = i;
      UChar32 c;
      U8_NEXT(p, i, n, c);
      const bool control = c >= 0 && (c < 0x20 || c == 0x7F) && c != '\t' && c != '\n' &&
                           c != '\r' && c != '\f' && c != 0x1B;
      if (c < 0 || control) bad += static_cast<std::size_t>(i - at);
    }
    return bad;
  };
  std::uint32_t seed = 12345;
  int text_files = 0;
  int binary_files = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const int length = 1 + round % 60;
    for (int k = 0; k < length; ++k) {
      seed = seed * 1103515245u + 12345u;
      // Every other input mostly plain text, so that both answers come up.
      const std::size_t pick = (seed >> 16) % (round % 2 == 0 ? 16 : 64);
      text += pieces[pick < pieces.size() ? pick : pick % 3];
    }
    const std::size_t bad = reference_bad(text);
    const std::string reason = not_text_reason(text);
    INFO(text);
    // Under 64 KiB the well-formedness check_text reports is exact.
    bool well_formed = true;
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    for (std::int32_t i = 0, n = static_cast<std::int32_t>(text.size()); i < n && well_formed;) {
      UChar32 c;
      U8_NEXT(p, i, n, c);
      well_formed = c >= 0;
    }
    CHECK(check_text(text).well_formed == well_formed);
    // 16-byte steps only (where the processor has 32): the same answers.
    const TextVerdict narrow = check_text(text, false);
    CHECK(narrow.not_text == reason);
    CHECK(narrow.well_formed == well_formed);
    if (bad < 8 || bad * 10 < text.size()) {
      ++text_files;
      CHECK(reason.empty());
    } else {
      ++binary_files;
      CHECK(reason.find(std::to_string(bad * 100 / text.size()) + "% of its first") !=
            std::string::npos);
    }
  }
  // Both answers came up.
  CHECK(text_files > 50);
  CHECK(binary_files > 50);
}

TEST_CASE("check_text says whether the whole file is well-formed, past 64 KiB too", "[text]") {
  std::string text;
  while (text.size() < (std::size_t{200} << 10))
    text += "- 攻撃者は Cobalt Strike を使用した。\n";
  CHECK(check_text(text).well_formed);
  // One bad byte far past the sample: still text, not well-formed.
  std::string late = text;
  late[150000] = '\x82';
  CHECK(check_text(late).not_text.empty());
  CHECK_FALSE(check_text(late).well_formed);
  // One bad byte early, among plain text: the same.
  std::string early = text;
  early[100] = '\xff';
  CHECK_FALSE(check_text(early).well_formed);
  // A damaged byte or a cut character at each place a 16- or 32-byte step
  // can start or end, in both step widths.
  std::string small;  // under the 64 KiB sample: exact answers
  while (small.size() < 4000)
    small += "- 攻撃者は Cobalt Strike を使用した。\n";
  for (std::size_t at = 0; at < 100; ++at) {
    for (const bool widest : {true, false}) {
      INFO("at " << at << (widest ? " widest" : " narrow"));
      std::string damaged = small;
      damaged[at] = '\xff';  // never in UTF-8
      CHECK_FALSE(check_text(damaged, widest).well_formed);
      const bool starts_character = (static_cast<unsigned char>(small[at]) & 0xC0) != 0x80;
      CHECK(check_text(std::string_view(small).substr(at), widest).well_formed == starts_character);
      if (starts_character) {
        std::string cut = small.substr(0, at) + "\xe6\x97" + small.substr(at);
        CHECK_FALSE(check_text(cut, widest).well_formed);
      }
    }
  }
  // A character across the sample's end (64 KiB) is well-formed; check_text
  // may say it does not know (false), never that a damaged file is fine.
  for (std::size_t shift = 0; shift < 3; ++shift) {
    std::string straddle =
        std::string((std::size_t{64} << 10) - 1 - shift, 'a') + "日本語\n" + text;
    const TextVerdict verdict = check_text(straddle);
    CHECK(verdict.not_text.empty());
    std::string damaged = straddle;
    damaged.back() = '\xe3';  // a truncated character at the very end
    CHECK_FALSE(check_text(damaged).well_formed);
  }
}

namespace {

class WalkDir {
 public:
  WalkDir() {
    std::string pattern = (fs::temp_directory_path() / "digestlint-walk-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = fs::canonical(pattern);
  }
  ~WalkDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  void write(const fs::path& relative, std::string_view text = "# x\n") const {
    fs::create_directories((path_ / relative).parent_path());
    std::ofstream(path_ / relative, std::ios::binary) << text;
  }
  std::vector<std::string> walk(const WalkOptions& options, WalkNotes& notes) const {
    std::vector<fs::path> found;
    Error error;
    REQUIRE(expand_path(path_.string(), options, found, notes, error));
    std::vector<std::string> out;
    for (const fs::path& p : found)
      out.push_back(p.lexically_relative(path_).generic_string());
    return out;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

TEST_CASE("a walk skips what git ignores, asking before it descends", "[walk]") {
  WalkDir dir;
  REQUIRE(std::system(("git init -q " + dir.path().string()).c_str()) == 0);
  dir.write(".gitignore", "node_modules\n*.log.md\n!keep.log.md\nbuild/\n");
  dir.write("sub/.gitignore", "local.md\n");
  dir.write(".git/info/exclude", "private.md\n");
  for (const char* f : {"a.md", "node_modules/pkg/README.md", "x.log.md", "keep.log.md",
                        "build/out.md", "sub/local.md", "sub/b.md", "private.md", ".hidden/c.md"})
    dir.write(f);
  WalkNotes notes;
  CHECK(dir.walk({}, notes) == std::vector<std::string>{"a.md", "keep.log.md", "sub/b.md"});
  CHECK(notes.ignored == 5);  // node_modules/, build/, x.log.md, sub/local.md, private.md
  // --no-respect-gitignore: everything but hidden directories.
  WalkNotes all;
  CHECK(dir.walk(WalkOptions{.respect_gitignore = false}, all) ==
        std::vector<std::string>{"a.md", "build/out.md", "keep.log.md",
                                 "node_modules/pkg/README.md", "private.md", "sub/b.md",
                                 "sub/local.md", "x.log.md"});
  CHECK(all.ignored == 0);
  // An ignored directory named outright is walked whole.
  std::vector<fs::path> found;
  Error error;
  WalkNotes named;
  REQUIRE(expand_path((dir.path() / "node_modules").string(), {}, found, named, error));
  CHECK(found.size() == 1);
}

TEST_CASE("outside a git repository nothing is ignored", "[walk]") {
  WalkDir dir;
  dir.write(".gitignore", "*.md\n");
  dir.write("a.md");
  WalkNotes notes;
  // Unless the temporary directory itself is inside a repository.
  if (std::system(("git -C " + dir.path().string() + " rev-parse 2>/dev/null").c_str()) == 0) {
    WARN("skipped: the temporary directory is inside a git repository");
    return;
  }
  CHECK(dir.walk({}, notes) == std::vector<std::string>{"a.md"});
}

TEST_CASE("a walk skips FIFOs and sockets with a note; named outright they are inputs", "[walk]") {
  WalkDir dir;
  dir.write("a.md");
  REQUIRE(mkfifo((dir.path() / "pipe.md").c_str(), 0600) == 0);
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string socket_path = (dir.path() / "sock.md").string();
  REQUIRE(socket_path.size() < sizeof addr.sun_path);
  std::strcpy(addr.sun_path, socket_path.c_str());
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  fs::create_symlink(dir.path() / "gone.md", dir.path() / "dangling.md");
  WalkNotes notes;
  CHECK(dir.walk({}, notes) == std::vector<std::string>{"a.md"});
  close(fd);
  REQUIRE(notes.skipped.size() == 3);
  std::vector<std::string> seen;
  for (const SkippedEntry& s : notes.skipped)
    seen.push_back(fs::path(s.path).filename().string() + ": " + s.why);
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<std::string>{"dangling.md: a broken symbolic link, not a regular file",
                                         "pipe.md: a FIFO, not a regular file",
                                         "sock.md: a socket, not a regular file"});
  std::vector<fs::path> found;
  Error error;
  REQUIRE(expand_path((dir.path() / "pipe.md").string(), {}, found, notes, error));
  CHECK(found.size() == 1);
}
