//===- Budget.cpp - spending limits and the price table -----------------===//
//
// Runaway cost is the complaint users of model-driven tools make most after crashes; a run stops
// cleanly, saying what it spent, once a call, token or dollar limit is reached.
//
//===----------------------------------------------------------------------===//
#include "JSONUtil.h"
#include "semcom/LLM/LLMError.h"
#include "semcom/LLM/Providers.h"

#include "llvm/Support/FormatVariadic.h"

using namespace llvm;

namespace semcom {
namespace llm {

namespace {
#include "PricesJSON.inc" // defines BuiltinPrices, the text of data/prices.json
} // namespace

StringRef builtinPriceTableJSON() { return BuiltinPrices; }

double ModelPrice::cost(const Usage &U) const {
  return (U.Input * InputPerMTok + U.Output * OutputPerMTok + U.CacheWrite * CacheWritePerMTok +
          U.CacheRead * CacheReadPerMTok) /
         1e6;
}

Expected<std::map<std::string, ModelPrice>> parsePriceTable(StringRef JSON, StringRef Path) {
  rapidjson::Document Doc;
  if (Error E = json::parse(Doc, JSON, Path))
    return makeLLMError(ErrorKind::Config, toString(std::move(E)));
  const rapidjson::Value *Models = json::member(Doc, "models");
  if (!Models || !Models->IsObject())
    return makeLLMError(ErrorKind::Config,
                        Path + ": a price table is {\"models\": {\"NAME\": {\"input\": …, "
                               "\"output\": …, \"cache_write\": …, \"cache_read\": …}}}");
  std::map<std::string, ModelPrice> Table;
  for (auto &M : Models->GetObject()) {
    std::string Name(M.name.GetString(), M.name.GetStringLength());
    auto In = json::getNumber(M.value, "input"), Out = json::getNumber(M.value, "output");
    if (!In || !Out)
      return makeLLMError(ErrorKind::Config,
                          Path + ": model '" + Name + "' needs numeric \"input\" and \"output\"");
    ModelPrice P;
    P.InputPerMTok = *In;
    P.OutputPerMTok = *Out;
    P.CacheWritePerMTok = json::getNumber(M.value, "cache_write").value_or(*In);
    P.CacheReadPerMTok = json::getNumber(M.value, "cache_read").value_or(*In);
    Table[Name] = P;
  }
  return Table;
}

std::optional<ModelPrice> lookupPrice(const std::map<std::string, ModelPrice> &Table,
                                      StringRef Model) {
  auto Exact = Table.find(Model.str());
  if (Exact != Table.end())
    return Exact->second;
  std::optional<ModelPrice> Best;
  size_t BestLen = 0;
  for (const auto &[Name, Price] : Table)
    if (Model.starts_with(Name) && Name.size() > BestLen &&
        (Model.size() == Name.size() || Model[Name.size()] == '-')) {
      Best = Price;
      BestLen = Name.size();
    }
  return Best;
}

namespace {

class BudgetProvider : public Provider {
public:
  BudgetProvider(std::unique_ptr<Provider> Inner, BudgetLimits Limits,
                 std::optional<ModelPrice> Price, std::shared_ptr<UsageStats> Stats)
      : Inner(std::move(Inner)), Limits(Limits), Price(Price), Stats(std::move(Stats)) {}
  StringRef kind() const override { return Inner->kind(); }
  StringRef model() const override { return Inner->model(); }
  bool supportsPrefill() const override { return Inner->supportsPrefill(); }

  Expected<Response> complete(const Request &R) override {
    std::string Reached;
    if (Limits.MaxCalls && Stats->Calls >= *Limits.MaxCalls)
      Reached = "--max-calls " + std::to_string(*Limits.MaxCalls);
    else if (Limits.MaxTokens && Stats->Tokens.total() >= *Limits.MaxTokens)
      Reached = "--max-tokens " + std::to_string(*Limits.MaxTokens);
    else if (Limits.MaxCost && Stats->Cost >= *Limits.MaxCost)
      Reached = "--max-cost " + formatv("{0:f4}", *Limits.MaxCost).str();
    if (!Reached.empty())
      return makeLLMError(ErrorKind::Budget,
                          "budget reached (" + Reached + "): spent " + spent() +
                              "; stopping before the next model call");
    Expected<Response> Resp = Inner->complete(R);
    if (!Resp) {
      ++Stats->Failures;
      return Resp;
    }
    ++Stats->Calls;
    Stats->Tokens += Resp->Tokens;
    if (Price)
      Stats->Cost += Price->cost(Resp->Tokens);
    else
      Stats->CostKnown = false;
    return Resp;
  }

private:
  std::string spent() const {
    return std::to_string(Stats->Calls) + " call(s), " + std::to_string(Stats->Tokens.total()) +
           " tokens, $" + formatv("{0:f4}", Stats->Cost).str() +
           (Stats->CostKnown ? "" : " (cost incomplete)");
  }

  std::unique_ptr<Provider> Inner;
  BudgetLimits Limits;
  std::optional<ModelPrice> Price;
  std::shared_ptr<UsageStats> Stats;
};

} // namespace

std::unique_ptr<Provider> wrapBudget(std::unique_ptr<Provider> Inner, BudgetLimits Limits,
                                     std::optional<ModelPrice> Price,
                                     std::shared_ptr<UsageStats> Stats) {
  return std::make_unique<BudgetProvider>(std::move(Inner), Limits, Price, std::move(Stats));
}

} // namespace llm
} // namespace semcom
