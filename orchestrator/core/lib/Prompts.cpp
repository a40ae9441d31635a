//===- Prompts.cpp - embedded prompt templates and slot filling -----------===//
#include "semcom/Core/Prompts.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <cstdlib>

using namespace llvm;

namespace semcom {
namespace core {

namespace {
struct EmbeddedPrompt {
  const char *Name;
  const char *Text;
};
const EmbeddedPrompt Embedded[] = {
#include "Prompts.inc"
};
} // namespace

Expected<std::string> promptTemplate(StringRef Name) {
  if (const char *Dir = std::getenv("SEMCOM_PROMPTS_DIR")) {
    SmallString<256> Path(Dir);
    sys::path::append(Path, Name + ".md");
    if (auto Buffer = MemoryBuffer::getFile(Path))
      return (*Buffer)->getBuffer().str();
  }
  for (const EmbeddedPrompt &P : Embedded)
    if (Name == P.Name)
      return std::string(P.Text);
  return createStringError(inconvertibleErrorCode(), "no prompt template named '%s'",
                           Name.str().c_str());
}

Expected<std::string> renderTemplate(StringRef Template, const PromptSlots &Slots,
                                     StringRef TemplateName) {
  std::string Out;
  Out.reserve(Template.size());
  while (true) {
    size_t Open = Template.find("{{");
    if (Open == StringRef::npos)
      break;
    size_t Close = Template.find("}}", Open);
    if (Close == StringRef::npos)
      break;
    StringRef Slot = Template.slice(Open + 2, Close).trim();
    auto It = Slots.find(Slot.str());
    if (It == Slots.end())
      return createStringError(inconvertibleErrorCode(),
                               "prompt '%s' needs a value for {{%s}}",
                               TemplateName.str().c_str(), Slot.str().c_str());
    Out += Template.take_front(Open);
    Out += It->second;
    Template = Template.drop_front(Close + 2);
  }
  Out += Template;
  return Out;
}

Expected<std::string> renderPrompt(StringRef Name, const PromptSlots &Slots) {
  auto Template = promptTemplate(Name);
  if (!Template)
    return Template.takeError();
  return renderTemplate(*Template, Slots, Name);
}

std::string promptFormatVersion() {
  SHA256 Hash;
  for (const EmbeddedPrompt &P : Embedded) {
    auto Text = promptTemplate(P.Name);
    Hash.update(P.Name);
    Hash.update(Text ? StringRef(*Text) : StringRef(P.Text));
    if (!Text)
      consumeError(Text.takeError());
  }
  auto Digest = Hash.final();
  return "p1-" + toHex(ArrayRef<uint8_t>(Digest.data(), 6), /*LowerCase=*/true);
}

} // namespace core
} // namespace semcom
