// The bodies of hanmark's fuzz targets (docs/fuzzing.md). Each takes arbitrary bytes, drives one
// front of hanmark with them and checks what must hold for every input; a crash, a sanitizer
// report or a broken property is a bug. libFuzzer runs them (fuzz/libfuzzer_main.cpp); the
// doctest suite replays the inputs kept under tests/fuzz/<target>/ through the same bodies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

// Arbitrary bytes as a post: Document, every default rule, every output format.
int hanmark_fuzz_document(const uint8_t* data, size_t size);
// Arbitrary bytes as a post fixed like `hanmark check --fix` (and --unsafe-fixes): the fixes
// settle, keep the text UTF-8 when it was, and fixing the result again changes nothing.
int hanmark_fuzz_fix(const uint8_t* data, size_t size);
// Arbitrary bytes as the stdin of `hanmark lsp` after a fixed `initialize`: every message the
// server writes is a well-formed frame of valid JSON.
int hanmark_fuzz_lsp(const uint8_t* data, size_t size);
// Arbitrary bytes as a .hanmark.toml given with --config: loading, validation, the effective
// configuration as TOML, and a post linted with the result.
int hanmark_fuzz_config(const uint8_t* data, size_t size);
// Arbitrary bytes as text whose Hangul words go to both the Korean lexicon and libhunspell on
// hunspell-ko: the answers must be the same (nothing to compare without hunspell-ko).
int hanmark_fuzz_lexicon(const uint8_t* data, size_t size);

namespace hanmark::fuzz {

// What happens when a property does not hold: by default the message goes to stderr and the
// process aborts (libFuzzer keeps the input); the replay test throws instead.
using ViolationHandler = void (*)(const std::string& what);
void set_violation_handler(ViolationHandler handler);
[[noreturn]] void violation(const std::string& what);

// An input that makes `target` ("document", "fix", "lsp", "config", "lexicon") load what it keeps
// for the whole run (dictionaries, the Korean speller), for LLVMFuzzerInitialize.
std::string warm_up_input(const std::string& target);

}  // namespace hanmark::fuzz
