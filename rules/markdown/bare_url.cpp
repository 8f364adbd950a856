// bare-url: URLs and email addresses that GFM turns into links although they are written bare
// (not in `<…>` and not the destination of a `[text](url)` link), with Korean text that GFM
// swallowed into the link told apart from the address.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <cmark-gfm.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "markdown/node.h"
#include "rules/all_rules.h"
#include "text/josa.h"

namespace hanmark {

namespace {

constexpr RuleInfo kInfo{
    .id = "bare-url",
    .category = Category::markdown,
    .default_severity = Severity::warning,
    .fix = FixAvailability::sometimes,
    .summary = "URLs and email addresses written bare in prose, not in <…> or a link",
};

// What GFM's autolink extension recognised: `https://…` (any scheme://), `www.…`, `user@host`.
enum class Kind { url, www, email };

struct Autolink {
  ByteSpan span;
  Kind kind;
};

bool is_ascii_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Elements whose text GFM still autolinks although the author already made it a link or code.
constexpr std::array<std::string_view, 6> kShelteringTags = {"a",    "code", "kbd",
                                                             "samp", "tt",   "pre"};

// The tag name of an inline HTML tag (`<a href=…>` → "a", `</code>` → "code"), lower-cased, and
// whether it closes; empty for anything else (`<a@example.com>` is an email autolink).
std::string tag_name(std::string_view html, bool& closing) {
  size_t i = 1;
  closing = i < html.size() && html[i] == '/';
  if (closing) ++i;
  std::string name;
  while (i < html.size() && is_ascii_alnum(html[i]))
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
  const bool ends =
      i < html.size() && (is_ascii_space(html[i]) || html[i] == '>' || html[i] == '/');
  return ends ? name : std::string();
}

bool shelters(std::string_view name) {
  for (std::string_view tag : kShelteringTags)
    if (name == tag) return true;
  return false;
}

// The link texts of the block's extended-autolink candidates: links whose only child is text
// and whose destination is that text (or it with `http://` / `mailto:` in front), as the autolink
// extension makes them. `[x](x)` links match too; the source around each tells them apart.
std::vector<std::string> autolink_literals(cmark_node* block) {
  std::vector<std::string> out;
  cmark_iter* iter = cmark_iter_new(block);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_LINK) continue;
    cmark_node* child = cmark_node_first_child(node);
    if (!child || cmark_node_next(child) || cmark_node_get_type(child) != CMARK_NODE_TEXT) continue;
    const std::string_view text = literal_of(child);
    const char* url_chars = cmark_node_get_url(node);
    const std::string_view url = url_chars ? url_chars : "";
    auto is_prefixed = [&](std::string_view prefix) {
      return url.size() == prefix.size() + text.size() && url.starts_with(prefix) &&
             url.ends_with(text);
    };
    if (url == text || is_prefixed("http://") || is_prefixed("mailto:")) out.emplace_back(text);
  }
  cmark_iter_free(iter);
  return out;
}

