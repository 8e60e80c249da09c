#pragma once

#include <QString>

namespace herald::ui {

/// One CSV cell: quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.
inline QString csvCell(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace herald::ui
