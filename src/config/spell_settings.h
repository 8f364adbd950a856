// From a configuration's [spelling] settings to the spellers' options. The front end creates one
// SpellResources per distinct SpellSettings (they compare with ==, <) and builds that
// configuration's rules with it.
#pragma once

#include "config/effective_config.h"
#include "spell/spell_resources.h"

namespace hanmark {

// `base` (search paths, dictionary names) with the words and dictionaries of `settings` added.
SpellOptions spell_options(const SpellSettings& settings, SpellOptions base = {});

}  // namespace hanmark
