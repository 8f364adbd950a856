#include "spell/lexicon_image.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>
#include <vector>

#include "core/strings.h"

namespace hanmark::lexicon_image {

namespace {

using Data = AffixLexicon::Data;

// A field added to Data changes its size: add it to the image (data_fields(), write_suffixes()
// or write_words() and their readers), bump kFormatVersion, then this number.
static_assert(sizeof(Data) == 1336, "Data changed: update the image and kFormatVersion");

constexpr char kMagic[8] = {'H', 'N', 'M', 'K', 'L', 'E', 'X', '\n'};
constexpr char kEndMarker[8] = {'H', 'N', 'M', 'K', 'E', 'N', 'D', '\n'};

// The payload holds structs as their bytes: an image is only read by a build that lays them
// out alike, and whose reader is the same (the version: the reader of another release may read
// the same fields differently).
uint64_t build_tag() {
  std::string tag = HANMARK_VERSION;
  for (size_t size : {sizeof(Data), sizeof(UnitsTrie::Node), sizeof(Root), sizeof(Suffix),
                      sizeof(FlagSet), sizeof(ConditionPosition), sizeof(size_t)})
    tag += ' ' + std::to_string(size);
  return text_hash(tag);
}

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t reserved;
  uint64_t build_tag;
  uint64_t key_size;      // the key follows the header, zeros to a multiple of 8, the payload
  uint64_t payload_size;  // a multiple of 8, and the end marker after it
  uint64_t checksum;
};
static_assert(std::has_unique_object_representations_v<Header> && sizeof(Header) % 8 == 0);

// The payload starts at a multiple of 8 bytes, so that arrays in it can be used in place.
size_t padded(size_t size) {
  return (size + 7) / 8 * 8;
}

// Stored as their bytes: trivially copyable, without padding (whose bytes would be arbitrary).
template <class T>
concept Plain = std::is_trivially_copyable_v<T> && std::has_unique_object_representations_v<T>;

class Writer {
 public:
  std::string bytes;

  template <Plain T>
  void field(const T& value) {
    raw(&value, 1);
  }
  template <Plain T>
  void field(const std::vector<T>& values) {
    viewable(std::span<const T>(values));
  }
  void field(const Units& units) {
    field(uint64_t{units.size()});
    raw(units.data(), units.size());
  }
  template <class T>
  requires(!Plain<T>) void field(const std::vector<T>& values) {
    field(uint64_t{values.size()});
    for (const T& value : values) field(value);
  }
  void field(const std::vector<bool>& flags) {
    field(std::vector<uint8_t>(flags.begin(), flags.end()));
  }
  void field(const ConditionPosition& position) {
    field(position.any);
    field(position.negated);
    field(position.units);  // `jamo` is derived from them
  }
  template <class T>
  requires requires(Writer& w, const T& t) { fields(w, t); }
  void field(const T& value) { fields(*this, value); }
  void trie(const UnitsTrie& trie, size_t /*value_limit*/) {
    viewable(trie.nodes());
    viewable(trie.labels());
    viewable(trie.table());
  }
  // An array that Reader::view() reads in place: its items start at a multiple of 8 bytes.
  template <Plain T>
  void viewable(std::span<const T> values) {
    field(uint64_t{values.size()});
    bytes.resize((bytes.size() + 7) / 8 * 8, '\0');
    raw(values.data(), values.size());
  }

