// files.h: attachments: MIME types by extension, realistic benign documents with their size
// distributions, and the file hashes (random but stable per file identity).
#pragma once

#include <cstdint>
#include <string>

#include "gen/model.h"
#include "gen/prng.h"

namespace vigil::gen {

// The MIME type Mimecast reports for an extension ("application/pdf"); octet-stream otherwise.
std::string MimeOf(const std::string& ext);

// An attachment with the given name and size; hashes derived from (name, size, salt) so the
// same file sent twice hashes the same.
Attachment MakeFile(const std::string& name, int64_t size, uint64_t salt);

// A benign business attachment: pdf, docx, xlsx, pptx, csv, png/jpg, zip, with sizes drawn
// from a per-type log-normal.
Attachment BenignFile(Rng& rng);

}  // namespace vigil::gen
