#include "herald/engine/ads/AdsImport.h"

#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

#include "herald/engine/Clock.h"
#include "herald/engine/ads/CustomAudience.h"
#include "herald/engine/store/AdRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

// RFC 4180 records with their 1-based starting line numbers.
struct CsvRecord
{
    std::int64_t line = 0;
    std::vector<std::string> cells;
};

Result<std::vector<CsvRecord>> parseCsv(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::vector<CsvRecord> records;
    CsvRecord record{1, {}};
    std::string cell;
    bool quoted = false;
    bool cellStarted = false;
    std::int64_t line = 1;
    auto endRecord = [&](std::int64_t nextLine) {
        record.cells.push_back(std::move(cell));
        cell.clear();
        const bool blank = record.cells.size() == 1 && record.cells[0].empty();
        if (!blank)
            records.push_back(std::move(record));
        record = CsvRecord{nextLine, {}};
        cellStarted = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n')
                    ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && !cellStarted) {
            quoted = true;
            cellStarted = true;
        } else if (c == ',') {
            record.cells.push_back(std::move(cell));
            cell.clear();
            cellStarted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            endRecord(line);
        } else {
            cell += c;
            cellStarted = true;
        }
    }
    if (quoted)
        return fail(ErrorCode::Parse, "line " + std::to_string(record.line) + ": a quoted cell is never closed");
    if (cellStarted || !record.cells.empty() || !cell.empty())
        endRecord(line + 1);
    return records;
}

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool isDay(const std::string& d)
{
    if (d.size() != 10 || d[4] != '-' || d[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (d[i] < '0' || d[i] > '9')
            return false;
    const int month = std::stoi(d.substr(5, 2));
    const int day = std::stoi(d.substr(8, 2));
    const int year = std::stoi(d.substr(0, 4));
    constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1])
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}

std::optional<double> number(const std::string& raw)
{
    const std::string s = trimmed(raw);
    if (s.empty())
        return 0.0;
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v) || v < 0)
        return std::nullopt;
    return v;
}

struct Columns
{
    int name = -1;
    int id = -1;
    int day = -1;
    int impressions = -1;
    int clicks = -1;
    int spend = -1;
    int conversions = -1;
    int revenue = -1;
};

int findColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names)
{
    for (const char* n : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (trimmed(header[i]) == n)
                return static_cast<int>(i);
    return -1;
}

struct DayTotals
{
    double impressions = 0;
    double clicks = 0;
    double spend = 0;
    double conversions = 0;
    double revenue = 0;
};

} // namespace

