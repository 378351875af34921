// corpus.h: a synthetic but realistic Mimecast corpus for the ingest benchmarks: API 2.0 CG
// batch NDJSON (~600-byte events, the type mix and key layout of the public samples), and the
// same traffic as API 1.0 key=value lines and an API 1.0 JSON file body.
#pragma once

#include <cstddef>
#include <string>

namespace vigil::bench {

// `n` API 2.0 events, one per line. Deterministic for a given n.
std::string Api2Ndjson(size_t n);
// `n` API 1.0 key=value lines (receipt, process and delivery lines of the same messages).
std::string Api1Kv(size_t n);
// `n` API 1.0 records as one {"type":"MTA","data":[...]} file body.
std::string Api1JsonBody(size_t n);

}  // namespace vigil::bench