 private:
  template <class T>
  void raw(const T* values, size_t count) {
    bytes.append(reinterpret_cast<const char*>(values), count * sizeof(T));
  }
};

// Reads what Writer wrote; past the end or at a size that cannot be, it stops for good (ok()).
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes), rest_(bytes) {}
  bool ok() const { return ok_; }
  bool at_end() const { return ok_ && rest_.empty(); }

  template <Plain T>
  void field(T& value) {
    raw(&value, 1);
  }
  template <Plain T>
  void field(std::vector<T>& values) {
    const std::span<const T> items = view<T>();
    values.assign(items.begin(), items.end());  // without zeroing them first, as resize would
  }
  void field(Units& units) {
    const uint64_t count = size_of(sizeof(char16_t));
    units.resize(count);
    raw(units.data(), count);
  }
  template <class T>
  requires(!Plain<T>) void field(std::vector<T>& values) {
    const uint64_t count = size_of(1);  // each takes a byte at least
    values.resize(count);
    for (T& value : values) {
      if (!ok_) return;
      field(value);
    }
  }
  void field(std::vector<bool>& flags) {
    std::vector<uint8_t> bytes;
    field(bytes);
    flags.assign(bytes.begin(), bytes.end());
  }
  void field(ConditionPosition& position) {
    field(position.any);
    field(position.negated);
    field(position.units);
    for (char16_t unit : position.units)
      if (unit >= 0x1100 && unit <= 0x11FF) position.jamo.set(unit - 0x1100);
  }
  template <class T>
  requires requires(Reader& r, T& t) { fields(r, t); }
  void field(T& value) { fields(*this, value); }
  // A trie whose values index an array of `value_limit`.
  void trie(UnitsTrie& trie, size_t value_limit) {
    const auto nodes = view<UnitsTrie::Node>();
    const auto labels = view<char16_t>();
    const auto table = view<uint8_t>();
    if (ok_ && !trie.view(nodes, labels, table, value_limit)) ok_ = false;
  }
  // What Writer::viewable() wrote, where it is (the bytes start at a multiple of 8).
  template <Plain T>
  std::span<const T> view() {
    const uint64_t count = size_of(sizeof(T));
    const size_t padding = (8 - (bytes_.size() - rest_.size()) % 8) % 8;
    if (!ok_ || padding > rest_.size() ||
        reinterpret_cast<uintptr_t>(rest_.data() + padding) % alignof(T) != 0 ||
        count > (rest_.size() - padding) / sizeof(T)) {
      ok_ = false;
      return {};
    }
    const auto* items = reinterpret_cast<const T*>(rest_.data() + padding);
    rest_.remove_prefix(padding + count * sizeof(T));
    return std::span(items, count);
  }

 private:
  // A count of items of `item_size` bytes that the rest of the bytes can hold, or 0 (and
  // failure).
  uint64_t size_of(size_t item_size) {
    uint64_t count = 0;
    field(count);
    if (ok_ && count <= rest_.size() / item_size) return count;
    ok_ = false;
    return 0;
  }
  template <class T>
  void raw(T* values, size_t count) {
    const size_t size = count * sizeof(T);
    if (!ok_ || size > rest_.size()) {
      ok_ = false;
      return;
    }
    if (size > 0) std::memcpy(values, rest_.data(), size);
    rest_.remove_prefix(size);
  }
  std::string_view bytes_, rest_;
  bool ok_ = true;
};

// The parts of Data and of its members stored field by field, in one order for both directions
// (Io: Writer or Reader; the types const for writing).
template <class S, class T>
concept MaybeConst = std::is_same_v<std::remove_const_t<S>, T>;

template <class Io, MaybeConst<FlagSet> S>
void fields(Io& io, S& set) {
  io.field(set.flags);
  io.field(set.bits);
  io.field(set.rule_flags);
  io.field(set.rule_class);
}

template <class Io, MaybeConst<SuffixIndex> S>
void fields(Io& io, S& index) {
  io.field(index.list_suffixes);
  io.field(index.list_starts);
  io.field(index.empty_append);
  io.trie(index.trie, index.list_starts.empty() ? 0 : index.list_starts.size() - 1);
}

// A suffix as stored: its strip text is strips[strip, strip + strip_size).
struct StoredSuffix {
  Flag flag;
  uint16_t strip_size;
  uint32_t continuation, condition, strip;
};

void write_suffixes(Writer& out, const std::vector<Suffix>& suffixes) {
  std::vector<StoredSuffix> stored;
  Units strips;
  for (const Suffix& s : suffixes) {
    stored.push_back({s.flag, static_cast<uint16_t>(s.strip.size()), s.continuation, s.condition,
                      static_cast<uint32_t>(strips.size())});
    strips.append(s.strip);
  }
  out.viewable(std::span<const StoredSuffix>(stored));
  out.viewable(std::span<const char16_t>(strips));
}

bool read_suffixes(Reader& in, std::vector<Suffix>& suffixes) {
  const auto stored = in.view<StoredSuffix>();
  const auto strips = in.view<char16_t>();
  suffixes.reserve(stored.size());
  for (const StoredSuffix& s : stored) {
    if (uint64_t{s.strip} + s.strip_size > strips.size()) return false;
    suffixes.push_back(
        {s.flag, s.continuation, s.condition, Units(strips.data() + s.strip, s.strip_size)});
  }
  return in.ok();
}

