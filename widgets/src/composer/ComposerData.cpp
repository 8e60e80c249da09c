#include "composer/ComposerData.h"

#include <algorithm>

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include "herald/engine/store/Database.h"

namespace herald::ui::composer {

namespace {

const QRegularExpression& linkPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(https?://[^\s<>"]+)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Punctuation that ends a sentence rather than a link.
qsizetype trailingPunctuation(const QString& link)
{
    qsizetype n = 0;
    while (n < link.size() && QStringLiteral(".,;:!?)]'").contains(link.at(link.size() - 1 - n)))
        ++n;
    return n;
}

QString withUtm(const QString& link, engine::Platform platform, const UtmFields& fields)
{
    QUrl url(link, QUrl::TolerantMode);
    if (!url.isValid())
        return link;
    QUrlQuery query(url);
    for (const char* key : {"utm_source", "utm_medium", "utm_campaign", "utm_content"})
        query.removeAllQueryItems(QString::fromLatin1(key));
    query.addQueryItem(QStringLiteral("utm_source"),
                       QString::fromStdString(std::string(engine::platformKey(platform))));
    query.addQueryItem(QStringLiteral("utm_medium"), QStringLiteral("social"));
    if (!fields.campaign.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("utm_campaign"),
                           QString::fromLatin1(QUrl::toPercentEncoding(fields.campaign.trimmed())));
    if (!fields.content.trimmed().isEmpty())
        query.addQueryItem(QStringLiteral("utm_content"),
                           QString::fromLatin1(QUrl::toPercentEncoding(fields.content.trimmed())));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace

QString appendUtm(const QString& text, engine::Platform platform, const UtmFields& fields)
{
    QString out;
    qsizetype at = 0;
    auto it = linkPattern().globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        QString link = match.captured(0);
        const qsizetype trail = trailingPunctuation(link);
        const QString tail = link.right(trail);
        link.chop(trail);
        out += text.mid(at, match.capturedStart(0) - at);
        out += withUtm(link, platform, fields) + tail;
        at = match.capturedEnd(0);
    }
    out += text.mid(at);
    return out;
}

std::vector<QString> rankTags(const std::vector<engine::PostPerformance>& posts, int count)
{
    struct Sum
    {
        double rate = 0;
        int n = 0;
    };
    std::map<std::string, Sum> sums;
    for (const auto& p : posts) {
        if (p.impressions <= 0)
            continue;
        for (const auto& tag : p.tags) {
            auto& s = sums[tag];
            s.rate += p.engagementRate;
            ++s.n;
        }
    }
    std::vector<std::pair<double, std::string>> ranked;
    for (const auto& [tag, s] : sums)
        ranked.emplace_back(s.rate / s.n, tag);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<QString> out;
    for (const auto& [rate, tag] : ranked) {
        if (static_cast<int>(out.size()) >= count)
            break;
        QString word = QString::fromStdString(tag).remove(QRegularExpression(QStringLiteral("\\s+")));
        if (!word.isEmpty())
            out.push_back(word.startsWith(QLatin1Char('#')) ? word : QLatin1Char('#') + word);
    }
    return out;
}

int hourOfWeek(std::int64_t utc, const QTimeZone& zone)
{
    const QDateTime local = QDateTime::fromSecsSinceEpoch(utc, zone.isValid() ? zone : QTimeZone::utc());
    return (local.date().dayOfWeek() - 1) * 24 + local.time().hour();
}

QString postTitle(const QString& text)
{
    QString title = text.section(QLatin1Char('\n'), 0, 0).left(80);
    if (!title.isEmpty() && title.back().isHighSurrogate())
        title.chop(1);
    return title;
}

int hashtagCount(const QString& text)
{
    static const QRegularExpression re(QStringLiteral(R"((^|\s)#\w)"), QRegularExpression::UseUnicodePropertiesOption);
    int n = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

std::vector<engine::PostOutcome> outcomesOf(const std::vector<engine::PostPerformance>& posts,
                                            const engine::Account& account)
{
    const QTimeZone zone(QByteArray::fromStdString(account.timeZone));
    std::vector<engine::PostOutcome> out;
    for (const auto& p : posts) {
        if (p.accountId != account.id)
            continue;
        engine::PostOutcome o;
        const QString text = QString::fromStdString(p.text);
        o.features.hourOfWeek = hourOfWeek(p.publishedUtc, zone);
        o.features.platform = p.platform;
        o.features.textLength = static_cast<int>(text.toUcs4().size());
        o.features.hashtagCount = hashtagCount(text);
        o.features.tags = p.tags;
        o.impressions = std::max(0.0, p.impressions);
        o.engagements = std::clamp(p.engagements, 0.0, o.impressions);
        out.push_back(std::move(o));
    }
    return out;
}

Result<History> loadHistory(const std::string& workspacePath, const std::vector<engine::Account>& accounts,
                            std::int64_t nowUtc)
{
    auto db = engine::Database::open(workspacePath, engine::Database::Mode::ReadOnly);
    if (!db)
        return tl::unexpected(db.error());
    constexpr std::int64_t kDay = 86'400;
    auto year = engine::queryPostPerformance(*db, nowUtc - 365 * kDay, nowUtc + 1, {});
    if (!year)
        return tl::unexpected(year.error());
    History history;
    std::vector<engine::PostPerformance> recent;
    for (const auto& p : *year)
        if (p.publishedUtc >= nowUtc - 90 * kDay)
            recent.push_back(p);
    history.bestTags = rankTags(recent, 8);
    for (const auto& account : accounts) {
        auto model = engine::EngagementModel::fit(outcomesOf(*year, account));
        if (!model)
            continue; // bad history values: no prediction for this account
        history.models[account.id] = std::make_shared<const engine::EngagementModel>(std::move(*model));
    }
    return history;
}

} // namespace herald::ui::composer
