#include "herald/engine/import/CsvImporter.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include <openssl/evp.h>

#include "CsvImportWriter.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/AccountRepository.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

std::string quoted(std::string_view s)
{
    constexpr std::size_t kMax = 40;
    std::string out = "\"";
    out += s.size() > kMax ? std::string(s.substr(0, kMax)) + "..." : std::string(s);
    return out + "\"";
}

std::string trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

// Post text keeps its line breaks, stored as '\n' whatever the file used.
std::string unixLineEnds(std::string s)
{
    std::size_t at = 0;
    while ((at = s.find("\r\n", at)) != std::string::npos)
        s.erase(at, 1);
    return s;
}

std::int64_t localToUtc(std::int64_t local, const std::function<int(std::int64_t)>& offset)
{
    if (!offset)
        return local;
    const std::int64_t guess = local - offset(local);
    return local - offset(guess);
}

std::string columnName(const CsvLayout& layout, ImportField field)
{
    const int col = layout.mapping.column(field);
    if (col >= 0 && static_cast<std::size_t>(col) < layout.header.size() && !trimmed(layout.header[col]).empty())
        return trimmed(layout.header[col]);
    return std::string(importFieldKey(field));
}

bool isBlankRecord(const CsvRecord& r)
{
    return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return trimmed(f).empty(); });
}

class RowValidator
{
public:
    RowValidator(const CsvLayout& layout, const CsvImportOptions& options, DateOrder order)
        : m_layout(layout), m_options(options), m_order(order)
    {
    }

    // Fills `out` from `record`, or returns the reason the row is rejected.
    std::optional<std::string> validate(const CsvRecord& record, CsvRowValues& out) const
    {
        const auto& fields = record.fields;
        const std::size_t width = m_layout.header.size();
        if (fields.size() < width) {
            // Only trailing empty cells may be missing: some spreadsheets drop them.
            int lastMapped = -1;
            for (int c : m_layout.mapping.columns)
                lastMapped = std::max(lastMapped, c);
            if (static_cast<int>(fields.size()) <= lastMapped)
                return "has " + std::to_string(fields.size()) + " columns, the header has " + std::to_string(width);
        } else if (fields.size() > width) {
            for (std::size_t k = width; k < fields.size(); ++k)
                if (!trimmed(fields[k]).empty())
                    return "has " + std::to_string(fields.size()) + " columns, the header has " + std::to_string(width);
        }
        auto cell = [&](ImportField f) -> std::string {
            const int c = m_layout.mapping.column(f);
            return c >= 0 && static_cast<std::size_t>(c) < fields.size() ? trimmed(fields[c]) : std::string();
        };
        out.line = record.line;
        const bool postRow = m_layout.format->kind == CsvRowKind::Post;
        if (postRow) {
            out.externalId = cell(ImportField::ExternalId);
            if (m_layout.mapping.has(ImportField::ExternalId)) {
                if (out.externalId.empty() && isRequired(ImportField::ExternalId))
                    return columnName(m_layout, ImportField::ExternalId) + " is empty";
                if (out.externalId.find("E+") != std::string::npos || out.externalId.find("e+") != std::string::npos)
                    return columnName(m_layout, ImportField::ExternalId) + " " + quoted(out.externalId) +
                           " was rounded by a spreadsheet (format the column as text before exporting)";
            }
            out.permalink = cell(ImportField::Permalink);
            out.text = unixLineEnds(cell(ImportField::Text));
            out.title = unixLineEnds(cell(ImportField::Title));
            const std::string when = cell(ImportField::PublishedAt);
            if (when.empty())
                return columnName(m_layout, ImportField::PublishedAt) + " is empty";
            auto date = parseDate(when, m_order);
            if (!date)
                return columnName(m_layout, ImportField::PublishedAt) + " " + quoted(when) + " is not a date";
            if (date->hasZone) {
                out.publishedUtc = date->utcSeconds;
                out.publishedLocal =
                    date->utcSeconds + (m_options.utcOffset ? m_options.utcOffset(date->utcSeconds) : 0);
            } else {
                out.publishedLocal = date->localSeconds;
                out.publishedUtc = localToUtc(date->localSeconds, m_options.utcOffset);
            }
        } else {
            const std::string when = cell(ImportField::Day);
            if (when.empty())
                return columnName(m_layout, ImportField::Day) + " is empty";
            auto date = parseDate(when, m_order);
            if (!date)
                return columnName(m_layout, ImportField::Day) + " " + quoted(when) + " is not a date";
            out.day = date->dayString();
        }
        for (int k = static_cast<int>(ImportField::Impressions); k < kImportFieldCount; ++k) {
            const auto field = static_cast<ImportField>(k);
            if (!m_layout.mapping.has(field))
                continue;
            const std::string text = cell(field);
            if (isEmptyCell(text)) {
                if (isRequired(field))
                    return columnName(m_layout, field) + " is empty";
                continue;
            }
            auto number = parseNumber(text, m_options.numberStyle);
            if (!number)
                return columnName(m_layout, field) + " " + quoted(text) + " is not a number";
            if (number->percent)
                return columnName(m_layout, field) + " " + quoted(text) + " is a percentage, not a count";
            if (number->value < 0)
                return columnName(m_layout, field) + " " + quoted(text) + " is negative";
            out.metrics.emplace_back(field, number->value);
        }
        return std::nullopt;
    }

private:
    bool isRequired(ImportField f) const
    {
        for (const auto& spec : m_layout.format->fields)
            if (spec.field == f)
                return spec.required;
        return false;
    }

