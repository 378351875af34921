// yaml_samples.h: extracts the JSON records held in YAML block scalars under `sample:` keys,
// the layout of DataDog's log-pipeline test files (`sample: |-` followed by indented JSON).
// Only that layout is supported: it is not a YAML parser.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace vigil::ingest {

// True when `head` looks like such a file (a "sample: |" block key near the start).
bool LooksLikeYamlSamples(std::string_view head);

// Calls fn(text, offset) for each `sample: |`, `|-` or `|+` block of `doc`, with the block's
// lines de-indented into *scratch; `offset` is the block's first byte in `doc`.
void ForEachYamlSample(std::string_view doc, std::string* scratch,
                       const std::function<void(std::string_view, uint64_t)>& fn);

}  // namespace vigil::ingest
