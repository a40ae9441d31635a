//===- PipelineFlags.h - the options every pipeline subcommand shares -----===//
//
// run, create, target, plan, build and transform take the same pipeline options; they are read in
// one place so they mean the same everywhere.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CLI_PIPELINEFLAGS_H
#define SEMCOM_CLI_PIPELINEFLAGS_H

#include "semcom/Core/Pipeline.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace semcom {
namespace cli {

/// Removes the pipeline options it knows from Args (--tree DIR, --target ARCH, --max-rounds N,
/// --max-output-tokens N, -j N, --dry-run, -v) into O, leaving the rest in order. TreeGiven says
/// whether --tree was among them. A known option with a bad value is an error.
llvm::Error consumePipelineFlags(std::vector<std::string> &Args, core::PipelineOptions &O,
                                 bool *TreeGiven = nullptr);

/// Help lines for those options.
extern const char *PipelineFlagsHelp;

} // namespace cli
} // namespace semcom

#endif
