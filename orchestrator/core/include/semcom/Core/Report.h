//===- Report.h - a run report with more than functions ------------------===//
//
// `semcom demo` reports programs, task steps and totals beside the function table. Rather than a
// second report writer, the function report (FunctionMode.h: printReportTable, writeReports) is
// written as always and these parts are added to it, so both stay one format.
//
//===----------------------------------------------------------------------===//
#ifndef SEMCOM_CORE_REPORT_H
#define SEMCOM_CORE_REPORT_H

#include "semcom/Core/FunctionMode.h"

#include "llvm/Support/JSON.h"

#include <string>
#include <vector>

namespace semcom {
namespace core {

/// A table shown on the terminal (printTable) and in report.html from the same rows.
struct ReportTable {
  std::string Title;
  std::vector<std::string> Header;
  std::vector<std::vector<std::string>> Rows;
  int ResultColumn = -1; ///< cells here are coloured: PASS/passed/built/ok green, others red
};

/// What a report carries beyond its functions.
struct ReportExtras {
  std::string Title; ///< replaces "Semcom run ID"
  std::string Note;  ///< a paragraph under the title
  std::vector<ReportTable> Tables; ///< after the function table
  std::vector<std::string> Totals; ///< one line each, after the tables
  llvm::json::Object Summary;      ///< keys added to summary.json
};

/// The table in printReportTable's style, each column as wide as its widest cell.
void printTable(const ReportTable &Table, llvm::raw_ostream &OS);

/// writeReports (summary.json, report.html in RunDir), then the extras added to both.
llvm::Error writeExtendedReports(llvm::ArrayRef<FunctionReport> Reports, llvm::StringRef RunDir,
                                 llvm::StringRef RunId, const ReportExtras &Extras);

} // namespace core
} // namespace semcom

#endif
