#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

/// One CSV record and the 1-based physical line of the file it starts on (a quoted field may span
/// several lines, so record numbers and line numbers differ).
struct CsvRecord
{
    std::int64_t line = 0;
    std::vector<std::string> fields;
};

/// A whole CSV file: every non-blank record in file order, header included.
struct CsvDocument
{
    char delimiter = ',';
    std::vector<CsvRecord> records;
};

/// The delimiter of `text` among ',', ';' and tab: the one that occurs most often, outside quotes,
/// on the first non-blank line (',' when none occurs).
char detectCsvDelimiter(std::string_view text);

/// Reads RFC 4180 CSV: quoted fields with doubled quotes, embedded delimiters and newlines, CRLF or
/// LF line ends, an optional UTF-8 BOM (UTF-16 with a BOM is converted to UTF-8). `delimiter` 0
/// detects it. Blank lines are skipped. Fails with Parse naming the line on an unterminated quote,
/// text after a closing quote, or bytes that are not UTF-8. O(size).
Result<CsvDocument> readCsv(std::string_view text, char delimiter = 0);

} // namespace herald::engine
