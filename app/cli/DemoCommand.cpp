#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTextStream>
#include <QTimeZone>

#include "../src/DemoWorkspace.h"
#include "Cli.h"

namespace herald::app::cli {

namespace {

std::optional<long long> wholeNumber(const QString& text, long long min, long long max)
{
    bool ok = false;
    const long long v = text.toLongLong(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

} // namespace

int runDemo(const QStringList& args)
{
    Command cmd(QStringLiteral("demo"),
                QStringLiteral("demo --out FILE [--days 365] [--seed N] [--audience 20000] [--accounts 4] "
                               "[--end-day YYYY-MM-DD] [--time-zone ZONE]"),
                QStringLiteral("Write a realistic demo workspace, the same for the same options. "
                               "Everything in it is labelled as demo data."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("out"), QStringLiteral("New workspace file to write."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("days"), QStringLiteral("Days of history (default 365)."), QStringLiteral("N"),
                 QStringLiteral("365")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"),
                 QStringLiteral("1")});
    p.addOption({QStringLiteral("audience"), QStringLiteral("Audience members (default 20000)."),
                 QStringLiteral("N"), QStringLiteral("20000")});
    p.addOption({QStringLiteral("accounts"), QStringLiteral("Accounts, 4 to 10 (default 4)."), QStringLiteral("N"),
                 QStringLiteral("4")});
    p.addOption({QStringLiteral("end-day"), QStringLiteral("Last day of history (default: today in the zone)."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("time-zone"), QStringLiteral("IANA time zone (default Europe/Berlin)."),
                 QStringLiteral("ZONE"), QStringLiteral("Europe/Berlin")});
    if (auto stop = cmd.parse(args))
        return *stop;

    const QString out = p.value(QStringLiteral("out"));
    if (out.isEmpty())
        return cmd.usageError(QStringLiteral("--out FILE is required"));
    const auto days = wholeNumber(p.value(QStringLiteral("days")), 7, 3660);
    const auto seed = wholeNumber(p.value(QStringLiteral("seed")), 0, std::numeric_limits<long long>::max());
    const auto audience = wholeNumber(p.value(QStringLiteral("audience")), 0, 5'000'000);
    const auto accounts = wholeNumber(p.value(QStringLiteral("accounts")), 4, 10);
    if (!days)
        return cmd.usageError(QStringLiteral("--days takes a whole number from 7 to 3660"));
    if (!seed)
        return cmd.usageError(QStringLiteral("--seed takes a non-negative whole number"));
    if (!audience)
        return cmd.usageError(QStringLiteral("--audience takes a whole number from 0 to 5000000"));
    if (!accounts)
        return cmd.usageError(QStringLiteral("--accounts takes a whole number from 4 to 10"));
    const QString zoneId = p.value(QStringLiteral("time-zone"));
    const QTimeZone zone(zoneId.toUtf8());
    if (!zone.isValid())
        return cmd.usageError(QStringLiteral("unknown time zone \"%1\"").arg(zoneId));
    QDate endDay = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    if (p.isSet(QStringLiteral("end-day"))) {
        endDay = QDate::fromString(p.value(QStringLiteral("end-day")), Qt::ISODate);
        if (!endDay.isValid())
            return cmd.usageError(QStringLiteral("--end-day takes a date as YYYY-MM-DD"));
    }

    auto options = demoOptions(zoneId, endDay);
    options.days = int(*days);
    options.seed = std::uint64_t(*seed);
    options.audience = int(*audience);
    options.accounts = int(*accounts);
    const bool showProgress = stderrIsTerminal() && !cmd.json();
    int lastPercent = -1;
    options.progress = [&](double fraction) {
        const int percent = int(fraction * 100);
        if (showProgress && percent != lastPercent) {
            lastPercent = percent;
            QTextStream(stderr) << "\rGenerating demo workspace… " << percent << "%" << Qt::flush;
        }
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    auto summary = createDemoWorkspace(out, options);
    if (showProgress)
        QTextStream(stderr) << "\r\033[K" << Qt::flush;
    if (!summary)
        return reportError(summary.error());
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (cmd.json()) {
        printJson({{QStringLiteral("path"), out},
                   {QStringLiteral("seconds"), seconds},
                   {QStringLiteral("accounts"), qint64(summary->accounts)},
                   {QStringLiteral("campaigns"), qint64(summary->campaigns)},
                   {QStringLiteral("posts"), qint64(summary->posts)},
                   {QStringLiteral("post_targets"), qint64(summary->targets)},
                   {QStringLiteral("post_metrics"), qint64(summary->postMetrics)},
                   {QStringLiteral("account_metrics"), qint64(summary->accountMetrics)},
                   {QStringLiteral("audience_members"), qint64(summary->members)},
                   {QStringLiteral("member_events"), qint64(summary->events)},
                   {QStringLiteral("comments"), qint64(summary->comments)},
                   {QStringLiteral("ad_sets"), qint64(summary->adSets)}});
    } else {
        printLine(QStringLiteral("Wrote demo workspace %1 in %2 s: %3 accounts, %4 posts, %5 post metrics, "
                                 "%6 audience members, %7 comments")
                      .arg(out)
                      .arg(seconds, 0, 'f', 2)
                      .arg(summary->accounts)
                      .arg(summary->posts)
                      .arg(summary->postMetrics)
                      .arg(summary->members)
                      .arg(summary->comments));
    }
    return Ok;
}

} // namespace herald::app::cli
