// corpus.h: deterministic synthetic inputs for the stdlib benchmarks, shaped like Mimecast
// fields (subjects, sender addresses, URLs, hosts, attachment names, IPs): 2048 values each.
#pragma once

#include <string>
#include <vector>

namespace vigil::stdlib::bench {

inline constexpr size_t kBatch = 2048;

const std::vector<std::string>& Subjects();
const std::vector<std::string>& Senders();
const std::vector<std::string>& Urls();
const std::vector<std::string>& Hosts();
const std::vector<std::string>& FileNames();
const std::vector<std::string>& Ips();

}  // namespace vigil::stdlib::bench
