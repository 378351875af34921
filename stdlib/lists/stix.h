// stix.h: loading Mimecast's STIX 2.0 threat-intel feed (the "malware_customer" /
// "malware_grid" downloads: indicator, malware and relationship objects, as a bundle, an
// array or one object per line) into an IOC list whose evidence names the related malware.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stdlib/lists/ioc.h"
#include "stdlib/lists/loaders.h"

namespace vigil::stdlib {

struct StixComparison {
  IocType type = IocType::kSha256;
  std::string value;  // normalized
};

// The indicator values of a STIX 2.0 pattern made of `=` comparisons joined by OR
// ("[file:hashes.'SHA-256' = '...'] OR [url:value = '...']"). Supported paths: file hashes
// (MD5, SHA-1, SHA-256), ipv4-addr/ipv6-addr, domain-name, url, email-addr values. False when
// the pattern uses AND/FOLLOWEDBY (no single value indicates) or has no supported comparison.
bool ParseStixPattern(std::string_view pattern, std::vector<StixComparison>* out);

// Indicator metadata: source = `source`, description = the names of the malware objects the
// indicator "indicates", labels = indicator and malware labels, first_seen = valid_from,
// extras stix_id, created, modified and feed_file (from the Content-Disposition filename).
// Indicators whose pattern is unsupported are counted in LoadResult::skipped.
LoadResult LoadStixText(std::string_view text, std::string_view name, std::string_view source);
LoadResult LoadStixFile(const std::string& path, std::string_view source);

}  // namespace vigil::stdlib
