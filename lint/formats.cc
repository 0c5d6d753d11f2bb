#include "formats.h"

#include <fmt/format.h>

namespace digestlint {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json") return OutputFormat::Json;
  return std::nullopt;
}

std::string_view format_names() {
  return "text, json";
}

void write_report(OutputFormat format, std::ostream& out, std::span<const FileReport> reports,
                  const OutputOptions& options) {
  switch (format) {
    case OutputFormat::Text:
      write_text(out, reports, options);
      break;
    case OutputFormat::Json:
      write_json(out, reports);
      break;
  }
}

std::string summary_line(const Totals& t) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string line =
      fmt::format("{}, {}, {} in {}", plural(t.errors, "error"), plural(t.warnings, "warning"),
                  plural(t.infos, "info"), plural(t.files, "file"));
  if (t.fixes > 0) line += fmt::format("; {} fixed", plural(t.fixes, "finding"));
  if (t.failed_files > 0)
    line += fmt::format("; {} could not be processed", plural(t.failed_files, "file"));
  return line;
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02x}", c);
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) < 0xA0) {
      // C1 controls (U+0080..U+009F), which some terminals obey like ESC.
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace digestlint
