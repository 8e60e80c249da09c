#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <Eigen/Core>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "TestSupport.h"

// Shared by the forecast tests: the monthly reference series and R forecast 8.20's expected output from
// ../shared/datasets/forecasting.
namespace herald::test::forecast {

inline QString forecastingDir()
{
    return QString::fromStdString(herald::test::sharedDataDir()) + QStringLiteral("/forecasting");
}

/// The value column of data/<name>.csv (year,period,value).
inline Eigen::VectorXd loadSeries(const QString& name)
{
    QFile file(forecastingDir() + QStringLiteral("/data/") + name + QStringLiteral(".csv"));
    std::vector<double> values;
    if (file.open(QIODevice::ReadOnly)) {
        file.readLine(); // header
        while (!file.atEnd()) {
            const QStringList cells = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
            if (cells.size() == 3)
                values.push_back(cells[2].toDouble());
        }
    }
    return Eigen::Map<Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

inline QJsonObject loadJson(const QString& relative)
{
    QFile file(forecastingDir() + QStringLiteral("/expected/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

inline std::vector<double> toVector(const QJsonValue& value)
{
    std::vector<double> out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue& v : array)
        out.push_back(v.toDouble());
    return out;
}

/// Largest |a - b| / max(|b|, floor) over two equally long sequences.
inline double maxRelativeDifference(const std::vector<double>& a, const std::vector<double>& b, double floor = 1e-8)
{
    if (a.size() != b.size())
        return 1e300;
    double worst = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(std::abs(b[i]), floor));
    return worst;
}

} // namespace herald::test::forecast
