// Derived data several rules share for one file (the prose index, say):
// built by the first rule that asks, reused by the others, and kept per
// thread with its allocations so the next file reuses them.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace digestlint {

class FileCache {
 public:
  // Forgets every entry's content (not its memory): a new file begins.
  void next_file() { ++generation_; }

  // The entry of type T for this file; `build(T&)` fills it on first use
  // and must overwrite everything a previous file left in it.
  template <typename T, typename Build>
  const T& get(Build&& build) {
    Slot& slot = slot_for(key<T>());
    if (!slot.value) slot.value = std::make_shared<T>();
    T& value = *static_cast<T*>(slot.value.get());
    if (slot.generation != generation_) {
      build(value);
      slot.generation = generation_;
    }
    return value;
  }

  // The entry of type T if some rule already built it for this file.
  template <typename T>
  const T* peek() const {
    for (const Slot& s : slots_) {
      if (s.key == key<T>() && s.generation == generation_)
        return static_cast<const T*>(s.value.get());
    }
    return nullptr;
  }

 private:
  struct Slot {
    const void* key = nullptr;
    std::shared_ptr<void> value;
    std::uint64_t generation = 0;
  };
  // One address per type, the same in every translation unit.
  template <typename T>
  static const void* key() {
    static const char tag = 0;
    return &tag;
  }
  Slot& slot_for(const void* k) {
    for (Slot& s : slots_) {
      if (s.key == k) return s;
    }
    slots_.push_back(Slot{k, nullptr, 0});
    return slots_.back();
  }

  std::vector<Slot> slots_;
  std::uint64_t generation_ = 1;
};

}  // namespace digestlint