// GFM extended autolinks in one block of prose. The prose run holds each as a U+FFFC placeholder
// over its exact source; so are code spans, raw HTML and `<…>` autolinks, which start with '`'
// or '<'.
std::vector<Autolink> extended_autolinks(const Document& doc, const ProseRun& run) {
  std::vector<Autolink> out;
  std::vector<std::string> literals;
  bool literals_ready = false;
  int sheltered = 0;  // depth of open <a>, <code> … elements
  const std::string_view text = run.text();
  const std::string_view src = doc.source();
  const auto& pieces = run.pieces();
  for (size_t i = 0; i < pieces.size(); ++i) {
    const ProseRun::Piece& piece = pieces[i];
    const uint32_t end = i + 1 < pieces.size() ? pieces[i + 1].text_begin : text.size();
    if (piece.verbatim || text.substr(piece.text_begin, end - piece.text_begin) !=
                              std::string_view(kObjectReplacement))
      continue;
    const std::string_view s = doc.slice(piece.source);
    if (s.empty() || s[0] == '`' || s[0] == '[') continue;
    if (s[0] == '<') {
      bool closing = false;
      if (shelters(tag_name(s, closing)) && !s.ends_with("/>"))
        sheltered = closing ? std::max(0, sheltered - 1) : sheltered + 1;
      continue;
    }
    // Right after '[' or '<' it is the text of a link or angle autolink, not a bare one.
    const char before = piece.source.begin > 0 ? src[piece.source.begin - 1] : '\0';
    if (sheltered > 0 || before == '[' || before == '<') continue;
    if (!literals_ready) literals = autolink_literals(run.block()), literals_ready = true;
    bool known = false;
    for (std::string& literal : literals) {
      if (literal != s) continue;
      literal.clear();  // each link node vouches for one placeholder
      known = true;
      break;
    }
    if (!known) continue;
    // GFM leaves a trailing '.' out of a www link: "www.<" links "www", which is no email
    // (taken for one, it had no '@' for fits_in_angle_brackets and threw).
    const bool www = s.starts_with("www.") || s.find('@') == std::string_view::npos;
    const Kind kind = s.find("://") != std::string_view::npos ? Kind::url
                      : www                                   ? Kind::www
                                                              : Kind::email;
    out.push_back({piece.source, kind});
  }
  return out;
}

// Words that follow a noun directly in Korean: when one of them ends an autolink, it is the
// sentence's, not the address's. Particles whose form depends on the sound before them come
// from josa::particle_run.
constexpr std::array<std::string_view, 27> kInvariantParticles = {
    "에서", "에",     "의",     "도",     "만",       "까지",   "부터", "에게",   "처럼",
    "보다", "에서는", "에서도", "에서의", "에서부터", "에는",   "에도", "까지는", "부터는",
    "만큼", "이다",   "입니다", "이고",   "인데",     "이라는", "라는", "에서만", "에만",
};

bool is_particle(std::string_view word) {
  for (std::string_view particle : kInvariantParticles)
    if (word == particle) return true;
  return josa::particle_run(word).has_value();
}

bool all_hangul(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!utf8::is_hangul(d.code_point)) return false;
    i += d.length;
  }
  return true;
}

bool has_hangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (utf8::is_hangul(d.code_point)) return true;
    i += d.length;
  }
  return false;
}

// Text after the address that GFM took into the link: GFM ends an extended autolink only at a
// space or '<', so Korean written straight after a URL (`https://example.com에서`) joins it.
struct Swallowed {
  size_t url_size;  // bytes of the link that are the address
  bool sure;        // false: the Korean may be part of the address (`/wiki/C언어`)
};

// Where the address ends when the link is cut at `end`: without the punctuation GFM leaves out
// of an autolink's end (`.`, `,`, `?`, an unbalanced `)` …) and quotes.
size_t address_end(std::string_view link, size_t end) {
  while (end > 0) {
    const char c = link[end - 1];
    const std::string_view address = link.substr(0, end);
    const bool unbalanced = c == ')' && std::count(address.begin(), address.end(), ')') >
                                            std::count(address.begin(), address.end(), '(');
    if (!unbalanced && std::string_view("?!.,:;*_~'\"").find(c) == std::string_view::npos) break;
    --end;
  }
  return end;
}

