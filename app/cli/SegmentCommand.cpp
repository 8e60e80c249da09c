#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include "Cli.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/Database.h"
#include "herald/widgets/AudienceData.h"
#include "herald/widgets/AudienceText.h"
#include "herald/widgets/WorkspaceSnapshot.h"

namespace herald::app::cli {

namespace {

QJsonArray strings(const std::vector<std::string>& values)
{
    QJsonArray out;
    for (const auto& v : values)
        out.append(QString::fromStdString(v));
    return out;
}

QJsonArray ids(const std::vector<std::int64_t>& values)
{
    QJsonArray out;
    for (auto v : values)
        out.append(qint64(v));
    return out;
}

QJsonObject runJson(const engine::SavedSegmentRun& run)
{
    QJsonArray segments;
    for (std::size_t i = 0; i < run.segments.size(); ++i)
        segments.append(QJsonObject{{QStringLiteral("index"), run.segments[i].index},
                                    {QStringLiteral("segment_id"), qint64(run.segmentIds[i])},
                                    {QStringLiteral("size"), qint64(run.segments[i].size)},
                                    {QStringLiteral("share"), run.segments[i].share}});
    return {{QStringLiteral("run_id"), QString::fromStdString(run.runId)},
            {QStringLiteral("name"), QString::fromStdString(run.name)},
            {QStringLiteral("created_utc"), qint64(run.createdUtc)},
            {QStringLiteral("accounts"), ids(run.accountIds)},
            {QStringLiteral("features"), strings(run.features)},
            {QStringLiteral("columns"), strings(run.columns)},
            {QStringLiteral("k"), run.k},
            {QStringLiteral("chosen_by_silhouette"), run.chosenBySilhouette},
            {QStringLiteral("silhouette"), run.silhouette},
            {QStringLiteral("segments"), segments}};
}

int listRuns(const Command& cmd, const QString& path)
{
    auto overview = ui::loadAudienceOverview(path);
    if (!overview)
        return reportError(overview.error());
    if (cmd.json()) {
        QJsonArray runs;
        for (const auto& run : overview->runs)
            runs.append(runJson(run));
        printJson({{QStringLiteral("workspace"), path}, {QStringLiteral("runs"), runs}});
        return Ok;
    }
    if (overview->runs.empty())
        printLine(QStringLiteral("No saved segmentations in %1.").arg(path));
    for (const auto& run : overview->runs) {
        QStringList sizes;
        for (const auto& s : run.segments)
            sizes << QLocale().toString(qint64(s.size));
        printLine(QStringLiteral("%1  %2  %3  k=%4  sizes %5")
                      .arg(QString::fromStdString(run.runId), QString::fromStdString(run.name),
                           QDateTime::fromSecsSinceEpoch(run.createdUtc, Qt::UTC).toString(Qt::ISODate))
                      .arg(run.k)
                      .arg(sizes.join(QStringLiteral(", "))));
    }
    return Ok;
}

QJsonObject segmentJson(const engine::SegmentProfile& p, const engine::SegmentRecommendations* recs)
{
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(engine::segmentProfileJson(p))).object();
    o.insert(QStringLiteral("name"), ui::AudienceText::segmentName(p.index));
    o.insert(QStringLiteral("summary"), QJsonArray::fromStringList(ui::AudienceText::describe(p)));
    o.insert(QStringLiteral("active_hours"), ui::AudienceText::activeHours(p));
    if (recs) {
        QJsonArray tags, posts;
        for (const auto& t : recs->tags)
            tags.append(QJsonObject{{QStringLiteral("tag"), QString::fromStdString(t.tag)},
                                    {QStringLiteral("score"), t.score},
                                    {QStringLiteral("engagements"), qint64(t.engagements)},
                                    {QStringLiteral("lift"), t.lift}});
        for (const auto& post : recs->posts)
            posts.append(QJsonObject{{QStringLiteral("post_id"), qint64(post.postId)},
                                     {QStringLiteral("title"), QString::fromStdString(post.title)},
                                     {QStringLiteral("engagements"), qint64(post.engagements)},
                                     {QStringLiteral("lift"), post.lift}});
        o.insert(QStringLiteral("recommended_tags"), tags);
        o.insert(QStringLiteral("top_posts"), posts);
    }
    return o;
}

} // namespace

