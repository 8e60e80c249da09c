#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/import/CsvImporter.h"
#include "herald/engine/model/Account.h"

namespace herald::engine {

// One validated row, ready to store.
struct CsvRowValues
{
    std::int64_t line = 0;
    std::string externalId;
    std::string permalink;
    std::string text;
    std::string title;
    std::int64_t publishedUtc = 0;
    std::int64_t publishedLocal = 0; // wall time in the account's zone, seconds
    std::string day;                 // account-day rows
    std::vector<std::pair<ImportField, double>> metrics;
};

/// Writes validated rows of one import. Runs inside the caller's transaction.
class CsvImportWriter
{
public:
    CsvImportWriter(Database& db, const Account& account, const CsvLayout& layout, std::int64_t nowUtc)
        : m_db(db), m_account(account), m_layout(layout), m_now(nowUtc)
    {
    }

    /// Upserts the post and target by external id and writes its counts as snapshots at nowUtc.
    Result<void> writePost(const CsvRowValues& row, CsvImportReport& report);
    /// Writes one day's account metrics.
    Result<void> writeDay(const CsvRowValues& row, CsvImportReport& report);
    /// Raises the daily impressions / engagements of the days the written posts were published on.
    Result<void> deriveDailyTotals(const CsvImportOptions& options, CsvImportReport& report);

private:
    Database& m_db;
    const Account& m_account;
    const CsvLayout& m_layout;
    std::int64_t m_now;
    std::vector<std::int64_t> m_touchedUtc;
};

} // namespace herald::engine
