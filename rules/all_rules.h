// Factories of every built-in rule; rules/registry.cpp lists them in one sorted table.
#pragma once

#include <memory>

#include "engine/rule.h"

namespace hanmark {

class SpellResources;

std::unique_ptr<Rule> make_bare_url();
std::unique_ptr<Rule> make_broken_link();
std::unique_ptr<Rule> make_cjk_emphasis();
std::unique_ptr<Rule> make_code_block_language();
std::unique_ptr<Rule> make_duplicate_heading();
std::unique_ptr<Rule> make_empty_section();
std::unique_ptr<Rule> make_fullwidth_punctuation();
std::unique_ptr<Rule> make_hangul_nfc();
std::unique_ptr<Rule> make_heading_bilingual();
std::unique_ptr<Rule> make_heading_increment();
std::unique_ptr<Rule> make_image_alt();
std::unique_ptr<Rule> make_invisible_char();
std::unique_ptr<Rule> make_josa(std::shared_ptr<const SpellResources> resources);
std::unique_ptr<Rule> make_korean_spacing();
std::unique_ptr<Rule> make_korean_spelling(std::shared_ptr<const SpellResources> resources);
std::unique_ptr<Rule> make_leftover_comment();
std::unique_ptr<Rule> make_line_length();
std::unique_ptr<Rule> make_paired_punctuation();
std::unique_ptr<Rule> make_repeated_word();
std::unique_ptr<Rule> make_single_title();
std::unique_ptr<Rule> make_speech_level();
std::unique_ptr<Rule> make_spelling(std::shared_ptr<const SpellResources> resources);
std::unique_ptr<Rule> make_term_consistency();
std::unique_ptr<Rule> make_trailing_space();
std::unique_ptr<Rule> make_typo(std::shared_ptr<const SpellResources> resources);
std::unique_ptr<Rule> make_unknown_directive();
std::unique_ptr<Rule> make_unused_directive();

}  // namespace hanmark
