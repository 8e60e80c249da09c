#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "herald/engine/Result.h"

namespace herald::engine {

class Clock;
class Database;

struct AdsImportSummary
{
    std::int64_t rows = 0;          // data lines read
    std::int64_t days = 0;          // (ad set, day) rows written
    std::int64_t adSetsCreated = 0; // ad sets that did not exist by name
    std::int64_t adSetsUpdated = 0;
    std::string currency;
};

/// Imports an Ads Manager CSV export (daily breakdown) into ad_sets and ad_metrics in one transaction.
/// Columns: "Ad set name", "Day" or "Reporting starts", "Impressions", "Link clicks" or "Clicks (all)",
/// "Amount spent (XXX)"; optional "Results" or "Purchases", "Purchase conversion value" (or "Purchases
/// conversion value"), "Ad set ID". Rows of one ad set and day are summed; existing days are replaced.
/// Invalid (naming the column or line, nothing written) for a missing column, two spend currencies, a
/// currency other than an existing ad set's, a bad number or date. Records the file in imports.
Result<AdsImportSummary> importAdsCsv(Database& db, std::string_view csv, const std::string& fileName,
                                      const Clock& clock);

} // namespace herald::engine
