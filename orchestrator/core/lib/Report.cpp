//===- Report.cpp - a run report with more than functions ----------------===//
//
// Adds tables, totals and summary keys to the report writeReports writes, so that the demo's
// report is the function report every run writes, not a second format.
//
//===----------------------------------------------------------------------===//
#include "semcom/Core/Report.h"
#include "semcom/Core/Support.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstring>

using namespace llvm;

namespace semcom {
namespace core {

namespace {

Expected<std::string> readWhole(StringRef Path) {
  auto B = MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!B)
    return createStringError(B.getError(), Path + ": " + B.getError().message());
  return (*B)->getBuffer().str();
}

/// Replaces the text between the first Open and the Close after it.
void replaceBetween(std::string &S, StringRef Open, StringRef Close, StringRef With) {
  size_t Begin = S.find(Open.str());
  if (Begin == std::string::npos)
    return;
  Begin += Open.size();
  size_t End = S.find(Close.str(), Begin);
  if (End != std::string::npos)
    S.replace(Begin, End - Begin, With.str());
}

std::string tableHTML(const ReportTable &T) {
  std::string H;
  raw_string_ostream OS(H);
  OS << "<h2>" << htmlEscape(T.Title) << "</h2>\n<table>\n<tr>";
  for (const std::string &Head : T.Header)
    OS << "<th>" << htmlEscape(Head) << "</th>";
  OS << "</tr>\n";
  for (const auto &Row : T.Rows) {
    OS << "<tr>";
    for (size_t I = 0; I < Row.size(); ++I) {
      if (static_cast<int>(I) == T.ResultColumn) {
        StringRef Cell = Row[I];
        bool Good = Cell == "PASS" || Cell == "passed" || Cell == "built" || Cell == "ok";
        OS << "<td class=\"" << (Good ? "PASS" : "FAIL") << "\">";
      } else {
        OS << "<td>";
      }
      OS << htmlEscape(Row[I]) << "</td>";
    }
    OS << "</tr>\n";
  }
  OS << "</table>\n";
  return H;
}

} // namespace

void printTable(const ReportTable &Table, raw_ostream &OS) {
  std::vector<size_t> Width;
  for (const std::string &H : Table.Header)
    Width.push_back(H.size());
  for (const auto &Row : Table.Rows)
    for (size_t I = 0; I < Row.size() && I < Width.size(); ++I)
      Width[I] = std::max(Width[I], Row[I].size());
  auto Line = [&](ArrayRef<std::string> Cells) {
    for (size_t I = 0; I < Width.size(); ++I) {
      StringRef Cell = I < Cells.size() ? StringRef(Cells[I]) : StringRef();
      OS << (I ? " | " : "") << Cell;
      if (I + 1 < Width.size())
        OS.indent(Width[I] - std::min(Width[I], Cell.size()));
    }
    OS << "\n";
  };
  Line(Table.Header);
  for (size_t I = 0; I < Width.size(); ++I)
    OS << (I ? "-|-" : "") << std::string(Width[I], '-');
  OS << "\n";
  for (const auto &Row : Table.Rows)
    Line(Row);
}

Error writeExtendedReports(ArrayRef<FunctionReport> Reports, StringRef RunDir, StringRef RunId,
                           const ReportExtras &Extras) {
  if (Error E = writeReports(Reports, RunDir, RunId))
    return E;

  SmallString<256> SummaryPath(RunDir);
  sys::path::append(SummaryPath, "summary.json");
  auto Summary = readWhole(SummaryPath);
  if (!Summary)
    return Summary.takeError();
  Expected<json::Value> Doc = json::parse(*Summary);
  if (!Doc)
    return Doc.takeError();
  if (json::Object *O = Doc->getAsObject())
    for (const auto &KV : Extras.Summary)
      (*O)[KV.first] = KV.second;
  if (Error E = writeDurably(SummaryPath, formatv("{0:2}", *Doc).str()))
    return E;

  SmallString<256> HtmlPath(RunDir);
  sys::path::append(HtmlPath, "report.html");
  auto Html = readWhole(HtmlPath);
  if (!Html)
    return Html.takeError();
  std::string &H = *Html;
  if (!Extras.Title.empty()) {
    replaceBetween(H, "<title>", "</title>", htmlEscape(Extras.Title));
    replaceBetween(H, "<h1>", "</h1>", htmlEscape(Extras.Title));
  }
  if (!Extras.Note.empty()) {
    size_t At = H.find("</h1>\n");
    if (At != std::string::npos)
      H.insert(At + strlen("</h1>\n"), "<p class=\"note\">" + htmlEscape(Extras.Note) + "</p>\n");
  }
  // The function table is the report's first table; the others follow it, then the totals,
  // then each function's details.
  std::string More;
  for (const ReportTable &T : Extras.Tables)
    More += tableHTML(T);
  if (!Extras.Totals.empty()) {
    More += "<h2>Totals</h2>\n<ul class=\"totals\">\n";
    for (const std::string &L : Extras.Totals)
      More += "<li>" + htmlEscape(L) + "</li>\n";
    More += "</ul>\n";
  }
  size_t At = H.find("</table>\n");
  if (At != std::string::npos)
    H.insert(At + strlen("</table>\n"), More);
  else if ((At = H.rfind("</body>")) != std::string::npos)
    H.insert(At, More);
  return writeDurably(HtmlPath, H);
}

} // namespace core
} // namespace semcom
