//===- Prompts.h - the prompt templates and how they are filled -----------===//
//
// Prompt texts live in orchestrator/prompts/*.md and are embedded at build time. A template names its
// slots as {{slot}}; rendering fails on a slot nobody filled, so a prompt never goes out with a hole.
// SEMCOM_PROMPTS_DIR points at a folder of replacements, for tuning prompts without a rebuild.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_PROMPTS_H
#define SEMCOM_CORE_PROMPTS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>

namespace semcom {
namespace core {

using PromptSlots = std::map<std::string, std::string>;

/// The template text of prompt Name ("system", "create", "target", "append", "repair", "plan",
/// "missing"), from SEMCOM_PROMPTS_DIR/Name.md when that exists, else the embedded copy.
llvm::Expected<std::string> promptTemplate(llvm::StringRef Name);

/// Fills every {{slot}} of the template from Slots. A slot missing from Slots is an error.
llvm::Expected<std::string> renderTemplate(llvm::StringRef Template, const PromptSlots &Slots,
                                           llvm::StringRef TemplateName = "prompt");
llvm::Expected<std::string> renderPrompt(llvm::StringRef Name, const PromptSlots &Slots);

/// A short digest of every template in use; part of every cache key, so editing a prompt never
/// replays answers to the old one.
std::string promptFormatVersion();

} // namespace core
} // namespace semcom

#endif
