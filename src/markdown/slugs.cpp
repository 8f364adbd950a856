#include "markdown/slugs.h"

#include <cmark-gfm.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/node.h"

namespace hanmark {

namespace {

// github-slugger keeps letters, marks, decimal and letter numbers, connector punctuation and
// anything alphabetic (a few symbols such as circled letters are), plus ' ' and '-'.
bool kept_in_slug(char32_t cp) {
  if (cp == ' ' || cp == '-') return true;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_CONNECTOR_PUNCTUATION:
      return true;
    default:
      return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_ALPHABETIC);
  }
}

bool is_variation_selector(char32_t cp) {
  return cp == 0xFE0E || cp == 0xFE0F;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string heading_text(cmark_node* heading) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(heading);
  cmark_event_type event;
  cmark_node* skipping = nullptr;  // an image: its alt text is not rendered text
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (skipping) {
      if (node == skipping && event == CMARK_EVENT_EXIT) skipping = nullptr;
      continue;
    }
    if (event != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        text.append(literal_of(node));
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        text += '\n';
        break;
      case CMARK_NODE_IMAGE:
        if (cmark_node_first_child(node)) skipping = node;
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return text;
}

std::optional<std::string> without_heading_attributes(std::string_view text) {
  text = trim(text);
  if (!text.ends_with('}')) return std::nullopt;
  const size_t open = text.rfind('{');
  // `{#id}`, `{: #id}`, `{.class}` and `{/*id*/}` (which renders as "{/id/}": '*' is emphasis).
  if (open == std::string_view::npos || open + 1 >= text.size() ||
      std::string_view("#/:.").find(text[open + 1]) == std::string_view::npos)
    return std::nullopt;
  return std::string(trim(text.substr(0, open)));
}

std::string to_lower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::string github_slug(std::string_view text) {
  const std::string lower = to_lower(text);
  std::string slug;
  for (size_t i = 0; i < lower.size();) {
    const utf8::Decoded d = utf8::decode(lower, i);
    if (d.code_point != utf8::kInvalid && kept_in_slug(d.code_point)) {
      if (d.code_point == ' ')
        slug += '-';
      else
        slug.append(lower, i, d.length);
    }
    i += d.length;
  }
  return slug;
}

std::string SlugCounter::unique(const std::string& slug) {
  std::string result = slug;
  while (occurrences_.contains(result)) {
    const int n = ++occurrences_[slug];
    result = slug + "-" + std::to_string(n);
  }
  occurrences_[result] = 0;
  return result;
}

bool percent_decode(std::string_view text, std::string& out) {
  out.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return utf8::find_invalid(out) == std::string_view::npos && out.find('\0') == std::string::npos;
}

std::string fold_fragment(std::string_view fragment) {
  std::string decoded;
  if (!percent_decode(fragment, decoded)) decoded = std::string(fragment);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(decoded.data(), static_cast<int32_t>(decoded.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString normalized = nfc->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = normalized;
  }
  std::string lower;
  unicode.toLower(icu::Locale::getRoot()).toUTF8String(lower);
  std::string folded;
  for (size_t i = 0; i < lower.size();) {
    const utf8::Decoded d = utf8::decode(lower, i);
    if (!is_variation_selector(d.code_point)) folded.append(lower, i, d.length);
    i += d.length;
  }
  return folded;
}

}  // namespace hanmark
