// format_detect.h: guesses an input's format from its first bytes (and name) when the user
// asked for --format auto, and decides whether JSON input is one value per line or one
// document. Runs once per input file, before any record is read.
#pragma once

#include <string_view>

#include "ingest/options.h"

namespace vigil::ingest {

// The format of an input whose first bytes (up to 64 KiB) are `head`. kAuto means unknown.
Format DetectFormat(std::string_view head, std::string_view name);

// True when JSON input holds one value per line: its first non-blank line is a complete
// JSON value (a pretty-printed document's first line is not).
bool JsonIsLineDelimited(std::string_view head);

// `head` without a UTF-8 byte-order mark and leading whitespace.
std::string_view SkipBomAndSpace(std::string_view head);

}  // namespace vigil::ingest
