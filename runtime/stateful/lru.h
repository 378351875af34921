// lru.h: a string-keyed map of state (aggregate groups, sequence keys, history keys) that keeps
// its least-recently-touched order as a list through its entries. Entries live in
// absl::node_hash_map nodes, whose addresses never change, so touching an entry relinks it in
// O(1) without copying its key, and eviction pops the oldest. Every erase goes through this
// class, so the list never points at a freed entry. Keys hash with base::Hash64, so a caller
// that hashed a batch of keys in one loop passes each as a HashedKey and nothing is hashed twice.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/node_hash_map.h"
#include "base/strings.h"

namespace vigil::runtime {

// A key with its base::Hash64 already computed (hash must equal base::Hash64(text)).
struct HashedKey {
  std::string_view text;
  uint64_t hash = 0;
  static HashedKey Of(std::string_view text) { return {text, base::Hash64(text)}; }
};

// Transparent hash and equality of the LruMap's string keys.
struct LruKeyHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return base::Hash64(s); }
  size_t operator()(const HashedKey& k) const { return k.hash; }
};
struct LruKeyEq {
  using is_transparent = void;
  static std::string_view View(std::string_view s) { return s; }
  static std::string_view View(const HashedKey& k) { return k.text; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return View(a) == View(b);
  }
};

template <typename V>
class LruMap {
 public:
  LruMap() = default;
  LruMap(LruMap&&) noexcept = default;  // nodes stay where they are: the links remain valid
  LruMap(const LruMap&) = delete;
  LruMap& operator=(const LruMap&) = delete;

  // The value of `key` (value-initialized when absent; *fresh says which), now the most recent.
  V& Touch(const std::string& key, bool* fresh = nullptr) {
    return Touch(HashedKey::Of(key), fresh);
  }
  V& Touch(const HashedKey& key, bool* fresh = nullptr) {
    auto it = map_.find(key);
    const bool inserted = it == map_.end();
    if (inserted) it = map_.try_emplace(std::string(key.text)).first;
    if (fresh != nullptr) *fresh = inserted;
    Entry& e = it->second;
    if (inserted) {
      e.key = &it->first;
    } else {
      Unlink(&e);
    }
    Link(&e);
    return e.value;
  }
  // Hints that `key` is looked up soon (loads its slot of the hash table).
  void Prefetch(const HashedKey& key) const { map_.prefetch(key); }
  // The value of `key`, or nullptr; its place in the order is unchanged.
  // K: std::string or HashedKey.
  template <typename K>
  V* Find(const K& key) {
    auto it = map_.find(key);
    return it == map_.end() ? nullptr : &it->second.value;
  }
  template <typename K>
  void Erase(const K& key) {
    auto it = map_.find(key);
    if (it == map_.end()) return;
    Unlink(&it->second);
    map_.erase(it);
  }
  // Erases every entry for which pred(key, value) is true.
  template <typename Pred>
  void EraseIf(Pred pred) {
    for (Entry* e = oldest_; e != nullptr;) {
      Entry* next = e->newer;
      if (pred(*e->key, e->value)) Erase(*e->key);
      e = next;
    }
  }
  // Erases the least recently touched entries until at most `max` remain, never `keep` (the
  // entry being updated); returns how many were erased.
  size_t Evict(size_t max, const V* keep = nullptr) {
    size_t erased = 0;
    while (map_.size() > max && oldest_ != nullptr && &oldest_->value != keep) {
      Erase(*oldest_->key);
      ++erased;
    }
    return erased;
  }
  // f(key, value) for every entry, least recently touched first.
  template <typename F>
  void ForEachOldestFirst(F f) const {
    for (const Entry* e = oldest_; e != nullptr; e = e->newer) f(*e->key, e->value);
  }
  size_t size() const { return map_.size(); }
  bool empty() const { return map_.empty(); }
  void Clear() {
    map_.clear();
    oldest_ = newest_ = nullptr;
  }

 private:
  struct Entry {
    V value{};
    Entry* older = nullptr;
    Entry* newer = nullptr;
    const std::string* key = nullptr;
  };
  void Link(Entry* e) {
    e->older = newest_;
    e->newer = nullptr;
    (newest_ != nullptr ? newest_->newer : oldest_) = e;
    newest_ = e;
  }
  void Unlink(Entry* e) {
    (e->older != nullptr ? e->older->newer : oldest_) = e->newer;
    (e->newer != nullptr ? e->newer->older : newest_) = e->older;
    e->older = e->newer = nullptr;
  }

  absl::node_hash_map<std::string, Entry, LruKeyHash, LruKeyEq> map_;
  Entry* oldest_ = nullptr;
  Entry* newest_ = nullptr;
};

}  // namespace vigil::runtime
