#include "engine/registry.h"
#include "spell/spell_resources.h"

namespace hanmark {

RuleResources default_rule_resources() {
  return {SpellResources::create()};
}

}  // namespace hanmark
