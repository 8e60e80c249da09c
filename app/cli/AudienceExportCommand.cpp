// heraldctl audience: export a saved segment or ad audience as handles, a hashed custom-audience file, Meta
// targeting JSON or a LinkedIn targeting description; list the saved ad audiences.
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include "Cli.h"
#include "herald/engine/ads/AdAudiences.h"
#include "herald/engine/ads/CustomAudience.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli {

namespace {

Result<void> writeFile(const QString& path, const std::string& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) || !file.flush())
        return fail(ErrorCode::Storage, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return {};
}

int listAudiences(engine::Database& db, bool json)
{
    auto audiences = engine::listAdAudiences(db);
    if (!audiences)
        return reportError(audiences.error());
    auto segments = engine::listSegments(db);
    if (!segments)
        return reportError(segments.error());
    if (json) {
        QJsonArray a;
        for (const auto& x : *audiences)
            a.append(QJsonObject{{QStringLiteral("id"), qint64(x.id)},
                                 {QStringLiteral("name"), QString::fromStdString(x.name)},
                                 {QStringLiteral("size"), qint64(x.sizeEstimate)},
                                 {QStringLiteral("spec"), QString::fromStdString(x.specJson)}});
        QJsonArray s;
        for (const auto& x : *segments)
            s.append(QJsonObject{{QStringLiteral("id"), qint64(x.id)},
                                 {QStringLiteral("name"), QString::fromStdString(x.name)},
                                 {QStringLiteral("members"), qint64(x.members)}});
        printJson({{QStringLiteral("audiences"), a}, {QStringLiteral("segments"), s}});
        return Ok;
    }
    printLine(QStringLiteral("Ad audiences:"));
    for (const auto& x : *audiences)
        printLine(QStringLiteral("  %1  %2 (size when saved: %3)")
                      .arg(x.id, 4)
                      .arg(QString::fromStdString(x.name))
                      .arg(x.sizeEstimate));
    printLine(QStringLiteral("Segments:"));
    for (const auto& x : *segments)
        printLine(
            QStringLiteral("  %1  %2 (%3 members)").arg(x.id, 4).arg(QString::fromStdString(x.name)).arg(x.members));
    return Ok;
}

} // namespace

