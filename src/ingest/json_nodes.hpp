// One parsed JSON value seen through one interface, whichever parser made it, so that the fast
// schema check and the record reader are written once for both: RapidJSON (JSON files, and the
// JSON Lines records simdjson turns down, whose diagnostics need RapidJSON's error offsets) and
// simdjson (JSON Lines records, parsed 2.5 times faster: 963 against 2,410 samples at 1M
// decisions, see the README).
//
// A node is a small value: a pointer (RapidJSON) or a place on simdjson's tape. A node made by
// the default constructor is absent, what find() returns for a missing member; every other call
// on it is undefined. string() is empty for a value that is not a string, as the record reader
// asks for text of members the schema has already typed.
#pragma once

#include <rapidjson/document.h>
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "base/short_text.hpp"

namespace jurigraph::ingest {

// A member of an object node: its name and its value.
template <typename Node>
struct NodeMember {
  std::string_view name;
  Node value;
};

// begin() and end() of a loop over an object's members or an array's items.
template <typename Iterator>
struct NodeRange {
  Iterator first, last;
  Iterator begin() const { return first; }
  Iterator end() const { return last; }
};

class RapidNode {
 public:
  RapidNode() = default;
  explicit RapidNode(const rapidjson::Value& v) : v_(&v) {}

  explicit operator bool() const { return v_ != nullptr; }
  const rapidjson::Value& value() const { return *v_; }

  bool is_object() const { return v_->IsObject(); }
  bool is_array() const { return v_->IsArray(); }
  bool is_string() const { return v_->IsString(); }
  bool is_bool() const { return v_->IsBool(); }
  bool is_int64() const { return v_->IsInt64(); }
  bool is_number() const { return v_->IsNumber(); }

  std::string_view string() const {
    return v_->IsString() ? std::string_view(v_->GetString(), v_->GetStringLength())
                          : std::string_view{};
  }
  bool boolean() const { return v_->GetBool(); }
  int64_t int64() const { return v_->GetInt64(); }
  double number() const { return v_->GetDouble(); }
  // Items of an array, members of an object.
  std::size_t size() const { return v_->IsArray() ? v_->Size() : v_->MemberCount(); }

  class MemberIterator {
   public:
    explicit MemberIterator(rapidjson::Value::ConstMemberIterator at) : at_(at) {}
    NodeMember<RapidNode> operator*() const {
      return {std::string_view(at_->name.GetString(), at_->name.GetStringLength()),
              RapidNode(at_->value)};
    }
    MemberIterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const MemberIterator& other) const { return at_ != other.at_; }

   private:
    rapidjson::Value::ConstMemberIterator at_;
  };
  NodeRange<MemberIterator> members() const {
    return {MemberIterator(v_->MemberBegin()), MemberIterator(v_->MemberEnd())};
  }

  class ItemIterator {
   public:
    explicit ItemIterator(const rapidjson::Value* at) : at_(at) {}
    RapidNode operator*() const { return RapidNode(*at_); }
    ItemIterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator!=(const ItemIterator& other) const { return at_ != other.at_; }

   private:
    const rapidjson::Value* at_;
  };
  NodeRange<ItemIterator> items() const {
    return {ItemIterator(v_->Begin()), ItemIterator(v_->End())};
  }

  // The first member named `name`, or an absent node. Each name is compared inline
  // (equal_short_text), where RapidJSON's FindMember measured `name` with strlen and called
  // memcmp at every member of its length (a decision is read with some 15 look-ups).
  RapidNode find(std::string_view name) const {
    for (auto m = v_->MemberBegin(); m != v_->MemberEnd(); ++m) {
      if (equal_short_text(std::string_view(m->name.GetString(), m->name.GetStringLength()), name))
        return RapidNode(m->value);
    }
    return {};
  }

 private:
  const rapidjson::Value* v_ = nullptr;
};

// A value of a document simdjson parsed, read straight off its tape, the format simdjson
// documents (doc/tape.md): one 64-bit entry a value, its type in the top byte; a number's value in
// the entry after it; a string's place in the document's string buffer, where its length (4
// bytes) comes before its bytes; an object's or array's first entry holding the index past its
// last one and its count. simdjson's own accessors (dom::element) reach the tape through the
// document at every call, and were not all inlined: walking records with them cost more than
// parsing saved (perf, `validate` of 1M decisions on one core: parsing 2,410 → 963 samples, but
// the fast check 1,115 → 2,071 and the accessors some 700 more).
class SimdNode {
 public:
  SimdNode() = default;
  // The document's root.
  explicit SimdNode(const simdjson::dom::document& doc)
      : tape_{doc.tape.get(), doc.string_buf.get()}, at_(1) {}

  explicit operator bool() const { return tape_.entries != nullptr; }

  bool is_object() const { return type() == '{'; }
  bool is_array() const { return type() == '['; }
  bool is_string() const { return type() == '"'; }
  bool is_bool() const { return type() == 't' || type() == 'f'; }
  // simdjson keeps an integer as int64 when it fits ('l'), as RapidJSON's IsInt64 says; one
  // beyond it as uint64 ('u').
  bool is_int64() const { return type() == 'l'; }
  bool is_number() const { return type() == 'l' || type() == 'u' || type() == 'd'; }
  // The value's type as simdjson's tape writes it: '{', '[', '"', 'l' (int64), 'u' (uint64),
  // 'd' (double), 't', 'f' or 'n'. One load, where the tests above take one each.
  char tape_type() const { return type(); }