    const CsvLayout& m_layout;
    const CsvImportOptions& m_options;
    DateOrder m_order;
};

struct Prepared
{
    CsvDocument doc;
    CsvLayout layout;
    DateOrder order = DateOrder::MonthFirst;
};

Result<Prepared> prepare(std::string_view content, const CsvImportOptions& options)
{
    Prepared p;
    auto doc = readCsv(content, options.delimiter);
    if (!doc)
        return tl::unexpected(doc.error());
    p.doc = std::move(*doc);
    auto layout = detectCsvLayout(p.doc, options.format);
    if (!layout)
        return tl::unexpected(layout.error());
    p.layout = std::move(*layout);
    if (options.mapping) {
        for (int c : options.mapping->columns)
            if (c >= static_cast<int>(p.layout.header.size()))
                return fail(ErrorCode::Invalid, "the column mapping names column " + std::to_string(c + 1) +
                                                    " but the header has " + std::to_string(p.layout.header.size()));
        p.layout.mapping = *options.mapping;
    }
    // Slashed dates: one order for the whole column, decided by any unambiguous cell.
    p.order = options.dateOrder;
    if (p.order == DateOrder::Auto) {
        p.order = DateOrder::MonthFirst;
        const int col = p.layout.mapping.column(p.layout.format->kind == CsvRowKind::Post ? ImportField::PublishedAt
                                                                                          : ImportField::Day);
        for (std::size_t r = p.layout.headerRecord + 1; col >= 0 && r < p.doc.records.size(); ++r) {
            const auto& f = p.doc.records[r].fields;
            if (static_cast<std::size_t>(col) < f.size() && slashedDateFirstPart(f[col]) > 12) {
                p.order = DateOrder::DayFirst;
                break;
            }
        }
    }
    return p;
}

std::string describeMissing(const CsvLayout& layout, const std::vector<ImportField>& missing)
{
    std::string out;
    for (ImportField f : missing) {
        for (const auto& spec : layout.format->fields) {
            if (spec.field != f)
                continue;
            std::string names;
            for (const auto& a : spec.aliases)
                names += (names.empty() ? "\"" : ", \"") + a + "\"";
            out += (out.empty() ? "" : "; ") + std::string(importFieldKey(f)) + " (column " + names + ")";
        }
    }
    return out;
}

void fillLayout(CsvImportReport& report, const Prepared& p)
{
    report.format = p.layout.format->name;
    report.formatLabel = p.layout.format->label;
    report.kind = p.layout.format->kind;
    report.delimiter = p.doc.delimiter;
    report.headerLine = p.layout.headerLine;
    report.header = p.layout.header;
    report.mapping = p.layout.mapping;
}

} // namespace

std::string sha256Hex(std::string_view bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        return {};
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int k = 0; k < length; ++k) {
        out += hex[digest[k] >> 4];
        out += hex[digest[k] & 0xF];
    }
    return out;
}

Result<std::string> readImportFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return fail(ErrorCode::NotFound, path + ": cannot open the file");
    const std::streamoff size = in.tellg();
    if (size < 0)
        return fail(ErrorCode::Storage, path + ": cannot read the file");
    if (size > (std::streamoff(1) << 30))
        return fail(ErrorCode::Invalid, path + ": larger than 1 GiB");
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), size))
        return fail(ErrorCode::Storage, path + ": cannot read the file");
    return bytes;
}

Result<CsvPreview> previewCsv(std::string_view content, const CsvImportOptions& options, std::size_t maxRows)
{
    auto p = prepare(content, options);
    if (!p)
        return tl::unexpected(p.error());
    CsvPreview preview;
    preview.delimiter = p->doc.delimiter;
    preview.missingRequired = missingRequiredFields(*p->layout.format, p->layout.mapping);
    for (std::size_t r = p->layout.headerRecord + 1; r < p->doc.records.size(); ++r) {
        if (isBlankRecord(p->doc.records[r]))
            continue;
        ++preview.dataRows;
        if (preview.rows.size() < maxRows)
            preview.rows.push_back(p->doc.records[r]);
    }
    preview.layout = std::move(p->layout);
    return preview;
}