// Everything but the suffixes, words and roots, which are stored in forms of their own.
template <class Io, class D>
void data_fields(Io& io, D& data) {
  io.field(data.flag_sets);
  io.field(data.conditions);
  io.field(data.all_suffixes);
  io.field(data.continuation_flags);
  io.field(data.outer_suffixes);
  io.field(data.inner_suffixes);
  io.field(data.compound_rules);
  io.field(data.compound_rule_bits);
  io.field(data.rule_part_bits);
  io.field(data.rule_first_bits);
  io.field(data.rule_classes);
  io.field(data.one_part_matches);
  io.field(data.two_part_matches);
  io.field(data.syllable_units);
  io.field(data.syllable_offsets);
  io.field(data.forbidden);
  io.field(data.only_in_compound);
  io.field(data.compound_min);
  io.field(data.homonym_roots);
}

// A word as stored: its units are units[offset, offset + size) of all words' units in a row.
struct StoredWord {
  uint32_t offset, size, first, count;
};
struct StoredRoot {
  uint32_t word, flags;  // the index of its word; Root::flags
  uint32_t had_flags;
};

void write_words(Writer& out, const Data& data) {
  std::vector<uint32_t> word_of_root(data.roots.size(), 0);
  std::vector<StoredWord> words;
  Units units;
  for (uint32_t w = 0; w < data.words.size(); ++w) {
    const Data::Word& word = data.words[w];
    words.push_back({static_cast<uint32_t>(units.size()), static_cast<uint32_t>(word.units.size()),
                     word.first, word.count});
    units.append(word.units);
    for (uint32_t root : data.homonyms_of_word(w)) word_of_root[root] = w;
  }
  std::vector<StoredRoot> roots;
  roots.reserve(data.roots.size());
  for (size_t r = 0; r < data.roots.size(); ++r)
    roots.push_back({word_of_root[r], data.roots[r].flags, data.roots[r].had_flags});
  out.viewable(std::span<const char16_t>(units));
  out.field(words);
  out.field(uint64_t{data.dic_words});
  out.field(roots);
  out.trie(data.word_trie, data.words.size());
  std::vector<std::pair<char32_t, Units>> conversion(data.input_conversion.begin(),
                                                     data.input_conversion.end());
  std::sort(conversion.begin(), conversion.end());  // the same bytes for the same Data
  out.field(uint64_t{conversion.size()});
  for (const auto& [from, to] : conversion) {
    out.field(from);
    out.field(to);
  }
}

bool read_words(Reader& in, Data& data) {
  uint64_t dic_words = 0, conversions = 0;
  const std::span<const char16_t> units = in.view<char16_t>();
  const std::span<const StoredWord> words = in.view<StoredWord>();
  in.field(dic_words);
  const std::span<const StoredRoot> roots = in.view<StoredRoot>();
  in.trie(data.word_trie, words.size());
  in.field(conversions);
  if (!in.ok() || dic_words > words.size()) return false;
  data.words.reserve(words.size());
  for (const StoredWord& word : words) {
    if (uint64_t{word.offset} + word.size > units.size() ||
        uint64_t{word.first} + word.count > data.homonym_roots.size())
      return false;
    data.words.push_back(
        {UnitsView(units.data() + word.offset, word.size), word.first, word.count});
  }
  data.dic_words = dic_words;
  for (auto w = static_cast<uint32_t>(dic_words); w < data.words.size(); ++w)
    data.added_index.emplace(data.words[w].units, w);
  data.roots.reserve(roots.size());
  for (const StoredRoot& root : roots) {
    if (root.word >= data.words.size() || root.flags >= data.flag_sets.size()) return false;
    data.roots.push_back(Root{data.words[root.word].units, root.flags, root.had_flags != 0});
  }
  for (uint64_t i = 0; i < conversions && in.ok(); ++i) {
    char32_t from = 0;
    Units to;
    in.field(from);
    in.field(to);
    data.input_conversion.emplace(from, std::move(to));
  }
  return in.ok();
}

bool all_below(const std::vector<uint32_t>& values, size_t limit) {
  return std::all_of(values.begin(), values.end(), [&](uint32_t v) { return v < limit; });
}

bool consistent(const SuffixIndex& index, size_t suffixes) {
  const auto& starts = index.list_starts;
  return !starts.empty() && starts.front() == 0 && std::is_sorted(starts.begin(), starts.end()) &&
         starts.back() == index.list_suffixes.size() && all_below(index.list_suffixes, suffixes) &&
         all_below(index.empty_append, suffixes);
}

