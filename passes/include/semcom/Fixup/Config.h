//===- Config.h - what the semcom-fixup passes are told -===//
//
// Under opt and clang the passes are configured by `-semcom-*` options;
// semcom-fix and the orchestrator configure them directly. Both end in this
// struct, so the passes read no globals.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_FIXUP_CONFIG_H
#define SEMCOM_FIXUP_CONFIG_H

#include <memory>
#include <string>

namespace semcom {
namespace fixup {

class ManifestQuery;

struct FixupConfig {
  std::string ManifestPath; ///< -semcom-manifest; "" = the runtime table only
  std::string MissingOut;   ///< -semcom-missing-out: DoesNotUnderstand's JSON
  std::string TargetTriple; ///< -semcom-target-triple: syscall table for
                            ///< triple-less modules
  double FuzzyThreshold = 0.8; ///< -semcom-fuzzy-threshold
  bool AtPipelineStart =
      true; ///< -semcom-at-pipeline-start (clang -fpass-plugin, default<On>)
  /// A query built by the caller; when set, ManifestPath is not read.
  std::shared_ptr<const ManifestQuery> Query;
};

/// The configuration the `-semcom-*` command-line options describe. Call only
/// after the command line was parsed (from a pass builder callback, never from
/// a static constructor).
FixupConfig configFromCommandLine();

} // namespace fixup
} // namespace semcom

#endif
