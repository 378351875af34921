// pack_builder.cc: checked pack -> pack file.
#include "compiler/driver/pack_builder.h"

#include "compiler/driver/metadata.h"
#include "stdlib/lists/loaders.h"

namespace vigil::compiler {

bytecode::PackFile BuildPackFile(const sema::Pack& pack, codegen::CompileStats* stats) {
  bytecode::PackFile file;
  file.engine_version = VIGIL_VERSION;
  file.metadata_json = PackMetadata(pack).dump();
  for (uint32_t i = 0; i < pack.sources.size(); ++i) {
    file.sources.push_back({pack.sources.file(i).path(), pack.sources.file(i).text()});
  }
  // List files are carried too, so the pack re-checks without them.
  for (const sema::List& l : pack.lists) {
    std::string text, error;
    if (!l.from_file.empty() && stdlib::ReadFileToString(l.from_file, &text, &error)) {
      file.sources.push_back({l.from_file, std::move(text)});
    }
  }
  file.exe = codegen::CompilePack(pack, stats);
  return file;
}

}  // namespace vigil::compiler
