// heraldctl abtest: an A/B test's verdict and statistics as JSON, the list of tests, a sample-size calculator.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "Cli.h"
#include "herald/engine/ads/AbTests.h"
#include "herald/engine/store/Database.h"

namespace herald::app::cli {

namespace {

QString percent(double rate)
{
    return QString::number(rate * 100.0, 'f', 2) + QLatin1Char('%');
}

// The plain-language verdict: never a winner before every variant reached the planned sample.
QString verdictText(const engine::AbEvaluation& e)
{
    const QString p = QString::number(e.pValue, 'g', 3);
    switch (e.verdict) {
    case engine::AbVerdict::NotEnoughData: {
        qint64 smallest = -1;
        for (const auto& v : e.variants)
            smallest = smallest < 0 ? v.visitors : std::min<qint64>(smallest, v.visitors);
        return QStringLiteral("Not enough data yet: the smallest variant has %1 of the planned %2 visitors, so no "
                              "winner is called (p = %3 so far).")
            .arg(smallest)
            .arg(e.test.plannedSample)
            .arg(p);
    }
    case engine::AbVerdict::Winner: {
        const auto& best = e.variants[*e.best];
        return QStringLiteral("%1 wins with %2 (p = %3, %4); it is best with probability %5, and choosing it gives up "
                              "%6 points in expectation.")
            .arg(QString::fromStdString(best.label), percent(best.rate), p,
                 QString::fromLatin1(engine::abTestKindKey(e.kind)), percent(best.probabilityBest),
                 QString::number(best.expectedLoss * 100.0, 'f', 3));
    }
    case engine::AbVerdict::NoDifference:
        return QStringLiteral(
                   "No significant difference at the %1 level (p = %2): the planned sample was reached and the "
                   "variants perform alike.")
            .arg(percent(e.alpha), p);
    }
    return {};
}

int sampleSizeCalculator(Command& cmd)
{
    auto& p = cmd.parser();
    bool ok1 = false;
    bool ok2 = false;
    engine::SampleSizeOptions o;
    o.baselineRate = p.value(QStringLiteral("baseline")).toDouble(&ok1);
    o.minimumDetectableEffect = p.value(QStringLiteral("mde")).toDouble(&ok2);
    if (!ok1 || !ok2)
        return cmd.usageError(QStringLiteral("--baseline and --mde take rates such as 0.10 and 0.02"));
    o.alpha = p.value(QStringLiteral("alpha")).toDouble();
    o.power = p.value(QStringLiteral("power")).toDouble();
    auto n = engine::sampleSize(o);
    if (!n)
        return reportError(n.error());
    printJson({{QStringLiteral("baseline"), o.baselineRate},
               {QStringLiteral("minimum_detectable_effect"), o.minimumDetectableEffect},
               {QStringLiteral("alpha"), o.alpha},
               {QStringLiteral("power"), o.power},
               {QStringLiteral("per_variant"), qint64(n->perGroupCeil)}});
    return Ok;
}

} // namespace

int runAbTest(const QStringList& args)
{
    Command cmd(
        QStringLiteral("abtest"),
        QStringLiteral("abtest --workspace FILE --test ID [--alpha A] | --list | --baseline R --mde D [--power P]"),
        QStringLiteral("Evaluate an A/B test from the workspace: rates with Wilson intervals, the p-value of the "
                       "z-test (Fisher's exact test for small counts, chi-squared for more than two variants), "
                       "the probability that each variant is best and its expected loss, and a verdict that "
                       "calls no winner before the planned sample. Prints JSON and saves it into the test's "
                       "result for reports. --list lists the tests; --baseline/--mde compute the sample size "
                       "per variant."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("test"), QStringLiteral("A/B test id (see --list)."), QStringLiteral("ID")});
    p.addOption({QStringLiteral("list"), QStringLiteral("List the workspace's A/B tests.")});
    p.addOption({QStringLiteral("alpha"), QStringLiteral("Significance level (default 0.05)."), QStringLiteral("A"),
                 QStringLiteral("0.05")});
    p.addOption({QStringLiteral("baseline"), QStringLiteral("Sample-size calculator: the control's rate."),
                 QStringLiteral("R")});
    p.addOption({QStringLiteral("mde"), QStringLiteral("Sample-size calculator: the absolute difference to detect."),
                 QStringLiteral("D")});
    p.addOption({QStringLiteral("power"), QStringLiteral("Sample-size calculator: power (default 0.8)."),
                 QStringLiteral("P"), QStringLiteral("0.8")});
    if (auto stop = cmd.parse(args))
        return *stop;
    bool alphaOk = false;
    const double alpha = p.value(QStringLiteral("alpha")).toDouble(&alphaOk);
    if (!alphaOk || !(alpha > 0 && alpha < 1))
        return cmd.usageError(QStringLiteral("--alpha takes a level between 0 and 1"));
    if (p.isSet(QStringLiteral("baseline")) || p.isSet(QStringLiteral("mde")))
        return sampleSizeCalculator(cmd);
    const QString workspace = cmd.workspace(false);
    if (workspace.isEmpty())
        return cmd.usageError(QStringLiteral("no workspace given (--workspace FILE or HERALD_WORKSPACE)"));
    if (!p.isSet(QStringLiteral("list")) && !p.isSet(QStringLiteral("test")))
        return cmd.usageError(QStringLiteral("give --test ID or --list"));

    if (p.isSet(QStringLiteral("list"))) {
        auto db = engine::Database::open(workspace.toStdString(), engine::Database::Mode::ReadOnly);
        if (!db)
            return reportError(db.error());
        auto tests = engine::listAbTests(*db);
        if (!tests)
            return reportError(tests.error());
        QJsonArray list;
        for (const auto& t : *tests) {
            QJsonArray variants;
            for (const auto& v : t.variants)
                variants.append(QString::fromStdString(v.label));
            list.append(QJsonObject{{QStringLiteral("id"), qint64(t.id)},
                                    {QStringLiteral("name"), QString::fromStdString(t.name)},
                                    {QStringLiteral("subject"), QString::fromStdString(t.subject)},
                                    {QStringLiteral("metric"), QString::fromStdString(t.metric)},
                                    {QStringLiteral("status"), QString::fromStdString(t.status)},
                                    {QStringLiteral("planned_sample"), qint64(t.plannedSample)},
                                    {QStringLiteral("variants"), variants}});
        }
        if (cmd.json()) {
            printJson({{QStringLiteral("tests"), list}});
            return Ok;
        }
        for (const auto& t : *tests)
            printLine(QStringLiteral("%1  %2 (%3, %4, %5 variants, %6)")
                          .arg(t.id, 4)
                          .arg(QString::fromStdString(t.name), QString::fromStdString(t.subject),
                               QString::fromStdString(t.metric))
                          .arg(t.variants.size())
                          .arg(QString::fromStdString(t.status)));
        if (tests->empty())
            printLine(QStringLiteral("No A/B tests in this workspace."));
        return Ok;
    }

    bool ok = false;
    const qint64 id = p.value(QStringLiteral("test")).toLongLong(&ok);
    if (!ok)
        return cmd.usageError(QStringLiteral("--test takes a number"));
    auto db = engine::Database::open(workspace.toStdString());
    if (!db)
        return reportError(db.error());
    auto evaluation = engine::evaluateAbTest(*db, id, alpha);
    if (!evaluation)
        return reportError(evaluation.error());
    if (auto saved = engine::saveAbResult(*db, *evaluation); !saved)
        return reportError(saved.error());
    QJsonObject result =
        QJsonDocument::fromJson(QByteArray::fromStdString(engine::abEvaluationJson(*evaluation))).object();
    result.insert(QStringLiteral("summary"), verdictText(*evaluation));
    printJson(result);
    return Ok;
}

} // namespace herald::app::cli