int runAudience(const QStringList& args)
{
    Command cmd(QStringLiteral("audience"),
                QStringLiteral("audience export --workspace FILE (--segment NAME | --audience ID) "
                               "--format handles|meta-custom-audience|meta-targeting|linkedin --out FILE\n"
                               "       heraldctl audience list --workspace FILE [--json]"),
                QStringLiteral("Export an audience. handles: CSV of the members' handles. meta-custom-audience: "
                               "emails and phone numbers normalised as Meta requires and SHA-256 hashed, as CSV "
                               "(email,phone) or, for an --out ending in .json, the Marketing API users payload. "
                               "meta-targeting: a Marketing API targeting spec. linkedin: a LinkedIn targetingCriteria "
                               "description. Targeting is validated first; every violation is listed and nothing is "
                               "written. A segment's targeting is derived from its members (countries, languages, "
                               "ages, genders, common interests)."));
    auto& p = cmd.parser();
    p.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("export or list."));
    p.addOption({QStringLiteral("segment"), QStringLiteral("A saved segment's name."), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("audience"), QStringLiteral("A saved ad audience's id."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("format"), QStringLiteral("handles, meta-custom-audience, meta-targeting or linkedin."),
                 QStringLiteral("FORMAT")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file."), QStringLiteral("FILE")});
    if (auto stop = cmd.parse(args))
        return *stop;
    const QStringList positional = p.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("export") && action != QLatin1String("list"))
        return cmd.usageError(QStringLiteral("the action is export or list"));
    const QString workspace = cmd.workspace(false);
    if (workspace.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace FILE or HERALD_WORKSPACE)"));
    if (action == QLatin1String("export")) {
        if (p.isSet(QStringLiteral("segment")) == p.isSet(QStringLiteral("audience")))
            return cmd.usageError(QStringLiteral("give either --segment NAME or --audience ID"));
        if (p.value(QStringLiteral("out")).isEmpty())
            return cmd.usageError(QStringLiteral("--out FILE is required"));
    }
    const QString format = p.value(QStringLiteral("format"));
    const QStringList formats = {QStringLiteral("handles"), QStringLiteral("meta-custom-audience"),
                                 QStringLiteral("meta-targeting"), QStringLiteral("linkedin")};
    if (action == QLatin1String("export") && !formats.contains(format))
        return cmd.usageError(
            QStringLiteral("--format takes handles, meta-custom-audience, meta-targeting or linkedin"));

    auto db = engine::Database::open(workspace.toStdString(), engine::Database::Mode::ReadOnly);
    if (!db)
        return reportError(db.error());
    if (action == QLatin1String("list"))
        return listAudiences(*db, cmd.json());

    engine::AudienceFilter filter;
    QString source;
    if (p.isSet(QStringLiteral("segment"))) {
        auto segment = engine::findSegment(*db, p.value(QStringLiteral("segment")).toStdString());
        if (!segment)
            return reportError(segment.error());
        // Member files take the whole segment; targeting describes it by its members' common traits.
        filter.segmentId = segment->id;
        if (format == QLatin1String("meta-targeting") || format == QLatin1String("linkedin")) {
            auto derived = engine::deriveAudienceFromSegment(*db, segment->id);
            if (!derived)
                return reportError(derived.error());
            filter = *derived;
        }
        source = QStringLiteral("segment \"%1\"").arg(QString::fromStdString(segment->name));
    } else {
        bool ok = false;
        const qint64 id = p.value(QStringLiteral("audience")).toLongLong(&ok);
        if (!ok)
            return cmd.usageError(QStringLiteral("--audience takes a number"));
        auto audience = engine::loadAdAudience(*db, id);
        if (!audience)
            return reportError(audience.error());
        auto parsed = engine::parseAudienceSpec(audience->specJson);
        if (!parsed)
            return reportError(parsed.error());
        filter = *parsed;
        if (audience->segmentId && !filter.segmentId)
            filter.segmentId = audience->segmentId;
        source = QStringLiteral("ad audience %1").arg(id);
    }
    const QString out = p.value(QStringLiteral("out"));

    if (format == QLatin1String("meta-targeting") || format == QLatin1String("linkedin")) {
        const auto exported =
            format == QLatin1String("linkedin") ? engine::linkedInTargeting(filter) : engine::metaTargeting(filter);
        if (!exported.isValid()) {
            printErrorLine(QStringLiteral("heraldctl: the %1 targeting of %2 breaks %3 rule(s); nothing was written:")
                               .arg(format, source)
                               .arg(exported.violations.size()));
            for (const auto& v : exported.violations)
                printErrorLine(QStringLiteral("  - %1").arg(QString::fromStdString(v)));
            return DataError;
        }
        for (const auto& w : exported.warnings)
            printErrorLine(QStringLiteral("warning: %1").arg(QString::fromStdString(w)));
        if (auto r = writeFile(out, exported.json + "\n"); !r)
            return reportError(r.error());
        printLine(QStringLiteral("Wrote the %1 targeting of %2 to %3.").arg(format, source, out));
        return Ok;
    }

    auto ids = engine::audienceMemberIds(*db, filter);
    if (!ids)
        return reportError(ids.error());
    auto members = engine::loadExportMembers(*db, *ids);
    if (!members)
        return reportError(members.error());
    if (members->empty())
        return reportError({ErrorCode::Invalid, source.toStdString() + " has no members"});
    if (format == QLatin1String("handles")) {
        if (auto r = writeFile(out, engine::handlesCsv(*members)); !r)
            return reportError(r.error());
        printLine(QStringLiteral("Wrote %1 handles of %2 to %3.").arg(members->size()).arg(source, out));
        return Ok;
    }
    auto list = engine::buildCustomAudience(*members);
    if (!list)
        return reportError({list.error().code, source.toStdString() + ": " + list.error().detail});
    const bool json = out.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (auto r = writeFile(out, json ? engine::customAudienceJson(*list) : engine::customAudienceCsv(*list)); !r)
        return reportError(r.error());
    printLine(QStringLiteral("Wrote %1 hashed rows (%2 emails, %3 phone numbers) of %4 members to %5.")
                  .arg(list->rows.size())
                  .arg(list->emails)
                  .arg(list->phones)
                  .arg(list->members)
                  .arg(out));
    if (list->rejectedEmails + list->rejectedPhones > 0)
        printErrorLine(QStringLiteral("warning: skipped %1 malformed email(s) and %2 phone number(s) without a "
                                      "country code")
                           .arg(list->rejectedEmails)
                           .arg(list->rejectedPhones));
    return Ok;
}

} // namespace herald::app::cli
