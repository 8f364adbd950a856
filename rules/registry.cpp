#include "engine/registry.h"

#include "rules/all_rules.h"

namespace hanmark {

std::vector<std::unique_ptr<Rule>> make_all_rules(const RuleResources& resources) {
  // Sorted by rule id. Adding a rule: its .cpp and .md under rules/<category>/, plus one line here.
  std::vector<std::unique_ptr<Rule>> rules;
  rules.push_back(make_bare_url());
  rules.push_back(make_broken_link());
  rules.push_back(make_cjk_emphasis());
  rules.push_back(make_code_block_language());
  rules.push_back(make_duplicate_heading());
  rules.push_back(make_empty_section());
  rules.push_back(make_fullwidth_punctuation());
  rules.push_back(make_hangul_nfc());
  rules.push_back(make_heading_bilingual());
  rules.push_back(make_heading_increment());
  rules.push_back(make_image_alt());
  rules.push_back(make_invisible_char());
  rules.push_back(make_josa(resources.spelling));
  rules.push_back(make_korean_spacing());
  rules.push_back(make_korean_spelling(resources.spelling));
  rules.push_back(make_leftover_comment());
  rules.push_back(make_line_length());
  rules.push_back(make_paired_punctuation());
  rules.push_back(make_repeated_word());
  rules.push_back(make_single_title());
  rules.push_back(make_speech_level());
  rules.push_back(make_spelling(resources.spelling));
  rules.push_back(make_term_consistency());
  rules.push_back(make_trailing_space());
  rules.push_back(make_typo(resources.spelling));
  rules.push_back(make_unknown_directive());
  rules.push_back(make_unused_directive());
  return rules;
}

}  // namespace hanmark
