#pragma once

#include <vector>

#include <QString>
#include <QStringList>

#include "herald/engine/Result.h"

namespace herald::app::cli {

/// A CSV file read whole: a header row and text cells. Quoted fields ("a, b", "say ""hi""") are
/// understood; every problem names the file and line.
struct CsvTable
{
    QString source;
    QStringList header;
    std::vector<QStringList> rows;
    std::vector<int> lineNumbers; // file line of each row, for messages

    /// Column index by name, or an Invalid error naming the file and the known columns.
    Result<int> column(const QString& name) const;
    /// The cell as a number; a Parse error naming file, line and column when it is not one.
    Result<double> number(std::size_t row, int column) const;
};

/// Reads a CSV file ("-" for standard input). Rows must have as many cells as the header.
Result<CsvTable> readCsv(const QString& path);
/// Splits one CSV line into cells; false when a quote is not closed.
bool splitCsvLine(const QString& line, QStringList& cells);
/// Reads a whole file or standard input ("-") as UTF-8 text.
Result<QString> readText(const QString& path);

} // namespace herald::app::cli
