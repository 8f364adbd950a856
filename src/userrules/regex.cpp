#include "userrules/regex.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace hanmark::userrules {

namespace {

// Steps of ICU's match engine one find() may take (roughly milliseconds).
constexpr int32_t kTimeLimit = 500;

std::string describe(UErrorCode status) {
  switch (status) {
    case U_REGEX_RULE_SYNTAX:
      return "syntax error";
    case U_REGEX_BAD_ESCAPE_SEQUENCE:
      return "unknown escape sequence";
    case U_REGEX_PROPERTY_SYNTAX:
      return "bad Unicode property (\\p{…})";
    case U_REGEX_UNIMPLEMENTED:
      return "feature not supported by ICU";
    case U_REGEX_MISMATCHED_PAREN:
      return "unbalanced parenthesis";
    case U_REGEX_NUMBER_TOO_BIG:
      return "number too big";
    case U_REGEX_BAD_INTERVAL:
      return "bad {min,max} interval";
    case U_REGEX_MAX_LT_MIN:
      return "{min,max} with max less than min";
    case U_REGEX_INVALID_BACK_REF:
      return "back reference to a missing group";
    case U_REGEX_INVALID_FLAG:
      return "unknown flag";
    case U_REGEX_LOOK_BEHIND_LIMIT:
      return "look-behind must have a bounded length";
    case U_REGEX_SET_CONTAINS_STRING:
      return "set contains a string";
    case U_REGEX_MISSING_CLOSE_BRACKET:
      return "missing ']'";
    case U_REGEX_INVALID_RANGE:
      return "invalid character range";
    case U_REGEX_PATTERN_TOO_BIG:
      return "pattern too big";
    case U_REGEX_INVALID_CAPTURE_GROUP_NAME:
      return "invalid group name";
    default:
      return u_errorName(status);
  }
}

// Code-point index of UTF-16 index `unit` in `s`.
uint32_t code_point_index(const icu::UnicodeString& s, int32_t unit) {
  unit = std::max(0, std::min(unit, s.length()));
  return static_cast<uint32_t>(s.countChar32(0, unit));
}

}  // namespace

struct Regex::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;
};

Regex::Regex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Regex::~Regex() = default;

std::unique_ptr<Regex> Regex::compile(std::string_view pattern, bool ignore_case,
                                      RegexError& error) {
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
      source, ignore_case ? UREGEX_CASE_INSENSITIVE : 0, parse_error, status));
  if (U_FAILURE(status) || !compiled) {
    // ICU's offset is just past the offending character, within its line of the pattern.
    int32_t unit = 0;
    for (int32_t line = 1; line < parse_error.line && unit < source.length(); ++unit)
      if (source[unit] == u'\n') ++line;
    unit += parse_error.offset > 0 ? parse_error.offset - 1 : 0;
    error = {code_point_index(source, unit), describe(status)};
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->pattern = std::move(compiled);
  return std::unique_ptr<Regex>(new Regex(std::move(impl)));
}

int Regex::group_count() const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> matcher(impl_->pattern->matcher(status));
  return U_SUCCESS(status) ? matcher->groupCount() : 0;
}

struct RegexScanner::State {
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
};

RegexScanner::RegexScanner(const std::vector<const Regex*>& regexes)
    : state_(std::make_unique<State>()) {
  for (const Regex* regex : regexes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::RegexMatcher> matcher(regex->impl_->pattern->matcher(status));
    if (U_SUCCESS(status)) matcher->setTimeLimit(kTimeLimit, status);
    state_->matchers.push_back(U_SUCCESS(status) ? std::move(matcher) : nullptr);
  }
}

RegexScanner::~RegexScanner() = default;

void RegexScanner::scan(std::string_view text,
                        const std::function<void(size_t, const RegexMatch&)>& found) const {
  // UTF-16 copy with the byte offset of every UTF-16 index (and of the end).
  icu::UnicodeString utf16;
  std::vector<uint32_t> byte_at;
  utf16.getBuffer(static_cast<int32_t>(text.size()) + 1);
  utf16.releaseBuffer(0);
  byte_at.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size();) {
    const utf8::Decoded d = utf8::decode(text, i);
    const UChar32 cp = d.code_point == utf8::kInvalid ? 0xFFFD : static_cast<UChar32>(d.code_point);
    utf16.append(cp);
    byte_at.push_back(static_cast<uint32_t>(i));
    if (cp > 0xFFFF) byte_at.push_back(static_cast<uint32_t>(i));
    i += d.length;
  }
  byte_at.push_back(static_cast<uint32_t>(text.size()));

  // Code, raw HTML and URLs stand in the text as U+FFFC: a match never spans one, but
  // look-arounds see past it (transparent bounds) and ^ $ do not match beside it.
  std::vector<std::pair<int32_t, int32_t>> segments;
  for (int32_t begin = 0, i = 0; i <= utf16.length(); ++i) {
    if (i < utf16.length() && utf16[i] != 0xFFFC) continue;
    if (i > begin) segments.emplace_back(begin, i);
    begin = i + 1;
  }
  for (size_t r = 0; r < state_->matchers.size(); ++r) {
    icu::RegexMatcher* matcher = state_->matchers[r].get();
    if (!matcher) continue;
    matcher->reset(utf16);
    matcher->useTransparentBounds(true);
    matcher->useAnchoringBounds(false);
    for (const auto& [segment_begin, segment_end] : segments) {
      UErrorCode status = U_ZERO_ERROR;
      matcher->region(segment_begin, segment_end, status);
      while (U_SUCCESS(status) && matcher->find(status) && U_SUCCESS(status)) {
        const int32_t start = matcher->start(status), end = matcher->end(status);
        if (U_FAILURE(status)) break;
        if (end <= start) continue;  // empty matches say nothing
        RegexMatch match{byte_at[start], byte_at[end], {}};
        for (int32_t g = 0; g <= matcher->groupCount(); ++g) {
          const int32_t gs = matcher->start(g, status), ge = matcher->end(g, status);
          match.groups.push_back(gs < 0 || U_FAILURE(status) ? std::pair{kNoGroup, kNoGroup}
                                                             : std::pair{byte_at[gs], byte_at[ge]});
        }
        found(r, match);
      }
      if (status == U_REGEX_TIME_OUT) break;  // catastrophic backtracking: give up on this text
    }
    matcher->reset(icu::UnicodeString());  // drop the reference to `utf16`
  }
}

}  // namespace hanmark::userrules
