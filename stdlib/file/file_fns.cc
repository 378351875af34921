// file_fns.cc: the file family: attachment name extensions, double extensions, file classes
// by extension and by MIME type.
#include <memory>
#include <string>

#include "stdlib/families.h"
#include "stdlib/file/file_types.h"
#include "stdlib/fn_util.h"

namespace vigil::stdlib {
namespace {

using Args = std::span<const Datum>;

void BaseName(Args a, const FnState*, EvalContext&, Datum* out) {
  SetString(out, FileBaseName(a[0].s));
}

void Extension(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  SetString(out, ArenaCopy(ctx, LastExtension(a[0].s)));
}

void Extensions(Args a, const FnState*, EvalContext& ctx, Datum* out) {
  const std::vector<std::string> exts = FileExtensions(a[0].s);
  std::span<Datum> elems = ArenaDatums(ctx, exts.size());
  for (size_t i = 0; i < exts.size(); ++i) elems[i] = Datum::String(ArenaCopy(ctx, exts[i]));
  *out = Datum::Array(ScalarType::kString, elems);
}

void DoubleExtension(Args a, const FnState*, EvalContext&, Datum* out) {
  SetBool(out, HasDoubleExtension(a[0].s));
}

FileClass ClassOf(std::string_view name) {
  const std::string ext = LastExtension(name);
  return ext.empty() ? FileClass::kOther : ExtensionClass(ext);
}

void Class(Args a, const FnState*, EvalContext&, Datum* out) {
  SetString(out, FileClassName(ClassOf(a[0].s)));
}

struct ClassState : FnState {
  FileClass cls = FileClass::kOther;
};
std::unique_ptr<FnState> PrepareClass(Args c, std::string* error) {
  auto st = std::make_unique<ClassState>();
  if (!c[1].valid || !ParseFileClass(c[1].s, &st->cls)) {
    *error = "unknown file class";
    if (c[1].valid) *error += " \"" + std::string(c[1].s) + "\"";
    *error +=
        "; expected one of: executable, script, archive, disk_image, html, office_macro, "
        "office, onenote, shortcut, pdf, image, text, email, audio, video, other";
    return nullptr;
  }
  return st;
}
void IsClass(Args a, const FnState* st, EvalContext&, Datum* out) {
  SetBool(out, ClassOf(a[0].s) == StateAs<ClassState>(st).cls);
}

void Mime(Args a, const FnState*, EvalContext&, Datum* out) {
  SetString(out, FileClassName(MimeClass(a[0].s)));
}

}  // namespace

void RegisterFiles(Registry& r) {
  const std::string_view f = "file";
  r.Add({.name = "file_basename",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The name without directories ('/' or '\\\\') and without the trailing dots "
                "and spaces Windows ignores.",
         .example = R"(file_basename("C:\\Users\\bob\\invoice.pdf.exe. "))",
         .example_result = R"("invoice.pdf.exe")",
         .eval = BaseName,
         .param_names = {"name"}});
  r.Add({.name = "file_extension",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The last extension, lower-cased, without the dot (\"\" when none; a leading "
                "dot does not start one).",
         .example = R"(file_extension("Invoice.PDF.Exe"))",
         .example_result = R"("exe")",
         .eval = Extension,
         .param_names = {"name"}});
  r.Add({.name = "file_extensions",
         .params = {kStringT},
         .result = kStringArrayT,
         .family = f,
         .doc = "Every extension of the name, lower-cased, left to right.",
         .example = R"(file_extensions("backup.tar.gz"))",
         .example_result = R"(["tar", "gz"])",
         .eval = Extensions,
         .param_names = {"name"}});
  r.Add({.name = "has_double_extension",
         .params = {kStringT},
         .result = kBoolT,
         .family = f,
         .doc = "True for decoy.risky names: the last extension is executable, script, "
                "shortcut, disk_image or html and the one before is pdf, office, office_macro, "
                "image or text.",
         .example = R"(has_double_extension("invoice.pdf.exe"))",
         .example_result = "true",
         .eval = DoubleExtension,
         .param_names = {"name"}});
  r.Add({.name = "file_class",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The class of the last extension: executable, script, archive, disk_image, "
                "html, office_macro, office, onenote, shortcut, pdf, image, text, email, audio, "
                "video or other (tables below).",
         .example = R"(file_class("Q3 results.one"))",
         .example_result = R"("onenote")",
         .eval = Class,
         .param_names = {"name"}});
  r.Add({.name = "file_is",
         .params = {kStringT, kStringT},
         .result = kBoolT,
         .const_params = ConstParam(1),
         .family = f,
         .doc = "True when file_class(name) is `class` (a constant, checked at compile time).",
         .example = R"(file_is("payload.ISO", "disk_image"))",
         .example_result = "true",
         .prepare = PrepareClass,
         .eval = IsClass,
         .param_names = {"name", "class"}});
  r.Add({.name = "mime_family",
         .params = {kStringT},
         .result = kStringT,
         .family = f,
         .doc = "The file class of a MIME type (parameters ignored, case-insensitive), using the "
                "same class names as file_class.",
         .example = R"(mime_family("application/vnd.ms-excel.sheet.macroEnabled.12"))",
         .example_result = R"("office_macro")",
         .eval = Mime,
         .param_names = {"mime"}});
}

}  // namespace vigil::stdlib