int runSegment(const QStringList& args)
{
    Command cmd(QStringLiteral("segment"),
                QStringLiteral("segment --workspace FILE [--account ID] [--features LIST] [--k N|auto] [--save NAME] "
                               "[--recommend] [--json] | segment --workspace FILE --list"),
                QStringLiteral("Segment the audience of a workspace with k-means on the chosen features and print "
                               "each segment's profile. Features: recency, frequency, like_share, reply_share, "
                               "repost_share, click_share, active_hours, languages, countries, interests, followers, "
                               "follower_age (default: all)."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("account"),
                 QStringLiteral("Segment the members of this account (repeatable; default: "
                                "every account)."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("features"), QStringLiteral("Comma-separated feature ids."), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("k"),
                 QStringLiteral("Number of segments, or auto to choose it by silhouette "
                                "(default auto)."),
                 QStringLiteral("N|auto"), QStringLiteral("auto")});
    p.addOption(
        {QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N"), QStringLiteral("1")});
    p.addOption({QStringLiteral("save"), QStringLiteral("Save the segments into the workspace under this name."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("recommend"), QStringLiteral("Add each segment's recommended tags and top posts.")});
    p.addOption({QStringLiteral("list"), QStringLiteral("List the saved segmentations instead.")});
    if (auto stop = cmd.parse(args))
        return *stop;
    const QString path = cmd.workspace(false);
    if (path.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace FILE or HERALD_WORKSPACE)"));
    if (p.isSet(QStringLiteral("list")))
        return listRuns(cmd, path);

    ui::AudienceRequest request;
    request.path = path;
    for (const auto& value : p.values(QStringLiteral("account")))
        for (const auto& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id < 1)
                return cmd.usageError(QStringLiteral("--account takes a positive account id, not \"%1\"").arg(part));
            request.accountIds.push_back(id);
        }
    for (const auto& f : p.value(QStringLiteral("features")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.features.push_back(f.trimmed().toStdString());
    const QString k = p.value(QStringLiteral("k")).trimmed();
    if (k != QLatin1String("auto")) {
        bool ok = false;
        request.k = k.toInt(&ok);
        if (!ok || request.k < 1 || request.k > 50)
            return cmd.usageError(QStringLiteral("--k takes a whole number from 1 to 50, or auto"));
    }
    bool seedOk = false;
    request.seed = p.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return cmd.usageError(QStringLiteral("--seed takes a non-negative whole number"));
    if (p.isSet(QStringLiteral("save")) && p.value(QStringLiteral("save")).trimmed().isEmpty())
        return cmd.usageError(QStringLiteral("--save needs a name"));
    request.recommendations = p.isSet(QStringLiteral("recommend"));

    auto snapshot = ui::loadWorkspaceSnapshot(path);
    if (!snapshot)
        return reportError(snapshot.error());
    request.zone = snapshot->timeZone;
    const engine::SystemClock clock;
    request.nowUtc = clock.nowUtc();

    auto run = ui::runAudienceSegmentation(request);
    if (!run)
        return reportError(run.error());
    const auto& result = (*run)->result;

    QString runId;
    const QString name = p.value(QStringLiteral("save")).trimmed();
    if (!name.isEmpty()) {
        auto db = engine::Database::open(path.toStdString());
        if (!db)
            return reportError(db.error());
        auto saved = engine::saveSegmentRun(*db, result, name.toStdString(), clock.nowUtc());
        if (!saved)
            return reportError(saved.error());
        runId = QString::fromStdString(*saved);
    }

    if (cmd.json()) {
        QJsonArray segments, perK;
        for (std::size_t s = 0; s < result.segments.size(); ++s)
            segments.append(
                segmentJson(result.segments[s], request.recommendations ? &(*run)->recommendations[s] : nullptr));
        for (const auto& e : result.perK)
            perK.append(QJsonObject{{QStringLiteral("k"), e.k},
                                    {QStringLiteral("silhouette"), e.silhouette},
                                    {QStringLiteral("inertia"), e.inertia}});
        QJsonObject out{{QStringLiteral("workspace"), path},
                        {QStringLiteral("members"), qint64(result.memberIds.size())},
                        {QStringLiteral("accounts"), ids(result.accountIds)},
                        {QStringLiteral("features"), strings(result.features)},
                        {QStringLiteral("columns"), strings(result.columns)},
                        {QStringLiteral("dropped"), strings(result.dropped)},
                        {QStringLiteral("k"), result.k},
                        {QStringLiteral("chosen_by_silhouette"), result.chosenBySilhouette},
                        {QStringLiteral("per_k"), perK},
                        {QStringLiteral("silhouette"), result.silhouette},
                        {QStringLiteral("converged"), result.converged},
                        {QStringLiteral("segments"), segments}};
        if (!runId.isEmpty())
            out.insert(QStringLiteral("saved"),
                       QJsonObject{{QStringLiteral("run_id"), runId}, {QStringLiteral("name"), name}});
        printJson(out);
        return Ok;
    }

    const QLocale locale;
    printLine(QStringLiteral("%1 members in %2 segments (%3; mean silhouette %4).")
                  .arg(locale.toString(qint64(result.memberIds.size())))
                  .arg(result.k)
                  .arg(result.chosenBySilhouette ? QStringLiteral("k chosen by silhouette") : QStringLiteral("k set"))
                  .arg(locale.toString(result.silhouette, 'f', 2)));
    for (const auto& dropped : result.dropped)
        printLine(QStringLiteral("Dropped %1: every member has the same value.").arg(QString::fromStdString(dropped)));
    for (std::size_t s = 0; s < result.segments.size(); ++s) {
        const auto& seg = result.segments[s];
        printLine(QString());
        printLine(QStringLiteral("%1: %2 members (%3%)")
                      .arg(ui::AudienceText::segmentName(seg.index), locale.toString(qint64(seg.size)),
                           locale.toString(seg.share * 100, 'f', 1)));
        for (const auto& line : ui::AudienceText::describe(seg))
            printLine(QStringLiteral("  - %1").arg(line));
        printLine(QStringLiteral("  Active hours: %1").arg(ui::AudienceText::activeHours(seg)));
        printLine(QStringLiteral("  Interests: %1").arg(ui::AudienceText::shares(seg.interests, 2)));
        printLine(QStringLiteral("  Languages: %1").arg(ui::AudienceText::shares(seg.languages, 0)));
        printLine(QStringLiteral("  Countries: %1").arg(ui::AudienceText::shares(seg.countries, 1)));
        if (request.recommendations) {
            QStringList tags;
            for (const auto& t : (*run)->recommendations[s].tags)
                tags << QString::fromStdString(t.tag);
            printLine(QStringLiteral("  Recommended tags: %1").arg(tags.join(QStringLiteral(", "))));
        }
    }
    if (!runId.isEmpty())
        printLine(QStringLiteral("\nSaved as \"%1\" (run %2).").arg(name, runId));
    return Ok;
}

} // namespace herald::app::cli
