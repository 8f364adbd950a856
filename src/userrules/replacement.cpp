#include "userrules/replacement.h"

#include "text/hangul.h"
#include "text/josa.h"
#include "userrules/regex.h"
#include "userrules/text_classes.h"

namespace hanmark::userrules {

namespace {

// How `word` ends when read aloud; nullopt when unknown.
std::optional<josa::Coda> coda_of(std::string_view word) {
  const char32_t last = hangul::last_code_point(word);
  if (hangul::is_syllable(last)) return josa::coda_of_syllable(last);
  const size_t space = word.find_last_of(' ');
  const std::string_view token = space == std::string_view::npos ? word : word.substr(space + 1);
  if (auto reading = josa::read_token(token, false)) return reading->coda;
  return std::nullopt;
}

}  // namespace

std::string expand_groups(std::string_view to, std::string_view text,
                          const std::vector<std::pair<uint32_t, uint32_t>>& groups) {
  std::string out;
  for (size_t i = 0; i < to.size(); ++i) {
    if (to[i] != '$' || i + 1 >= to.size()) {
      out += to[i];
      continue;
    }
    const char next = to[++i];
    if (next >= '0' && next <= '9') {
      const auto g = static_cast<size_t>(next - '0');
      if (g < groups.size() && groups[g].first != kNoGroup)
        out += text.substr(groups[g].first, groups[g].second - groups[g].first);
    } else {
      out += next;  // "$$"
    }
  }
  return out;
}

Replacement replace_word(const ProseRun& run, uint32_t begin, uint32_t end, const std::string& with,
                         bool safe) {
  const std::string_view text = run.text();
  Replacement result;
  std::string replacement = with;
  uint32_t edit_end = end;
  if (auto particle = josa::particle_run(hangul_run_at(text, end))) {
    const std::optional<josa::Coda> coda = coda_of(with);
    const bool undecided =
        !coda || (*coda == josa::Coda::some && particle->pair->rieul_takes_vowel_form);
    if (undecided) {
      safe = false;
      result.particle_note =
          "check the particle '" + std::string(particle->form) + "' after the replacement";
    } else if (auto form = josa::correction(*particle, *coda)) {
      edit_end = end + static_cast<uint32_t>(particle->form.size());
      replacement += *form;
    }
  }
  if (!run.is_verbatim(begin, edit_end)) safe = false;
  result.fix =
      Fix{.title = "replace with '" + replacement + "'",
          .safe = safe,
          .edits = {Edit{.span = run.to_source(begin, edit_end), .replacement = replacement}}};
  return result;
}

}  // namespace hanmark::userrules
