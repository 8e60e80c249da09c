// libFuzzer target: the CSV reader, the format detector and the cell parsers on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "herald/engine/import/CsvFormats.h"
#include "herald/engine/import/CsvReader.h"
#include "herald/engine/import/CsvValues.h"

using namespace herald::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (char delimiter : {'\0', ';'}) {
        auto doc = readCsv(text, delimiter);
        if (!doc)
            continue;
        auto layout = detectCsvLayout(*doc);
        if (layout) {
            (void)missingRequiredFields(*layout->format, layout->mapping);
            for (std::size_t r = layout->headerRecord + 1; r < doc->records.size() && r < 64; ++r)
                for (const auto& cell : doc->records[r].fields) {
                    (void)parseNumber(cell, NumberStyle::Auto);
                    (void)parseDate(cell, DateOrder::Auto);
                    (void)slashedDateFirstPart(cell);
                }
        }
        for (const auto& format : csvFormats())
            if (!doc->records.empty())
                (void)mapCsvColumns(format, doc->records.front().fields);
    }
    (void)parseNumber(text, NumberStyle::CommaDecimal);
    (void)parseDate(text, DateOrder::DayFirst);
    return 0;
}