std::optional<Swallowed> swallowed_text(std::string_view link, Kind kind) {
  if (kind == Kind::email || !has_hangul(link)) return std::nullopt;  // emails stop at Hangul
  const size_t scheme = link.find("://");
  const size_t host_begin = kind == Kind::url ? scheme + 3 : 0;
  size_t host_end = host_begin;
  while (host_end < link.size() &&
         (is_ascii_alnum(link[host_end]) ||
          std::string_view("-_.:@").find(link[host_end]) != std::string_view::npos))
    ++host_end;
  const bool host_done = host_end == link.size() || link[host_end] == '/' ||
                         link[host_end] == '?' || link[host_end] == '#';
  if (!host_done) {
    // `https://example.com에서`, `https://example.com)에서`: no host ends in Hangul glued to an
    // ASCII label. A host that starts with or has a Hangul label (`https://한국.kr`) is an
    // internationalised domain name.
    const bool idn = host_end == host_begin || link[host_end - 1] == '.';
    if (idn || !has_hangul(link.substr(host_end))) return std::nullopt;
    return Swallowed{address_end(link, host_end), true};
  }
  // In the path: only a Hangul word that ends the link can be the sentence's.
  size_t tail = link.size();
  while (tail > host_end) {
    size_t start = tail - 1;
    while (start > host_end && (static_cast<unsigned char>(link[start]) & 0xC0) == 0x80) --start;
    if (!all_hangul(link.substr(start, tail - start))) break;
    tail = start;
  }
  if (tail == link.size()) return std::nullopt;
  const std::string_view word = link.substr(tail);
  const char before = link[tail - 1];
  const bool particle = is_particle(word);
  // After a separator (`/wiki/서울`, `?q=검색어`) Hangul starts a part of the address, unless it
  // is only a particle (`https://github.com/에서`).
  const bool glued = is_ascii_alnum(before) ||
                     std::string_view(").,;!'\"]").find(before) != std::string_view::npos;
  if (!glued && !particle) return std::nullopt;
  return Swallowed{address_end(link, tail), particle};
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on some `"'" + std::string(s)` chains.
std::string surround(std::string_view open, std::string_view s, std::string_view close) {
  std::string out(open);
  out.append(s);
  out.append(close);
  return out;
}

// `<…>` needs an address without '>' or spaces; GFM's email domains may hold '_', which
// CommonMark's email autolinks do not allow.
bool fits_in_angle_brackets(std::string_view address, Kind kind) {
  if (address.find_first_of("<> \t") != std::string_view::npos) return false;
  return kind != Kind::email ||
         address.substr(address.find('@')).find('_') == std::string_view::npos;
}

bool is_local_address(std::string_view link) {
  for (std::string_view host : {"://localhost", "://127.0.0.1", "://0.0.0.0", "://[::1]"}) {
    const size_t at = link.find(host);
    if (at == std::string_view::npos) continue;
    const size_t after = at + host.size();
    if (after == link.size() ||
        std::string_view(":/?#").find(link[after]) != std::string_view::npos)
      return true;
  }
  return false;
}

// True when an address GFM took for an email ends in a real top-level domain (letters only, two
// or more); `foo@v1.2.x` is a package and its version.
bool has_mail_domain(std::string_view address) {
  const std::string_view tld = address.substr(address.rfind('.') + 1);
  if (tld.size() < 2) return false;
  for (char c : tld)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

// An "email address" that is code: `git@github.com:user/repo.git` (GFM links its
// `git@github.com`) or `foo@v1.2.x`. Returns the whole token, without trailing sentence
// punctuation.
std::optional<ByteSpan> code_taken_for_email(std::string_view src, const Autolink& link) {
  if (link.kind != Kind::email) return std::nullopt;
  const uint32_t end = link.span.end;
  const bool scp = end + 1 < src.size() && src[end] == ':' && !is_ascii_space(src[end + 1]) &&
                   src[end + 1] != '<';
  if (!scp && has_mail_domain(src.substr(link.span.begin, link.span.size()))) return std::nullopt;
  uint32_t token_end = end;
  while (token_end < src.size() && !is_ascii_space(src[token_end]) && src[token_end] != '<')
    ++token_end;
  while (token_end > end &&
         std::string_view(".,;:!?)").find(src[token_end - 1]) != std::string_view::npos)
    --token_end;
  return ByteSpan{link.span.begin, token_end};
}

void report_code_taken_for_email(const Document& doc, const Autolink& link, ByteSpan token_span,
                                 DiagnosticSink& sink) {
  const std::string_view address = doc.slice(link.span);
  const std::string_view token = doc.slice(token_span);
  std::string message = "GFM links " + single_quoted(address);
  if (token.size() > address.size()) message += " of " + single_quoted(token);
  Diagnostic& d = sink.report(link.span, message + " as an email address");
  d.notes.emplace_back("it is not an email address: write it as code, in backticks");
  if (token.find('`') != std::string_view::npos) return;
  d.fixes.push_back(
      Fix{.title = "format " + single_quoted(token) + " as code",
          .safe = false,
          .edits = {Edit{.span = token_span, .replacement = surround("`", token, "`")}}});
}

void report(const Document& doc, const Autolink& link, DiagnosticSink& sink) {
  if (auto token = code_taken_for_email(doc.source(), link))
    return report_code_taken_for_email(doc, link, *token, sink);
  const std::string_view text = doc.slice(link.span);
  const std::optional<Swallowed> swallowed = swallowed_text(text, link.kind);
  const bool sure = swallowed && swallowed->sure;
  const std::string_view address = swallowed ? text.substr(0, swallowed->url_size) : text;
  const std::string_view rest = swallowed ? text.substr(swallowed->url_size) : std::string_view();

  std::string message = link.kind == Kind::email ? "bare email address " : "bare URL ";
  message += single_quoted(sure ? address : text);
  if (sure) message += " swallows " + single_quoted(rest) + " into the link";
  Diagnostic& d = sink.report(link.span, std::move(message));
  if (!swallowed) {
    d.notes.emplace_back(
        "write it as <…> or [text](url), so that where the link ends is explicit and every "
        "Markdown renderer links it");
  } else if (sure) {
    d.notes.emplace_back(
        "GFM ends a bare URL only at a space or '<', so the text after it became part of the "
        "address (URL 뒤에 붙은 글자가 링크 주소에 들어갔습니다)");
  } else {
    d.notes.push_back("GFM ends a bare URL only at a space or '<': if " + single_quoted(rest) +
                      " is not part of the address, leave it out of the link");
  }
  if (is_local_address(address))
    d.notes.emplace_back("an address readers cannot open reads better as code, in backticks");

  // The fix keeps exactly what GFM linked, minus the swallowed text. `<www.…>` is no autolink:
  // a scheme has to be chosen, so that fix is never safe.
  const bool www = link.kind == Kind::www;
  if (!www && !fits_in_angle_brackets(address, link.kind)) return;
  const std::string brackets = www ? "'<https://…>'" : "'<…>'";
  std::string title = swallowed ? "wrap " + single_quoted(address) + " in " + brackets +
                                      ", leaving " + single_quoted(rest) + " out of the link"
                                : "wrap in " + brackets;
  std::string replacement = surround(www ? "<https://" : "<", address, ">");
  replacement.append(rest);
  d.fixes.push_back(Fix{.title = std::move(title),
                        .safe = !www && (!swallowed || sure),
                        .edits = {Edit{.span = link.span, .replacement = std::move(replacement)}}});
  if (swallowed && !sure && !www && fits_in_angle_brackets(text, link.kind)) {
    d.fixes.push_back(
        Fix{.title = "wrap all of it in '<…>'",
            .safe = false,
            .edits = {Edit{.span = link.span, .replacement = surround("<", text, ">")}}});
  }
}

class BareUrl final : public Rule {
 public:
  const RuleInfo& info() const override { return kInfo; }

  void check(const Document& doc, DiagnosticSink& sink) const override {
    for (const ProseRun& run : doc.prose())
      for (const Autolink& link : extended_autolinks(doc, run)) report(doc, link, sink);
  }
};

}  // namespace

std::unique_ptr<Rule> make_bare_url() {
  return std::make_unique<BareUrl>();
}

}  // namespace hanmark