  std::string_view string() const {
    if (!is_string())
      return {};
    const uint8_t* at = tape_.strings + (entry() & kValueMask);
    uint32_t length;
    std::memcpy(&length, at, sizeof length);
    return {reinterpret_cast<const char*>(at + sizeof length), length};
  }
  bool boolean() const { return type() == 't'; }
  int64_t int64() const {
    int64_t v;
    std::memcpy(&v, &tape_.entries[at_ + 1], sizeof v);
    return v;
  }
  // Integers too, converted as RapidJSON's GetDouble does.
  double number() const {
    const uint64_t payload = tape_.entries[at_ + 1];
    if (type() == 'd') {
      double v;
      std::memcpy(&v, &payload, sizeof v);
      return v;
    }
    return type() == 'u' ? static_cast<double>(payload) : static_cast<double>(int64());
  }
  // Items of an array, members of an object. The tape counts up to 2^24 - 1; past that, they
  // are counted here.
  std::size_t size() const {
    const auto count = static_cast<std::size_t>((entry() >> 32) & 0xFFFFFF);
    if (count < 0xFFFFFF)
      return count;
    std::size_t n = 0;
    for (uint32_t i = at_ + 1; i != end(); i = tape_.after(i))
      ++n;
    return is_object() ? n / 2 : n;
  }

  class MemberIterator;
  class ItemIterator;
  NodeRange<MemberIterator> members() const;
  NodeRange<ItemIterator> items() const;

  SimdNode find(std::string_view name) const {
    for (uint32_t i = at_ + 1, last = end(); i != last; i = tape_.after(i + 1)) {
      if (equal_short_text(SimdNode(tape_, i).string(), name))
        return SimdNode(tape_, i + 1);
    }
    return {};
  }

 private:
  static constexpr uint64_t kValueMask = 0x00FFFFFFFFFFFFFF;

  struct Tape {
    const uint64_t* entries = nullptr;
    const uint8_t* strings = nullptr;
    // The entry after the value at i.
    uint32_t after(uint32_t i) const {
      const uint64_t e = entries[i];
      switch (static_cast<char>(e >> 56)) {
        case '{':
        case '[':
          return static_cast<uint32_t>(e);  // past the matching '}' or ']'
        case 'l':
        case 'u':
        case 'd':
          return i + 2;
        default:
          return i + 1;
      }
    }
  };

  SimdNode(Tape tape, uint32_t at) : tape_(tape), at_(at) {}
  uint64_t entry() const { return tape_.entries[at_]; }
  char type() const { return static_cast<char>(entry() >> 56); }
  // The closing entry of this object or array.
  uint32_t end() const { return static_cast<uint32_t>(entry()) - 1; }

  Tape tape_;
  uint32_t at_ = 0;
};

class SimdNode::MemberIterator {
 public:
  MemberIterator(Tape tape, uint32_t at) : tape_(tape), at_(at) {}
  NodeMember<SimdNode> operator*() const {
    return {SimdNode(tape_, at_).string(), SimdNode(tape_, at_ + 1)};
  }
  MemberIterator& operator++() {
    at_ = tape_.after(at_ + 1);
    return *this;
  }
  bool operator!=(const MemberIterator& other) const { return at_ != other.at_; }

 private:
  Tape tape_;
  uint32_t at_;  // the member's name
};

class SimdNode::ItemIterator {
 public:
  ItemIterator(Tape tape, uint32_t at) : tape_(tape), at_(at) {}
  SimdNode operator*() const { return SimdNode(tape_, at_); }
  ItemIterator& operator++() {
    at_ = tape_.after(at_);
    return *this;
  }
  bool operator!=(const ItemIterator& other) const { return at_ != other.at_; }

 private:
  Tape tape_;
  uint32_t at_;
};

inline NodeRange<SimdNode::MemberIterator> SimdNode::members() const {
  return {MemberIterator(tape_, at_ + 1), MemberIterator(tape_, end())};
}

inline NodeRange<SimdNode::ItemIterator> SimdNode::items() const {
  return {ItemIterator(tape_, at_ + 1), ItemIterator(tape_, end())};
}

// The first member of an object whose name an earlier member has: its place and name.
struct RepeatedMember {
  std::size_t index;
  std::string_view name;
};

// The first member of `object` whose name an earlier member has, or nullopt.
template <typename Node>
std::optional<RepeatedMember> repeated_member(Node object) {
  // A record's fields are few: each name compared with those before it costs less than a set.
  // A `sources` object can hold a key per decision, where the comparisons were quadratic (an
  // import of 100,000 spreadsheet rows, a source each: 19 s, most of it here).
  constexpr std::size_t kSetFrom = 32;
  if (object.size() < kSetFrom) {
    std::size_t index = 0;
    for (const auto m : object.members()) {
      std::size_t earlier = 0;
      for (const auto e : object.members()) {
        if (earlier++ == index)
          break;
        if (e.name == m.name)
          return RepeatedMember{index, m.name};
      }
      ++index;
    }
    return std::nullopt;
  }
  std::unordered_set<std::string_view> seen;
  seen.reserve(object.size());
  std::size_t index = 0;
  for (const auto m : object.members()) {
    if (!seen.insert(m.name).second)
      return RepeatedMember{index, m.name};
    ++index;
  }
  return std::nullopt;
}

}  // namespace jurigraph::ingest
