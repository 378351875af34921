// file_types.h: attachment names and MIME types into the classes email detections use
// (executable, script, archive, disk image, HTML, macro-capable Office, OneNote, shortcut,
// ...), from built-in extension and MIME tables that docs/stdlib.md lists.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigil::stdlib {

enum class FileClass : uint8_t {
  kExecutable,
  kScript,
  kArchive,
  kDiskImage,
  kHtml,
  kOfficeMacro,
  kOffice,
  kOneNote,
  kShortcut,
  kPdf,
  kImage,
  kText,
  kEmail,
  kAudio,
  kVideo,
  kOther,
};
inline constexpr int kFileClassCount = 16;

// "executable", "script", "archive", "disk_image", "html", "office_macro", "office",
// "onenote", "shortcut", "pdf", "image", "text", "email", "audio", "video", "other".
std::string_view FileClassName(FileClass c);
bool ParseFileClass(std::string_view name, FileClass* out);

// The name without directories ('/' or '\\') and without trailing dots and spaces (which
// Windows drops, so "a.exe. " runs as a.exe).
std::string_view FileBaseName(std::string_view path);

// Extensions of the base name, lower-cased, left to right: "Invoice.PDF.exe" -> {"pdf",
// "exe"}. A leading dot does not start an extension (".bashrc" has none).
std::vector<std::string> FileExtensions(std::string_view path);

// The last of FileExtensions(path), or "" (without building the others).
std::string LastExtension(std::string_view path);

// The class of one lower-case extension (without the dot); kOther when unknown.
FileClass ExtensionClass(std::string_view ext);

// True for "decoy.risky": the last extension is executable, script, shortcut, disk image or
// HTML and the one before it is a document-like type (pdf, office, image, text).
bool HasDoubleExtension(std::string_view path);

// The class of a MIME type ("Application/PDF; name=x" -> kPdf); kOther when unknown.
FileClass MimeClass(std::string_view mime);

// The extension table (for docs): every extension with its class.
std::vector<std::pair<std::string_view, FileClass>> ExtensionTable();

}  // namespace vigil::stdlib
