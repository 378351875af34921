// file_types.cc: extension and MIME classification tables.
#include "stdlib/file/file_types.h"

#include <unordered_map>

#include "base/strings.h"

namespace vigil::stdlib {
namespace {

constexpr std::string_view kClassNames[] = {
    "executable", "script", "archive", "disk_image", "html",  "office_macro", "office", "onenote",
    "shortcut",   "pdf",    "image",   "text",       "email", "audio",        "video",  "other"};

struct ExtRow {
  FileClass cls;
  std::string_view exts;  // space separated
};

constexpr ExtRow kExtRows[] = {
    {FileClass::kExecutable,
     "exe dll scr com pif cpl msi msix msixbundle msp appx appxbundle sys drv ocx jar apk app "
     "pkg run bin elf gadget application xbap msc"},
    {FileClass::kScript,
     "js jse mjs vbs vbe vb wsf wsh wsc ws ps1 psm1 psd1 bat cmd hta sh bash py pyw pl rb php "
     "sct inf reg ahk au3 applescript scpt command"},
    {FileClass::kArchive,
     "zip zipx rar 7z tar gz gzip tgz bz2 tbz tbz2 xz txz lz lzma zst cab arj lzh lha ace z uue "
     "xxe alz egg r00 r01"},
    {FileClass::kDiskImage, "iso img vhd vhdx vmdk dmg udf wim"},
    {FileClass::kHtml, "html htm xhtml xht shtml mht mhtml svg svgz"},
    {FileClass::kOfficeMacro,
     "docm dotm xlsm xltm xlam xlsb pptm potm ppam ppsm sldm doc dot xls xlt xla ppt pot pps"},
    {FileClass::kOffice, "docx dotx xlsx xltx pptx potx ppsx odt ods odp rtf"},
    {FileClass::kOneNote, "one onepkg onetoc2"},
    {FileClass::kShortcut,
     "lnk url scf website desktop settingcontent-ms library-ms searchconnector-ms"},
    {FileClass::kPdf, "pdf"},
    {FileClass::kImage, "jpg jpeg png gif bmp tif tiff webp heic ico"},
    {FileClass::kText, "txt csv log md xml json"},
    {FileClass::kEmail, "eml msg"},
    {FileClass::kAudio, "mp3 wav ogg m4a flac amr"},
    {FileClass::kVideo, "mp4 mov avi mkv wmv webm"},
};

const std::unordered_map<std::string_view, FileClass>& ExtIndex() {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, FileClass>();
    for (const ExtRow& row : kExtRows) {
      std::string_view rest = row.exts;
      while (!rest.empty()) {
        const size_t sp = rest.find(' ');
        m->emplace(rest.substr(0, sp), row.cls);
        rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
      }
    }
    return m;
  }();
  return *index;
}

struct MimeRow {
  std::string_view type;  // exact "type/subtype", or "type/" for a whole top-level type
  FileClass cls;
};

constexpr MimeRow kMimeRows[] = {
    {"application/x-msdownload", FileClass::kExecutable},
    {"application/x-dosexec", FileClass::kExecutable},
    {"application/vnd.microsoft.portable-executable", FileClass::kExecutable},
    {"application/x-executable", FileClass::kExecutable},
    {"application/x-msdos-program", FileClass::kExecutable},
    {"application/x-msi", FileClass::kExecutable},
    {"application/x-ms-installer", FileClass::kExecutable},
    {"application/java-archive", FileClass::kExecutable},
    {"application/vnd.android.package-archive", FileClass::kExecutable},
    {"application/javascript", FileClass::kScript},
    {"text/javascript", FileClass::kScript},
    {"application/x-javascript", FileClass::kScript},
    {"text/vbscript", FileClass::kScript},
    {"application/x-sh", FileClass::kScript},
    {"application/x-powershell", FileClass::kScript},
    {"application/hta", FileClass::kScript},
    {"text/x-python", FileClass::kScript},
    {"application/x-bat", FileClass::kScript},
    {"application/zip", FileClass::kArchive},
    {"application/x-zip-compressed", FileClass::kArchive},
    {"application/x-rar-compressed", FileClass::kArchive},
    {"application/vnd.rar", FileClass::kArchive},
    {"application/x-7z-compressed", FileClass::kArchive},
    {"application/gzip", FileClass::kArchive},
    {"application/x-gzip", FileClass::kArchive},
    {"application/x-tar", FileClass::kArchive},
    {"application/x-bzip2", FileClass::kArchive},
    {"application/x-xz", FileClass::kArchive},
    {"application/vnd.ms-cab-compressed", FileClass::kArchive},
    {"application/x-ace-compressed", FileClass::kArchive},
    {"application/x-iso9660-image", FileClass::kDiskImage},
    {"application/x-raw-disk-image", FileClass::kDiskImage},
    {"application/x-apple-diskimage", FileClass::kDiskImage},
    {"application/x-virtualbox-vhd", FileClass::kDiskImage},
    {"text/html", FileClass::kHtml},
    {"application/xhtml+xml", FileClass::kHtml},
    {"image/svg+xml", FileClass::kHtml},
    {"multipart/related", FileClass::kHtml},
    {"application/x-mimearchive", FileClass::kHtml},
    {"application/msword", FileClass::kOfficeMacro},
    {"application/vnd.ms-excel", FileClass::kOfficeMacro},
    {"application/vnd.ms-powerpoint", FileClass::kOfficeMacro},
    {"application/vnd.ms-word.document.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-word.template.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-excel.sheet.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-excel.sheet.binary.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-excel.addin.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-powerpoint.presentation.macroenabled.12", FileClass::kOfficeMacro},
    {"application/vnd.ms-powerpoint.slideshow.macroenabled.12", FileClass::kOfficeMacro},
    {"application/rtf", FileClass::kOffice},
    {"text/rtf", FileClass::kOffice},
    {"application/onenote", FileClass::kOneNote},
    {"application/msonenote", FileClass::kOneNote},
    {"application/x-ms-shortcut", FileClass::kShortcut},
    {"application/internet-shortcut", FileClass::kShortcut},
    {"application/pdf", FileClass::kPdf},
    {"message/rfc822", FileClass::kEmail},
    {"application/vnd.ms-outlook", FileClass::kEmail},
    {"image/", FileClass::kImage},
    {"audio/", FileClass::kAudio},
    {"video/", FileClass::kVideo},
    {"text/", FileClass::kText},
};

bool IsDecoy(FileClass c) {
  return c == FileClass::kPdf || c == FileClass::kOffice || c == FileClass::kOfficeMacro ||
         c == FileClass::kImage || c == FileClass::kText;
}

bool IsRisky(FileClass c) {
  return c == FileClass::kExecutable || c == FileClass::kScript || c == FileClass::kShortcut ||
         c == FileClass::kDiskImage || c == FileClass::kHtml;
}

}  // namespace

