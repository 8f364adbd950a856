// LSP positions in UTF-16 and UTF-8 on the lines that trip converters: Hangul (3 UTF-8 bytes, 1
// UTF-16 unit), emoji outside the BMP (4 bytes, 2 units), CRLF and lone CR line ends.
#include <doctest/doctest.h>

#include <string>

#include "lsp/position_encoding.h"

using namespace hanmark;
using namespace hanmark::lsp;

namespace {

// The text a range covers, decoded the way a client would.
std::string covered(std::string_view text, LspRange range, PositionEncoding encoding) {
  const ByteSpan span = PositionMapper(text, encoding).span(range);
  return std::string(text.substr(span.begin, span.size()));
}

ByteSpan span_of(std::string_view text, std::string_view needle, size_t from = 0) {
  const auto at = static_cast<uint32_t>(text.find(needle, from));
  return {at, at + static_cast<uint32_t>(needle.size())};
}

}  // namespace

TEST_CASE("lsp positions: utf-8 is offered only when the client lists it") {
  CHECK(negotiate_encoding({}) == PositionEncoding::utf16);
  CHECK(negotiate_encoding({"utf-16"}) == PositionEncoding::utf16);
  CHECK(negotiate_encoding({"utf-32"}) == PositionEncoding::utf16);
  CHECK(negotiate_encoding({"utf-16", "utf-8"}) == PositionEncoding::utf8);
  CHECK(to_string(PositionEncoding::utf8) == "utf-8");
  CHECK(to_string(PositionEncoding::utf16) == "utf-16");
}

TEST_CASE("lsp positions: a word after Hangul on a line") {
  const std::string text = "# 제목\n\n한국어 문장 Enginner 입니다.\n";
  const ByteSpan word = span_of(text, "Enginner");
  const LspRange utf16 = PositionMapper(text, PositionEncoding::utf16).range(word);
  CHECK(utf16 == LspRange{{2, 7}, {2, 15}});
  const LspRange utf8 = PositionMapper(text, PositionEncoding::utf8).range(word);
  CHECK(utf8 == LspRange{{2, 17}, {2, 25}});
  CHECK(covered(text, utf16, PositionEncoding::utf16) == "Enginner");
  CHECK(covered(text, utf8, PositionEncoding::utf8) == "Enginner");
  // The other encoding's numbers cover other text: the test would catch a mix-up.
  CHECK(covered(text, utf8, PositionEncoding::utf16) != "Enginner");
}

TEST_CASE("lsp positions: emoji take two UTF-16 units and four bytes") {
  const std::string text = "😀 한 Enginner 👩‍💻 x";
  const ByteSpan word = span_of(text, "Enginner");
  CHECK(PositionMapper(text, PositionEncoding::utf16).range(word) == LspRange{{0, 5}, {0, 13}});
  CHECK(PositionMapper(text, PositionEncoding::utf8).range(word) == LspRange{{0, 9}, {0, 17}});
  // A ZWJ sequence: 👩 (2) ZWJ (1) 💻 (2) units.
  const ByteSpan x = span_of(text, "x");
  CHECK(PositionMapper(text, PositionEncoding::utf16).position(x.begin) == LspPosition{0, 20});
  for (const auto encoding : {PositionEncoding::utf16, PositionEncoding::utf8}) {
    const PositionMapper mapper(text, encoding);
    CHECK(covered(text, mapper.range(word), encoding) == "Enginner");
    CHECK(mapper.offset(mapper.position(x.begin)) == x.begin);
  }
}

TEST_CASE("lsp positions: CRLF and lone CR end lines, and a final newline opens a last line") {
  const std::string text = "가\r\nb 나 Enginner\rc\n";
  const PositionMapper utf16(text, PositionEncoding::utf16);
  CHECK(utf16.line_count() == 4);
  CHECK(utf16.range(span_of(text, "Enginner")) == LspRange{{1, 4}, {1, 12}});
  CHECK(utf16.position(span_of(text, "c").begin) == LspPosition{2, 0});
  CHECK(utf16.position(static_cast<uint32_t>(text.size())) == LspPosition{3, 0});
  // An offset between \r and \n is the end of the line's content.
  CHECK(utf16.position(4) == LspPosition{0, 1});
  CHECK(utf16.offset({0, 1}) == 3);
  CHECK(utf16.offset({1, 0}) == 5);
}

TEST_CASE("lsp positions: out-of-range positions clamp") {
  const std::string text = "한국어\nab\n";
  for (const auto encoding : {PositionEncoding::utf16, PositionEncoding::utf8}) {
    const PositionMapper mapper(text, encoding);
    CHECK(mapper.offset({0, 999}) == 9);  // past the line's end: its end, before "\n"
    CHECK(mapper.offset({1, 999}) == 12);
    CHECK(mapper.offset({7, 3}) == text.size());              // past the last line: the end
    CHECK(mapper.span({{1, 2}, {0, 0}}) == ByteSpan{0, 12});  // reversed: the range between
  }
  // Inside a character: its start.
  const std::string emoji = "a😀b";
  CHECK(PositionMapper(emoji, PositionEncoding::utf16).offset({0, 2}) == 1);
  CHECK(PositionMapper(emoji, PositionEncoding::utf8).offset({0, 3}) == 1);
  CHECK(PositionMapper(emoji, PositionEncoding::utf16).offset({0, 3}) == 5);
}

TEST_CASE("lsp positions: every offset survives the round trip") {
  const std::string text = "# 딥 러닝 😀\r\n\r\n**\"엔지니어\"**가 Enginner\n\t끝";
  for (const auto encoding : {PositionEncoding::utf16, PositionEncoding::utf8}) {
    const PositionMapper mapper(text, encoding);
    for (uint32_t offset = 0; offset <= text.size(); ++offset) {
      const bool boundary =
          offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
      const bool in_crlf =
          offset > 0 && text[offset - 1] == '\r' && offset < text.size() && text[offset] == '\n';
      if (!boundary || in_crlf) continue;
      CHECK_MESSAGE(mapper.offset(mapper.position(offset)) == offset, "offset " << offset);
    }
  }
}
