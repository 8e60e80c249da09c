#pragma once

// Readers for the shared reference data of the cluster tests (CSV tables and the peers' JSON).
#include <string>
#include <vector>

#include <Eigen/Core>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "TestSupport.h"

namespace herald::test {

inline QString sharedPath(const char* relative)
{
    return QString::fromStdString(sharedDataDir()) + QLatin1Char('/') + QLatin1String(relative);
}

/// The first `columns` columns of a CSV file with a header line, as an n x columns matrix.
inline Eigen::MatrixXd readCsvColumns(const char* relative, int columns)
{
    QFile file(sharedPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    std::vector<double> values;
    Eigen::Index rows = 0;
    for (qsizetype l = 1; l < lines.size(); ++l) {
        const QList<QByteArray> cells = lines[l].split(',');
        if (cells.size() < columns)
            continue;
        for (int c = 0; c < columns; ++c)
            values.push_back(cells[c].toDouble());
        ++rows;
    }
    Eigen::MatrixXd m(rows, columns);
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            m(r, c) = values[static_cast<std::size_t>(r * columns + c)];
    }
    return m;
}

inline QJsonObject readJson(const char* relative)
{
    QFile file(sharedPath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace herald::test
