// pack_builder.cc: checked pack -> pack file.
#include "compiler/driver/pack_builder.h"

#include "compiler/driver/metadata.h"

namespace vigil::compiler {

bytecode::PackFile BuildPackFile(const sema::Pack& pack, codegen::CompileStats* stats) {
  bytecode::PackFile file;
  file.engine_version = VIGIL_VERSION;
  file.metadata_json = PackMetadata(pack).dump();
  for (uint32_t i = 0; i < pack.sources.size(); ++i) {
    file.sources.push_back({pack.sources.file(i).path(), pack.sources.file(i).text()});
  }
  file.exe = codegen::CompilePack(pack, stats);
  return file;
}

}  // namespace vigil::compiler
