#include "output/renderer.h"

#include "output/github_renderer.h"
#include "output/json_renderer.h"
#include "output/sarif_renderer.h"

namespace hanmark {

void TextReport::add(const FileReport& report) {
  summary_.add(report);
  render_text(out_, report, style_);
}

void TextReport::end() {
  render_summary(out_, summary_, style_);
}

std::unique_ptr<Renderer> make_renderer(const OutputSettings& settings, std::ostream& out) {
  if (settings.format == "json") return std::make_unique<JsonRenderer>(out);
  if (settings.format == "sarif")
    return std::make_unique<SarifRenderer>(out, settings.root, settings.rules);
  if (settings.format == "github")
    return std::make_unique<GithubRenderer>(out, settings.root, settings.style);
  return std::make_unique<TextReport>(out, settings.style);
}

}  // namespace hanmark
