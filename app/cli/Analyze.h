#pragma once

#include <optional>

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include "herald/widgets/Csv.h"

namespace herald::app::cli {

class Command;

/// A number for JSON: JSON has no infinity or NaN, so those become null (documented in the README).
QJsonValue number(double v);
/// A number for CSV: full precision; infinity and NaN become an empty cell.
QString csvNumber(double v);
/// Adds --format json|csv to an analyze subcommand.
void addFormatOption(Command& cmd);
/// Parses the subcommand's arguments and --format; returns an exit status when the command must
/// stop (after --help, or on a usage error).
std::optional<int> parseWithFormat(Command& cmd, const QStringList& args, bool& csv);
std::optional<double> parseDouble(const QString& text);

int runForecast(const QStringList& args);

} // namespace herald::app::cli