std::string_view FileClassName(FileClass c) { return kClassNames[static_cast<int>(c)]; }

bool ParseFileClass(std::string_view name, FileClass* out) {
  for (int i = 0; i < kFileClassCount; ++i) {
    if (kClassNames[i] == name) {
      *out = static_cast<FileClass>(i);
      return true;
    }
  }
  return false;
}

std::string_view FileBaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  while (!path.empty() && (path.back() == '.' || path.back() == ' ')) path.remove_suffix(1);
  return path;
}

std::vector<std::string> FileExtensions(std::string_view path) {
  std::string_view name = FileBaseName(path);
  while (!name.empty() && name.front() == '.') name.remove_prefix(1);
  std::vector<std::string> out;
  size_t dot = name.find('.');
  while (dot != std::string_view::npos) {
    const size_t next = name.find('.', dot + 1);
    const std::string_view ext =
        base::Trim(name.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1));
    out.push_back(base::AsciiLower(ext));
    dot = next;
  }
  return out;
}

std::string LastExtension(std::string_view path) {
  std::string_view name = FileBaseName(path);
  while (!name.empty() && name.front() == '.') name.remove_prefix(1);
  const size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? std::string()
                                       : base::AsciiLower(base::Trim(name.substr(dot + 1)));
}

FileClass ExtensionClass(std::string_view ext) {
  auto it = ExtIndex().find(ext);
  return it == ExtIndex().end() ? FileClass::kOther : it->second;
}

bool HasDoubleExtension(std::string_view path) {
  const std::vector<std::string> exts = FileExtensions(path);
  return exts.size() >= 2 && IsRisky(ExtensionClass(exts.back())) &&
         IsDecoy(ExtensionClass(exts[exts.size() - 2]));
}

FileClass MimeClass(std::string_view mime) {
  const std::string m = base::AsciiLower(base::Trim(mime.substr(0, mime.find(';'))));
  for (const MimeRow& row : kMimeRows) {
    if (row.type.back() == '/' ? std::string_view(m).starts_with(row.type) : m == row.type) {
      return row.cls;
    }
  }
  if (std::string_view(m).starts_with("application/vnd.openxmlformats-officedocument.") ||
      std::string_view(m).starts_with("application/vnd.oasis.opendocument.")) {
    return FileClass::kOffice;
  }
  return FileClass::kOther;
}

std::vector<std::pair<std::string_view, FileClass>> ExtensionTable() {
  std::vector<std::pair<std::string_view, FileClass>> out;
  for (const ExtRow& row : kExtRows) {
    std::string_view rest = row.exts;
    while (!rest.empty()) {
      const size_t sp = rest.find(' ');
      out.emplace_back(rest.substr(0, sp), row.cls);
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
  }
  return out;
}

}  // namespace vigil::stdlib
