#include "herald/widgets/AudienceText.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

namespace herald::ui {

namespace {

QString ratio(double r)
{
    return QLocale().toString(r, 'f', r >= 10 ? 0 : 1) + QChar(0x00D7);
}

QString percent(double share)
{
    return QLocale().toString(share * 100, 'f', 0) + QLatin1Char('%');
}

QString days(double d)
{
    return QLocale().toString(d, 'f', d >= 10 ? 0 : 1);
}

} // namespace

QString AudienceText::featureLabel(const std::string& id)
{
    if (id == "recency")
        return tr("Days since last engagement");
    if (id == "frequency")
        return tr("Engagements");
    if (id == "like_share")
        return tr("Share of likes");
    if (id == "reply_share")
        return tr("Share of replies");
    if (id == "repost_share")
        return tr("Share of reposts and quotes");
    if (id == "click_share")
        return tr("Share of clicks");
    if (id == "active_hours")
        return tr("Active hours (share per day part)");
    if (id == "languages")
        return tr("Languages");
    if (id == "countries")
        return tr("Countries");
    if (id == "interests")
        return tr("Interests");
    if (id == "followers")
        return tr("Follower count");
    if (id == "follower_age")
        return tr("Days since following");
    return QString::fromStdString(id);
}

QString AudienceText::columnLabel(const std::string& columnId)
{
    const auto colon = columnId.find(':');
    if (colon == std::string::npos)
        return featureLabel(columnId);
    const std::string group = columnId.substr(0, colon);
    const std::string value = columnId.substr(colon + 1);
    if (group == "daypart") {
        const QString parts[] = {tr("night"), tr("morning"), tr("afternoon"), tr("evening")};
        for (std::size_t i = 0; i < engine::kDayParts.size(); ++i)
            if (value == engine::kDayParts[i])
                return tr("Active hours: %1").arg(parts[i]);
    }
    if (group == "language")
        return tr("Language: %1").arg(languageName(value));
    if (group == "country")
        return tr("Country: %1").arg(countryName(value));
    if (group == "interest")
        return tr("Interest: %1").arg(QString::fromStdString(value));
    return QString::fromStdString(columnId);
}

QString AudienceText::trait(const engine::SegmentTrait& t)
{
    const double seg = t.segmentMean;
    const double all = t.overallMean;
    const bool more = seg >= all;
    const double r = all > 0 ? seg / all : 0.0;
    auto compared = [&](const QString& moreText, const QString& lessText) {
        if (all <= 0)
            return QString();
        if (more)
            return moreText.arg(ratio(r));
        return lessText.arg(QLocale().toString((1.0 - r) * 100, 'f', 0));
    };
    const std::string& c = t.column;
    if (c == "recency")
        return tr("last engaged %1 days ago on average (%2 for everyone)").arg(days(seg), days(all));
    if (c == "frequency")
        return compared(tr("engages %1 as often as average"), tr("engages %1% less than average"));
    if (c == "like_share")
        return compared(tr("likes %1 more than average"), tr("likes %1% less than average"));
    if (c == "reply_share")
        return compared(tr("replies %1 more than average"), tr("replies %1% less than average"));
    if (c == "repost_share")
        return compared(tr("reposts %1 more than average"), tr("reposts %1% less than average"));
    if (c == "click_share")
        return compared(tr("clicks %1 more than average"), tr("clicks %1% less than average"));
    if (c == "followers")
        return compared(tr("has %1 the average follower count"), tr("has %1% fewer followers than average"));
    if (c == "follower_age")
        return tr("has followed for %1 days on average (%2 for everyone)").arg(days(seg), days(all));
    if (t.feature == "active_hours")
        return tr("%1 of engagements in the %2 (%3 overall)")
            .arg(percent(seg), columnLabel(c).section(QStringLiteral(": "), 1), percent(all));
    const std::string value = c.substr(c.find(':') + 1);
    if (t.feature == "languages")
        return seg < 0.005 ? tr("none speak %1 (%2 overall)").arg(languageName(value), percent(all))
                           : tr("%1 speak %2 (%3 overall)").arg(percent(seg), languageName(value), percent(all));
    if (t.feature == "countries")
        return seg < 0.005 ? tr("none in %1 (%2 overall)").arg(countryName(value), percent(all))
                           : tr("%1 in %2 (%3 overall)").arg(percent(seg), countryName(value), percent(all));
    if (t.feature == "interests")
        return seg < 0.005 ? tr("none interested in %1 (%2 overall)").arg(QString::fromStdString(value), percent(all))
                           : tr("%1 interested in %2 (%3 overall)")
                                 .arg(percent(seg), QString::fromStdString(value), percent(all));
    return QString();
}

QStringList AudienceText::describe(const engine::SegmentProfile& profile, int limit)
{
    QStringList lines;
    for (const auto& t : profile.traits) {
        if (lines.size() == limit)
            break;
        const QString text = trait(t);
        if (!text.isEmpty())
            lines << text;
    }
    if (lines.isEmpty())
        lines << tr("close to the audience average on every chosen feature");
    return lines;
}

QString AudienceText::activeHours(const engine::SegmentProfile& profile)
{
    const auto& parts = profile.dayparts;
    const auto best = std::max_element(parts.begin(), parts.end());
    if (*best <= 0)
        return tr("no engagement recorded");
    if (*best < 0.4)
        return tr("active throughout the day");
    switch (best - parts.begin()) {
    case 0:
        return tr("mostly active at night");
    case 1:
        return tr("mostly active in the morning");
    case 2:
        return tr("mostly active in the afternoon");
    default:
        return tr("mostly active in the evening");
    }
}

QString AudienceText::shares(const std::vector<engine::ShareEntry>& entries, int kind)
{
    QStringList parts;
    for (const auto& e : entries) {
        const QString name = kind == 0   ? languageName(e.name)
                             : kind == 1 ? countryName(e.name)
                                         : QString::fromStdString(e.name);
        parts << QStringLiteral("%1 %2").arg(name, percent(e.share));
    }
    return parts.isEmpty() ? tr("unknown") : parts.join(QStringLiteral(", "));
}

QString AudienceText::segmentName(int index)
{
    return tr("Segment %1").arg(index + 1);
}

QString AudienceText::languageName(const std::string& code)
{
    const QLocale locale(QString::fromStdString(code));
    if (code.empty() || locale.language() == QLocale::C)
        return QString::fromStdString(code);
    return QLocale::languageToString(locale.language());
}

QString AudienceText::countryName(const std::string& code)
{
    const auto territory = QLocale::codeToTerritory(QString::fromStdString(code));
    if (territory == QLocale::AnyTerritory)
        return QString::fromStdString(code);
    return QLocale::territoryToString(territory);
}

} // namespace herald::ui
