#include "CsvTable.h"

#include <cmath>

#include <QFile>
#include <QTextStream>

namespace herald::app::cli {

Result<QString> readText(const QString& path)
{
    QFile file;
    bool ok = false;
    if (path == QLatin1String("-")) {
        ok = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        ok = file.open(QIODevice::ReadOnly);
    }
    if (!ok)
        return fail(ErrorCode::NotFound, (path + QStringLiteral(": cannot be read (") + file.errorString() +
                                          QStringLiteral(")")).toStdString());
    return QString::fromUtf8(file.readAll());
}

bool splitCsvLine(const QString& line, QStringList& cells)
{
    cells.clear();
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell;
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells << cell;
    return !quoted;
}

Result<CsvTable> readCsv(const QString& path)
{
    auto text = readText(path);
    if (!text)
        return tl::unexpected(text.error());
    CsvTable table;
    table.source = path == QLatin1String("-") ? QStringLiteral("standard input") : path;
    const auto lines = text->split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (i == 0 && line.startsWith(QChar(0xFEFF)))
            line.remove(0, 1);
        if (line.trimmed().isEmpty())
            continue;
        QStringList cells;
        if (!splitCsvLine(line, cells))
            return fail(ErrorCode::Parse,
                        QStringLiteral("%1:%2: a quoted field is not closed").arg(table.source).arg(i + 1).toStdString());
        if (table.header.isEmpty()) {
            for (auto& c : cells)
                c = c.trimmed();
            table.header = cells;
            continue;
        }
        if (cells.size() != table.header.size())
            return fail(ErrorCode::Parse, QStringLiteral("%1:%2: %3 fields, but the header has %4")
                                              .arg(table.source)
                                              .arg(i + 1)
                                              .arg(cells.size())
                                              .arg(table.header.size())
                                              .toStdString());
        table.rows.push_back(cells);
        table.lineNumbers.push_back(i + 1);
    }
    if (table.header.isEmpty())
        return fail(ErrorCode::Parse, (table.source + QStringLiteral(": empty file, no header row")).toStdString());
    return table;
}

Result<int> CsvTable::column(const QString& name) const
{
    const int index = int(header.indexOf(name));
    if (index < 0)
        return fail(ErrorCode::Invalid, QStringLiteral("%1: no column \"%2\" (columns: %3)")
                                            .arg(source, name, header.join(QStringLiteral(", ")))
                                            .toStdString());
    return index;
}

Result<double> CsvTable::number(std::size_t row, int column) const
{
    const QString cell = rows[row][column].trimmed();
    bool ok = false;
    const double v = cell.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return fail(ErrorCode::Parse, QStringLiteral("%1:%2: column \"%3\": \"%4\" is not a number")
                                          .arg(source)
                                          .arg(lineNumbers[row])
                                          .arg(header[column], cell)
                                          .toStdString());
    return v;
}

} // namespace herald::app::cli