Result<AdsImportSummary> importAdsCsv(Database& db, std::string_view csv, const std::string& fileName,
                                      const Clock& clock)
{
    auto records = parseCsv(csv);
    if (!records)
        return tl::unexpected(records.error());
    if (records->empty())
        return fail(ErrorCode::Invalid, fileName + ": the file is empty");
    const auto& header = records->front().cells;
    Columns col;
    col.name = findColumn(header, {"Ad set name", "Ad Set Name"});
    col.id = findColumn(header, {"Ad set ID", "Ad Set ID"});
    col.day = findColumn(header, {"Day", "Reporting starts"});
    col.impressions = findColumn(header, {"Impressions"});
    col.clicks = findColumn(header, {"Link clicks", "Clicks (all)"});
    col.conversions = findColumn(header, {"Results", "Purchases"});
    col.revenue = findColumn(header, {"Purchase conversion value", "Purchases conversion value"});
    std::string currency;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const std::string h = trimmed(header[i]);
        constexpr std::string_view kSpent = "Amount spent (";
        if (h.rfind(kSpent, 0) == 0 && h.size() == kSpent.size() + 4 && h.back() == ')') {
            const std::string c = h.substr(kSpent.size(), 3);
            if (!currency.empty() && c != currency)
                return fail(ErrorCode::Invalid, fileName + ": currency mix: columns \"Amount spent (" + currency +
                                                    ")\" and \"" + h + "\"; export one currency per file");
            currency = c;
            col.spend = static_cast<int>(i);
        }
    }
    std::vector<std::string> missing;
    if (col.name < 0)
        missing.emplace_back("\"Ad set name\"");
    if (col.day < 0)
        missing.emplace_back("\"Day\" or \"Reporting starts\"");
    if (col.impressions < 0)
        missing.emplace_back("\"Impressions\"");
    if (col.clicks < 0)
        missing.emplace_back("\"Link clicks\" or \"Clicks (all)\"");
    if (col.spend < 0)
        missing.emplace_back("\"Amount spent (XXX)\"");
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing)
            list += (list.empty() ? "" : ", ") + m;
        return fail(ErrorCode::Invalid,
                    fileName + ": missing column(s) " + list + " (export the daily breakdown from Ads Manager)");
    }

    std::map<std::string, std::map<std::string, DayTotals>> bySet; // name -> day -> totals
    std::map<std::string, std::string> externalIds;
    AdsImportSummary summary;
    summary.currency = currency;
    for (std::size_t r = 1; r < records->size(); ++r) {
        const auto& rec = (*records)[r];
        const std::string where = fileName + " line " + std::to_string(rec.line);
        if (rec.cells.size() != header.size())
            return fail(ErrorCode::Invalid, where + ": " + std::to_string(rec.cells.size()) +
                                                " cells, the header has " + std::to_string(header.size()));
        const std::string name = trimmed(rec.cells[static_cast<std::size_t>(col.name)]);
        if (name.empty())
            return fail(ErrorCode::Invalid,
                        where + ": column \"" + header[static_cast<std::size_t>(col.name)] + "\" is empty");
        const std::string day = trimmed(rec.cells[static_cast<std::size_t>(col.day)]);
        if (!isDay(day))
            return fail(ErrorCode::Invalid, where + ": column \"" + header[static_cast<std::size_t>(col.day)] +
                                                "\" value \"" + day + "\" is not a date (YYYY-MM-DD)");
        auto value = [&](int c) -> Result<double> {
            if (c < 0)
                return 0.0;
            const auto v = number(rec.cells[static_cast<std::size_t>(c)]);
            if (!v)
                return fail(ErrorCode::Invalid, where + ": column \"" + header[static_cast<std::size_t>(c)] +
                                                    "\" value \"" + rec.cells[static_cast<std::size_t>(c)] +
                                                    "\" is not a non-negative number");
            return *v;
        };
        DayTotals t;
        for (auto [c, target] : {std::pair{col.impressions, &t.impressions}, std::pair{col.clicks, &t.clicks},
                                 std::pair{col.spend, &t.spend}, std::pair{col.conversions, &t.conversions},
                                 std::pair{col.revenue, &t.revenue}}) {
            auto v = value(c);
            if (!v)
                return tl::unexpected(v.error());
            *target = *v;
        }
        if (t.clicks > t.impressions)
            return fail(ErrorCode::Invalid, where + ": more clicks (" + std::to_string(std::llround(t.clicks)) +
                                                ") than impressions (" + std::to_string(std::llround(t.impressions)) +
                                                ")");
        auto& sum = bySet[name][day];
        sum.impressions += t.impressions;
        sum.clicks += t.clicks;
        sum.spend += t.spend;
        sum.conversions += t.conversions;
        sum.revenue += t.revenue;
        if (col.id >= 0 && externalIds[name].empty())
            externalIds[name] = trimmed(rec.cells[static_cast<std::size_t>(col.id)]);
        ++summary.rows;
    }
    if (summary.rows == 0)
        return fail(ErrorCode::Invalid, fileName + ": no data lines after the header");

    auto tx = Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    AdRepository repo(db);
    for (const auto& [name, days] : bySet) {
        auto find = db.prepare("SELECT id, currency FROM ad_sets WHERE name = ?1 ORDER BY id LIMIT 1");
        if (!find)
            return tl::unexpected(find.error());
        (*find)->bind(1, name);
        auto row = (*find)->step();
        if (!row)
            return tl::unexpected(row.error());
        std::int64_t adSetId = 0;
        if (*row) {
            adSetId = (*find)->int64(0);
            const std::string existing = (*find)->text(1);
            (*find)->reset();
            if (existing != currency)
                return fail(ErrorCode::Invalid, fileName + ": currency mix: ad set \"" + name + "\" is in " + existing +
                                                    ", the file's \"Amount spent\" is in " + currency);
            ++summary.adSetsUpdated;
        } else {
            (*find)->reset();
            AdSet s;
            s.name = name;
            s.platform = "facebook";
            s.externalId = externalIds[name];
            s.currency = currency;
            s.createdUtc = clock.nowUtc();
            auto id = repo.insertAdSet(s);
            if (!id)
                return tl::unexpected(id.error());
            adSetId = *id;
            ++summary.adSetsCreated;
        }
        for (const auto& [day, t] : days) {
            AdMetricDay m;
            m.adSetId = adSetId;
            m.day = day;
            m.impressions = std::llround(t.impressions);
            m.clicks = std::llround(t.clicks);
            m.spend = t.spend;
            m.conversions = std::llround(t.conversions);
            m.revenue = t.revenue;
            if (auto r = repo.upsertMetric(m); !r)
                return tl::unexpected(r.error());
            ++summary.days;
        }
    }
    auto record =
        db.prepare("INSERT INTO imports(kind, file_name, sha256, rows, imported_utc) VALUES ('ads', ?1, ?2, ?3, ?4)");
    if (!record)
        return tl::unexpected(record.error());
    (*record)->bind(1, fileName).bind(2, identifierSha256(csv)).bind(3, summary.rows).bind(4, clock.nowUtc());
    if (auto r = (*record)->run(); !r)
        return tl::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return summary;
}

} // namespace herald::engine
