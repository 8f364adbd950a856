#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "config/lint_setup.h"
#include "fuzz/fuzz_targets.h"

namespace hanmark::fuzz {

namespace fs = std::filesystem;

namespace {

ViolationHandler handler = nullptr;

// Never destroyed: the Linter must outlive every static that may still lint at exit.
LintSetup* make_default_setup() {
  const SetupReporter ignore = [](const SetupMessage&) {};
  ConfigOptions options;
  options.no_config = true;
  std::unique_ptr<LintSetup> setup = LintSetup::create(options, {}, {}, ignore);
  if (!setup || !setup->prepare({"fuzz.md"})) violation("the default configuration does not load");
  return setup.release();
}

class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return c == EOF ? 0 : c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

}  // namespace

void set_violation_handler(ViolationHandler h) {
  handler = h;
}

void violation(const std::string& what) {
  if (handler) handler(what);
  std::fprintf(stderr, "hanmark fuzz: property violated: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

std::string warm_up_input(const std::string& target) {
  const std::string post = "# 제목 Title\n\n한국어 문장은 좋다. English words, teh end.\n";
  if (target == "config") return "[rules]\nextend-select = [\"spelling\"]\n";
  if (target != "lsp") return post;
  const std::string body =
      R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":)"
      R"({"uri":"file:///tmp/warm-up.md","languageId":"markdown","version":1,"text":)"
      "\"# 제목 Title\\n\\n한국어 문장은 좋다. English words, teh end.\\n\"}}}";
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const Linter& default_linter() {
  static LintSetup* const setup = make_default_setup();
  return setup->linter(0);
}

const fs::path& scratch_dir() {
  static const fs::path dir = [] {
    fs::path made = fs::temp_directory_path() / ("hanmark-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(made);
    static const struct Remover {
      fs::path path;
      ~Remover() {
        std::error_code ec;
        fs::remove_all(path, ec);
      }
    } remover{made};
    return made;
  }();
  return dir;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

QuietCerr::QuietCerr() {
  static NullBuffer null;
  saved_ = std::cerr.rdbuf(&null);
}

QuietCerr::~QuietCerr() {
  std::cerr.rdbuf(saved_);
}

std::string escaped(std::string_view bytes, size_t limit) {
  std::string out;
  for (size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    }
  }
  if (bytes.size() > limit) out += "…";
  return out;
}

}  // namespace hanmark::fuzz
