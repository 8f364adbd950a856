#include "config/spell_settings.h"

namespace hanmark {

SpellOptions spell_options(const SpellSettings& settings, SpellOptions base) {
  base.extra_words.insert(base.extra_words.end(), settings.words.begin(), settings.words.end());
  for (const Dictionary& dictionary : settings.dictionaries)
    base.personal_dictionaries.push_back(dictionary.content);
  return base;
}

}  // namespace hanmark