Result<CsvImportReport> importCsv(Database& db, const CsvImportRequest& request, const Clock& clock,
                                  std::stop_token stop, const std::function<void(double)>& progress)
{
    const auto& options = request.options;
    auto report = [&](double v) {
        if (progress)
            progress(v);
    };
    AccountRepository accounts(db);
    auto account = accounts.find(request.accountId);
    if (!account)
        return tl::unexpected(account.error());
    if (!*account)
        return fail(ErrorCode::NotFound, "there is no account " + std::to_string(request.accountId));

    auto p = prepare(request.content, options);
    if (!p)
        return tl::unexpected(p.error());
    const CsvLayout& layout = p->layout;
    CsvImportReport out;
    fillLayout(out, *p);
    out.sha256 = sha256Hex(request.content);
    out.dryRun = options.dryRun;
    if (layout.format->platform && *layout.format->platform != (*account)->platform)
        return fail(ErrorCode::Invalid, "the file is a " + layout.format->label + " export but account " +
                                            std::to_string(request.accountId) + " is on " +
                                            std::string(platformDisplayName((*account)->platform)));
    if (auto missing = missingRequiredFields(*layout.format, layout.mapping); !missing.empty())
        return fail(ErrorCode::Invalid, "line " + std::to_string(layout.headerLine) + ": the " + layout.format->name +
                                            " header lacks required columns: " + describeMissing(layout, missing));

    // The same bytes imported before into this account: nothing to do (unless asked again).
    auto earlier =
        db.prepare("SELECT id, rows FROM imports WHERE sha256 = ?1 AND account_id = ?2 ORDER BY id DESC LIMIT 1");
    if (!earlier)
        return tl::unexpected(earlier.error());
    (*earlier)->bind(1, out.sha256).bind(2, request.accountId);
    auto hit = (*earlier)->step();
    if (!hit)
        return tl::unexpected(hit.error());
    std::int64_t earlierRows = 0;
    if (*hit && !options.reimport) {
        out.importId = (*earlier)->int64(0);
        earlierRows = (*earlier)->int64(1);
        out.alreadyImported = true;
    }
    (*earlier)->reset();
    if (out.alreadyImported && !options.dryRun) {
        out.rowsRead = out.rowsImported = earlierRows;
        report(1.0);
        return out;
    }

    // Validate every row first: the file is imported whole or not at all.
    RowValidator validator(layout, options, p->order);
    std::vector<CsvRowValues> rows;
    std::unordered_map<std::string, std::int64_t> seenKeys;
    const std::size_t total = p->doc.records.size();
    for (std::size_t r = layout.headerRecord + 1; r < total; ++r) {
        if (stop.stop_requested())
            return fail(ErrorCode::Cancelled, "import cancelled");
        if (r % 4096 == 0)
            report(0.4 * static_cast<double>(r) / static_cast<double>(total));
        const CsvRecord& record = p->doc.records[r];
        if (isBlankRecord(record))
            continue;
        ++out.rowsRead;
        CsvRowValues row;
        if (auto reason = validator.validate(record, row)) {
            out.rejected.push_back({record.line, std::move(*reason)});
            continue;
        }
        const std::string key = layout.format->kind == CsvRowKind::AccountDay ? row.day
                                : !row.externalId.empty()                     ? row.externalId
                                                                              : row.permalink;
        if (!key.empty()) {
            auto [it, inserted] = seenKeys.emplace(key, record.line);
            if (!inserted) {
                out.rejected.push_back(
                    {record.line, (layout.format->kind == CsvRowKind::AccountDay ? "day " : "post ") + key +
                                      " is already on line " + std::to_string(it->second)});
                continue;
            }
        }
        rows.push_back(std::move(row));
    }
    if (out.rowsRead == 0 && out.rejected.empty())
        return fail(ErrorCode::Invalid, "the file has a header but no data rows");
    if (!out.rejected.empty())
        return out;
    out.rowsImported = static_cast<std::int64_t>(rows.size());

    if (options.dryRun || out.alreadyImported) {
        report(1.0);
        return out;
    }

    auto tx = Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    const std::int64_t now = clock.nowUtc();
    CsvImportWriter writer(db, **account, layout, now);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (k % 512 == 0) {
            if (stop.stop_requested())
                return fail(ErrorCode::Cancelled, "import cancelled");
            report(0.4 + 0.55 * static_cast<double>(k) / static_cast<double>(rows.size()));
        }
        auto r =
            layout.format->kind == CsvRowKind::Post ? writer.writePost(rows[k], out) : writer.writeDay(rows[k], out);
        if (!r)
            return fail(r.error().code, "line " + std::to_string(rows[k].line) + ": " + r.error().detail);
    }
    if (layout.format->kind == CsvRowKind::Post && options.deriveDailyTotals)
        if (auto r = writer.deriveDailyTotals(options, out); !r)
            return tl::unexpected(r.error());
    auto record = db.prepare("INSERT INTO imports(kind, file_name, sha256, rows, account_id, imported_utc) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!record)
        return tl::unexpected(record.error());
    (*record)->bind(1, "csv:" + layout.format->name).bind(2, request.fileName).bind(3, out.sha256);
    (*record)->bind(4, out.rowsImported).bind(5, request.accountId).bind(6, now);
    if (auto r = (*record)->run(); !r)
        return tl::unexpected(r.error());
    out.importId = db.lastInsertRowId();
    if (stop.stop_requested())
        return fail(ErrorCode::Cancelled, "import cancelled");
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    out.committed = true;
    out.alreadyImported = false;
    report(1.0);
    return out;
}

} // namespace herald::engine