// The indexes a check follows without looking are in range: a damaged image whose checksum
// happens to hold must not make a check read outside the arrays.
bool consistent(const Data& data) {
  const size_t sets = data.flag_sets.size(), classes = data.rule_classes.size();
  const auto suffix_ok = [&](const Suffix& s) {
    return s.continuation < sets && s.condition < data.conditions.size();
  };
  const auto set_ok = [&](const FlagSet& s) {
    return s.rule_class < std::max<size_t>(classes, 1) &&
           std::is_sorted(s.flags.begin(), s.flags.end());
  };
  const auto& offsets = data.syllable_offsets;
  return sets > 0 && !data.conditions.empty() && data.compound_min > 0 &&
         std::all_of(data.suffixes.begin(), data.suffixes.end(), suffix_ok) &&
         std::all_of(data.flag_sets.begin(), data.flag_sets.end(), set_ok) &&
         offsets.size() == 0xD7A4 - 0xAC00 + 1 && std::is_sorted(offsets.begin(), offsets.end()) &&
         offsets.back() <= data.syllable_units.size() &&
         (data.one_part_matches.empty() || data.one_part_matches.size() == classes * 2) &&
         (data.two_part_matches.empty() || data.two_part_matches.size() == classes * classes * 2) &&
         std::equal(
             data.compound_rules.begin(), data.compound_rules.end(),
             data.compound_rule_bits.begin(), data.compound_rule_bits.end(),
             [](const auto& rule, const auto& bits) { return rule.size() == bits.size(); }) &&
         data.rule_first_bits.size() == data.compound_rules.size() &&
         all_below(data.homonym_roots, data.roots.size()) &&
         consistent(data.all_suffixes, data.suffixes.size()) &&
         consistent(data.outer_suffixes, data.suffixes.size()) &&
         consistent(data.inner_suffixes, data.suffixes.size());
}

}  // namespace

// A sum and a xor of the payload's 64-bit words, which the compiler vectorises: a tenth of a
// millisecond a megabyte where parsing takes ~60 ms, and any one flipped bit changes
// the sum's bit and not the rotated xor's at that place. Images are written by hanmark only;
// this catches torn, truncated and damaged files, not forgery.
[[gnu::noinline]] uint64_t payload_checksum(std::string_view payload) {
  uint64_t sum = 0, xored = 0;
  const size_t words = payload.size() / 8;
#pragma GCC unroll 4
  for (size_t i = 0; i < words; ++i) {  // indexed: so written, GCC vectorises it
    uint64_t word;
    std::memcpy(&word, payload.data() + 8 * i, 8);
    sum += word;
    xored ^= word;
  }
  return sum ^ std::rotl(xored, 32);
}

std::string write(const Data& data, std::string_view key) {
  Writer payload;
  data_fields(payload, data);
  write_suffixes(payload, data.suffixes);
  write_words(payload, data);
  payload.bytes.resize(padded(payload.bytes.size()), '\0');
  Header header{};
  std::memcpy(header.magic, kMagic, sizeof kMagic);
  header.format_version = kFormatVersion;
  header.build_tag = build_tag();
  header.key_size = key.size();
  header.payload_size = payload.bytes.size();
  header.checksum = payload_checksum(payload.bytes);
  std::string out(reinterpret_cast<const char*>(&header), sizeof header);
  out.append(key);
  out.resize(sizeof header + padded(key.size()), '\0');
  out.append(payload.bytes);
  out.append(kEndMarker, sizeof kEndMarker);
  return out;
}

std::unique_ptr<Data> read(std::shared_ptr<const void> owner, std::string_view bytes,
                           std::string_view key) {
  Header header{};
  if (bytes.size() < sizeof header + sizeof kEndMarker) return nullptr;
  std::memcpy(&header, bytes.data(), sizeof header);
  bytes.remove_prefix(sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 ||
      header.format_version != kFormatVersion || header.reserved != 0 ||
      header.build_tag != build_tag() || header.key_size != key.size() ||
      header.payload_size % 8 != 0 ||
      bytes.size() != padded(key.size()) + header.payload_size + sizeof kEndMarker ||
      bytes.substr(0, key.size()) != key ||
      bytes.substr(key.size(), padded(key.size()) - key.size()).find_first_not_of('\0') !=
          std::string_view::npos ||
      bytes.substr(bytes.size() - sizeof kEndMarker) != std::string_view(kEndMarker, 8))
    return nullptr;
  const std::string_view payload = bytes.substr(padded(key.size()), header.payload_size);
  if (payload_checksum(payload) != header.checksum) return nullptr;
  auto data = std::make_unique<Data>();
  data->image = std::move(owner);
  data->flag_sets.clear();
  data->conditions.clear();
  Reader in(payload);
  data_fields(in, *data);
  if (!in.ok() || !read_suffixes(in, data->suffixes) || !read_words(in, *data) ||
      !consistent(*data))
    return nullptr;
  // What is left is the padding to 8 bytes.
  data->word_trie_stale = false;
  return data;
}

}  // namespace hanmark::lexicon_image
