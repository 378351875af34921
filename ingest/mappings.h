// mappings.h: the per-shape mapping tables (data in mappings_siem.cc and mappings_feeds.cc),
// gathered by key_table.cc. Internal to ingest.
#pragma once

#include <span>

#include "ingest/key_table.h"

namespace vigil::ingest::mappings {

std::span<const KeyRule> Api1Siem();
std::span<const KeyRule> Api2Siem();
std::span<const KeyRule> TtpUrl();
std::span<const KeyRule> TtpAttachment();
std::span<const KeyRule> TtpImpersonation();
std::span<const KeyRule> Dlp();
std::span<const KeyRule> Audit();
std::span<const KeyRule> Release();
std::span<const KeyRule> ArchiveSearch();
std::span<const KeyRule> Rejection();

}  // namespace vigil::ingest::mappings
