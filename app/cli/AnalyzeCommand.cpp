// heraldctl analyze: the engine's algorithms on the analyst's own files, JSON (or CSV) on stdout.
#include <cmath>
#include <limits>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include "Analyze.h"
#include "Cli.h"
#include "CsvTable.h"
#include "herald/engine/analytics/AbStats.h"
#include "herald/engine/analytics/AssociationRules.h"
#include "herald/engine/analytics/KMeans.h"
#include "herald/engine/analytics/Logistic.h"
#include "herald/engine/analytics/Sentiment.h"
#include "herald/engine/analytics/Standardize.h"
#include "herald/widgets/SentimentLexicons.h"

namespace herald::app::cli {

QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue();
}

QString csvNumber(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 17) : QString();
}

void addFormatOption(Command& cmd)
{
    cmd.parser().addOption({QStringLiteral("format"), QStringLiteral("Output format: json (default) or csv."),
                            QStringLiteral("json|csv"), QStringLiteral("json")});
}

std::optional<int> parseWithFormat(Command& cmd, const QStringList& args, bool& csv)
{
    if (auto stop = cmd.parse(args))
        return stop;
    const QString format = cmd.parser().value(QStringLiteral("format"));
    if (format != QLatin1String("json") && format != QLatin1String("csv"))
        return cmd.usageError(QStringLiteral("--format takes json or csv"));
    csv = format == QLatin1String("csv");
    return std::nullopt;
}

std::optional<double> parseDouble(const QString& text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

namespace {

struct VariantCountsPair
{
    qint64 conversions = 0;
    qint64 trials = 0;
};

// "CONVERSIONS/TRIALS"
std::optional<VariantCountsPair> parseCounts(const QString& text)
{
    const auto parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okC = false, okT = false;
    const qint64 c = parts[0].trimmed().toLongLong(&okC);
    const qint64 t = parts[1].trimmed().toLongLong(&okT);
    if (!okC || !okT || c < 0 || t <= 0 || c > t)
        return std::nullopt;
    return VariantCountsPair{c, t};
}

// Reads the chosen numeric columns (all columns except `exclude` when `names` is empty).
Result<Eigen::MatrixXd> numericColumns(const CsvTable& table, QStringList& names, const QString& exclude = {})
{
    if (names.isEmpty())
        for (const auto& h : table.header)
            if (h != exclude)
                names << h;
    std::vector<int> columns;
    for (const auto& name : names) {
        auto c = table.column(name);
        if (!c)
            return tl::unexpected(c.error());
        columns.push_back(*c);
    }
    if (table.rows.empty())
        return fail(ErrorCode::Invalid, (table.source + QStringLiteral(": no data rows")).toStdString());
    Eigen::MatrixXd data(Eigen::Index(table.rows.size()), Eigen::Index(columns.size()));
    for (std::size_t r = 0; r < table.rows.size(); ++r)
        for (std::size_t c = 0; c < columns.size(); ++c) {
            auto v = table.number(r, columns[c]);
            if (!v)
                return tl::unexpected(v.error());
            data(Eigen::Index(r), Eigen::Index(c)) = *v;
        }
    return data;
}

int runAbtest(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze abtest"),
                QStringLiteral("analyze abtest --a CONVERSIONS/TRIALS --b CONVERSIONS/TRIALS "
                               "[--variant CONVERSIONS/TRIALS ...] [--alpha 0.05]"),
                QStringLiteral("Two-proportion z-test, chi-squared with and without Yates, Fisher's exact test, "
                               "Bayesian probability that B beats A with expected loss; with more variants, the "
                               "probability that each is best."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("a"), QStringLiteral("Control: conversions/trials."), QStringLiteral("C/T")});
    p.addOption({QStringLiteral("b"), QStringLiteral("Variant: conversions/trials."), QStringLiteral("C/T")});
    p.addOption({QStringLiteral("variant"), QStringLiteral("Further variants (repeatable)."), QStringLiteral("C/T")});
    p.addOption({QStringLiteral("alpha"), QStringLiteral("Significance level for intervals (default 0.05)."),
                 QStringLiteral("ALPHA"), QStringLiteral("0.05")});
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    const auto a = parseCounts(p.value(QStringLiteral("a")));
    const auto b = parseCounts(p.value(QStringLiteral("b")));
    if (!a || !b)
        return cmd.usageError(QStringLiteral("--a and --b take CONVERSIONS/TRIALS, e.g. --a 120/2400"));
    const auto alpha = parseDouble(p.value(QStringLiteral("alpha")));
    if (!alpha)
        return cmd.usageError(QStringLiteral("--alpha takes a number"));
    engine::AbOptions options;
    options.alpha = *alpha;
    auto r = engine::analyzeAb({a->conversions, a->trials, b->conversions, b->trials}, options);
    if (!r)
        return reportError(r.error());

    std::vector<engine::VariantCounts> variants{{a->conversions, a->trials}, {b->conversions, b->trials}};
    for (const auto& text : p.values(QStringLiteral("variant"))) {
        const auto v = parseCounts(text);
        if (!v)
            return cmd.usageError(QStringLiteral("--variant takes CONVERSIONS/TRIALS, not \"%1\"").arg(text));
        variants.push_back({v->conversions, v->trials});
    }
    auto best = engine::probabilityBest(variants);
    if (!best)
        return reportError(best.error());

    QJsonArray probabilityBest, expectedLoss;
    for (std::size_t i = 0; i < variants.size(); ++i) {
        probabilityBest.append(number(best->probabilityBest[i]));
        expectedLoss.append(number(best->expectedLoss[i]));
    }
    QJsonObject json{
        {QStringLiteral("rate_a"), number(r->rateA)},
        {QStringLiteral("rate_b"), number(r->rateB)},
        {QStringLiteral("difference"), number(r->difference)},
        {QStringLiteral("rate_a_interval"), QJsonArray{number(r->rateAInterval.low), number(r->rateAInterval.high)}},
        {QStringLiteral("rate_b_interval"), QJsonArray{number(r->rateBInterval.low), number(r->rateBInterval.high)}},
        {QStringLiteral("difference_interval"),
         QJsonArray{number(r->differenceNewcombe.low), number(r->differenceNewcombe.high)}},
        {QStringLiteral("z_test"), QJsonObject{{QStringLiteral("z"), r->zTest.defined ? number(r->zTest.z) : QJsonValue()},
                                               {QStringLiteral("p_value"),
                                                r->zTest.defined ? number(r->zTest.pTwoSided) : QJsonValue()}}},
        {QStringLiteral("chi2"),
         QJsonObject{{QStringLiteral("statistic"), r->chiSquared.defined ? number(r->chiSquared.statistic) : QJsonValue()},
                     {QStringLiteral("p_value"), r->chiSquared.defined ? number(r->chiSquared.p) : QJsonValue()}}},
        {QStringLiteral("chi2_yates"),
         QJsonObject{{QStringLiteral("statistic"),
                      r->chiSquaredYates.defined ? number(r->chiSquaredYates.statistic) : QJsonValue()},
                     {QStringLiteral("p_value"), r->chiSquaredYates.defined ? number(r->chiSquaredYates.p) : QJsonValue()}}},
        {QStringLiteral("fisher"), QJsonObject{{QStringLiteral("p_value"), number(r->fisherP)}}},
        {QStringLiteral("bayes"), QJsonObject{{QStringLiteral("prob_b_beats_a"), number(r->probabilityBBeatsA)},
                                              {QStringLiteral("expected_loss"), number(r->expectedLossChoosingB)}}},
        {QStringLiteral("variants"), QJsonObject{{QStringLiteral("probability_best"), probabilityBest},
                                                 {QStringLiteral("expected_loss"), expectedLoss}}},
    };
    if (!csv) {
        printJson(json);
        return Ok;
    }
    QTextStream out(stdout);
    out << "statistic,value\n";
    out << "rate_a," << csvNumber(r->rateA) << "\nrate_b," << csvNumber(r->rateB) << '\n';
    out << "z," << csvNumber(r->zTest.defined ? r->zTest.z : NAN) << "\nz_p_value,"
        << csvNumber(r->zTest.defined ? r->zTest.pTwoSided : NAN) << '\n';
    out << "chi2," << csvNumber(r->chiSquared.defined ? r->chiSquared.statistic : NAN) << "\nchi2_p_value,"
        << csvNumber(r->chiSquared.defined ? r->chiSquared.p : NAN) << '\n';
    out << "chi2_yates," << csvNumber(r->chiSquaredYates.defined ? r->chiSquaredYates.statistic : NAN)
        << "\nchi2_yates_p_value," << csvNumber(r->chiSquaredYates.defined ? r->chiSquaredYates.p : NAN) << '\n';
    out << "fisher_p_value," << csvNumber(r->fisherP) << '\n';
    out << "prob_b_beats_a," << csvNumber(r->probabilityBBeatsA) << "\nexpected_loss,"
        << csvNumber(r->expectedLossChoosingB) << '\n';
    return Ok;
}

int runRules(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze rules"),
                QStringLiteral("analyze rules --input FILE --support S --confidence C [--min-lift L] [--max-len N]"),
                QStringLiteral("Association rules over baskets: one basket per line, items separated by commas "
                               "(\"-\" reads standard input). Rules have one item on the right, as arules' apriori."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("input"), QStringLiteral("Basket file."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("support"), QStringLiteral("Minimum support, a fraction of baskets."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("confidence"), QStringLiteral("Minimum confidence."), QStringLiteral("C")});
    p.addOption({QStringLiteral("min-lift"), QStringLiteral("Minimum lift (default 0)."), QStringLiteral("L"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("max-len"), QStringLiteral("Most items in a rule, both sides (default 10)."),
                 QStringLiteral("N"), QStringLiteral("10")});
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    const auto support = parseDouble(p.value(QStringLiteral("support")));
    const auto confidence = parseDouble(p.value(QStringLiteral("confidence")));
    const auto lift = parseDouble(p.value(QStringLiteral("min-lift")));
    bool lenOk = false;
    const int maxLen = p.value(QStringLiteral("max-len")).toInt(&lenOk);
    if (p.value(QStringLiteral("input")).isEmpty())
        return cmd.usageError(QStringLiteral("--input FILE is required"));
    if (!support || !confidence || !lift || !lenOk)
        return cmd.usageError(QStringLiteral("--support and --confidence take numbers, --max-len a whole number"));
    auto text = readText(p.value(QStringLiteral("input")));
    if (!text)
        return reportError(text.error());
    std::vector<std::vector<std::string>> baskets;
    const auto lines = text->split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        QStringList cells;
        if (!splitCsvLine(line, cells))
            return reportError({ErrorCode::Parse, QStringLiteral("%1:%2: a quoted item is not closed")
                                                      .arg(p.value(QStringLiteral("input")))
                                                      .arg(i + 1)
                                                      .toStdString()});
        std::vector<std::string> basket;
        for (const auto& c : cells)
            if (!c.trimmed().isEmpty())
                basket.push_back(c.trimmed().toStdString());
        baskets.push_back(std::move(basket));
    }
    engine::ItemDictionary dictionary;
    const auto encoded = engine::encodeBaskets(baskets, dictionary);
    engine::AssociationOptions options;
    options.minSupport = *support;
    options.minConfidence = *confidence;
    options.minLift = *lift;
    options.maxLength = maxLen;
    auto result = engine::mineAssociationRules(encoded, options);
    if (!result)
        return reportError(result.error());
    auto names = [&dictionary](const std::vector<engine::ItemId>& ids) {
        QStringList list;
        for (auto id : ids)
            list << QString::fromStdString(dictionary.name(id));
        return list;
    };
    if (csv) {
        QTextStream out(stdout);
        out << "lhs,rhs,support,confidence,lift,leverage,conviction,count\n";
        for (const auto& r : result->rules)
            out << ui::csvCell(names(r.lhs).join(QLatin1Char(';'))) << ',' << ui::csvCell(names({r.rhs}).first()) << ','
                << csvNumber(r.support) << ',' << csvNumber(r.confidence) << ',' << csvNumber(r.lift) << ','
                << csvNumber(r.leverage) << ',' << csvNumber(r.conviction) << ',' << r.count << '\n';
        return Ok;
    }
    QJsonArray rules;
    for (const auto& r : result->rules)
        rules.append(QJsonObject{{QStringLiteral("lhs"), QJsonArray::fromStringList(names(r.lhs))},
                                 {QStringLiteral("rhs"), QJsonArray::fromStringList(names({r.rhs}))},
                                 {QStringLiteral("support"), number(r.support)},
                                 {QStringLiteral("confidence"), number(r.confidence)},
                                 {QStringLiteral("lift"), number(r.lift)},
                                 {QStringLiteral("leverage"), number(r.leverage)},
                                 {QStringLiteral("conviction"), number(r.conviction)},
                                 {QStringLiteral("count"), qint64(r.count)}});
    printJson({{QStringLiteral("baskets"), qint64(result->baskets)}, {QStringLiteral("rules"), rules}});
    return Ok;
}

int runLogistic(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze logistic"),
                QStringLiteral("analyze logistic --input FILE --target COLUMN [--columns A,B,..] [--l2 X]"),
                QStringLiteral("Logistic regression (exact maximum likelihood by IRLS, optional L2) of a 0/1 "
                               "column on numeric columns, with an intercept."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("input"), QStringLiteral("CSV file with a header row."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("target"), QStringLiteral("The 0/1 outcome column."), QStringLiteral("COLUMN")});
    p.addOption({QStringLiteral("columns"), QStringLiteral("Predictors (default: every other column)."),
                 QStringLiteral("A,B,..")});
    p.addOption({QStringLiteral("l2"), QStringLiteral("L2 penalty (default 0)."), QStringLiteral("X"),
                 QStringLiteral("0")});
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    const QString target = p.value(QStringLiteral("target"));
    if (p.value(QStringLiteral("input")).isEmpty() || target.isEmpty())
        return cmd.usageError(QStringLiteral("--input FILE and --target COLUMN are required"));
    const auto l2 = parseDouble(p.value(QStringLiteral("l2")));
    if (!l2 || *l2 < 0)
        return cmd.usageError(QStringLiteral("--l2 takes a non-negative number"));
    auto table = readCsv(p.value(QStringLiteral("input")));
    if (!table)
        return reportError(table.error());
    QStringList names = p.isSet(QStringLiteral("columns"))
                            ? p.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts)
                            : QStringList();
    auto x = numericColumns(*table, names, target);
    if (!x)
        return reportError(x.error());
    auto targetColumn = table->column(target);
    if (!targetColumn)
        return reportError(targetColumn.error());
    Eigen::VectorXd y(x->rows());
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        auto v = table->number(r, *targetColumn);
        if (!v)
            return reportError(v.error());
        if (*v != 0 && *v != 1)
            return reportError({ErrorCode::Parse, QStringLiteral("%1:%2: target \"%3\" must be 0 or 1, not %4")
                                                      .arg(table->source)
                                                      .arg(table->lineNumbers[r])
                                                      .arg(target)
                                                      .arg(*v)
                                                      .toStdString()});
        y(Eigen::Index(r)) = *v;
    }
    engine::LogisticOptions options;
    options.l2 = *l2;
    auto fit = engine::fitLogistic(*x, y, options);
    if (!fit)
        return reportError(fit.error());
    QStringList all = QStringList{QStringLiteral("intercept")} + names;
    if (csv) {
        QTextStream out(stdout);
        out << "name,coefficient,std_error,z,p_value\n";
        for (int i = 0; i < all.size(); ++i)
            out << ui::csvCell(all[i]) << ',' << csvNumber(fit->coefficients(i)) << ','
                << csvNumber(fit->standardErrors(i)) << ',' << csvNumber(fit->zValues(i)) << ','
                << csvNumber(fit->pValues(i)) << '\n';
        return Ok;
    }
    QJsonObject coefficients, errors, pValues;
    for (int i = 0; i < all.size(); ++i) {
        coefficients.insert(all[i], number(fit->coefficients(i)));
        errors.insert(all[i], number(fit->standardErrors(i)));
        pValues.insert(all[i], number(fit->pValues(i)));
    }
    QJsonArray calibration;
    for (const auto& bin : fit->calibration)
        calibration.append(QJsonObject{{QStringLiteral("mean_predicted"), number(bin.meanPredicted)},
                                       {QStringLiteral("observed_rate"), number(bin.observedRate)},
                                       {QStringLiteral("count"), qint64(bin.count)}});
    printJson({{QStringLiteral("coefficients"), coefficients},
               {QStringLiteral("std_errors"), errors},
               {QStringLiteral("p_values"), pValues},
               {QStringLiteral("log_loss"), number(fit->logLoss)},
               {QStringLiteral("log_likelihood"), number(fit->logLikelihood)},
               {QStringLiteral("iterations"), fit->iterations},
               {QStringLiteral("converged"), fit->status == engine::FitStatus::Converged},
               {QStringLiteral("calibration"), calibration}});
    return Ok;
}

int runKmeans(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze kmeans"),
                QStringLiteral("analyze kmeans --input FILE [--columns A,B,..] --k N|auto [--seed S] [--n-init N] "
                               "[--standardize]"),
                QStringLiteral("K-means (k-means++ starts, Lloyd with Hamerly bounds). With --k auto, k from 2 to "
                               "10 is chosen by the mean silhouette on a sample."));
    auto& p = cmd.parser();
    p.addOption({QStringLiteral("input"), QStringLiteral("CSV file with a header row."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("columns"), QStringLiteral("Columns to use (default: all)."), QStringLiteral("A,B,..")});
    p.addOption({QStringLiteral("k"), QStringLiteral("Number of clusters, or auto."), QStringLiteral("N|auto")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("S"),
                 QStringLiteral("0")});
    p.addOption({QStringLiteral("n-init"), QStringLiteral("Starts; the best is kept (default 10)."),
                 QStringLiteral("N"), QStringLiteral("10")});
    p.addOption({QStringLiteral("standardize"), QStringLiteral("Cluster z-scores; centroids still in original units.")});
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    if (p.value(QStringLiteral("input")).isEmpty() || p.value(QStringLiteral("k")).isEmpty())
        return cmd.usageError(QStringLiteral("--input FILE and --k N|auto are required"));
    const bool autoK = p.value(QStringLiteral("k")) == QLatin1String("auto");
    bool ok = false, seedOk = false, initOk = false;
    const int k = autoK ? 0 : p.value(QStringLiteral("k")).toInt(&ok);
    const auto seed = p.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const int nInit = p.value(QStringLiteral("n-init")).toInt(&initOk);
    if ((!autoK && (!ok || k < 1)) || !seedOk || !initOk || nInit < 1)
        return cmd.usageError(QStringLiteral("--k takes a whole number or auto; --seed and --n-init whole numbers"));
    auto table = readCsv(p.value(QStringLiteral("input")));
    if (!table)
        return reportError(table.error());
    QStringList names = p.isSet(QStringLiteral("columns"))
                            ? p.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts)
                            : QStringList();
    auto data = numericColumns(*table, names);
    if (!data)
        return reportError(data.error());
    Eigen::MatrixXd work = *data;
    std::optional<engine::Standardizer> scaler;
    if (p.isSet(QStringLiteral("standardize"))) {
        auto s = engine::fitStandardizer(*data);
        if (!s)
            return reportError(s.error());
        scaler = *s;
        work = scaler->transform(*data);
    }
    engine::KMeansOptions options;
    options.k = k;
    options.seed = seed;
    options.nInit = nInit;
    engine::KMeansResult fit;
    double silhouette = NAN;
    constexpr Eigen::Index kSilhouetteSample = 10000;
    if (autoK) {
        engine::ChooseKOptions choose;
        choose.kMeans = options;
        choose.sampleSize = kSilhouetteSample;
        auto chosen = engine::chooseK(work, choose);
        if (!chosen)
            return reportError(chosen.error());
        fit = chosen->best;
        for (const auto& e : chosen->perK)
            if (e.k == chosen->bestK)
                silhouette = e.silhouette;
    } else {
        auto r = engine::kMeans(work, options);
        if (!r)
            return reportError(r.error());
        fit = std::move(*r);
        if (k >= 2) {
            auto s = engine::silhouetteScore(work, fit.labels, kSilhouetteSample, seed);
            if (s)
                silhouette = *s;
        }
    }
    const Eigen::MatrixXd centroids = scaler ? scaler->inverse(fit.centroids) : fit.centroids;
    if (csv) {
        QTextStream out(stdout);
        out << "cluster,size";
        for (const auto& n : names)
            out << ',' << ui::csvCell(n);
        out << '\n';
        for (Eigen::Index c = 0; c < centroids.rows(); ++c) {
            out << c << ',' << qint64(fit.sizes[std::size_t(c)]);
            for (Eigen::Index j = 0; j < centroids.cols(); ++j)
                out << ',' << csvNumber(centroids(c, j));
            out << '\n';
        }
        return Ok;
    }
    QJsonArray sizes, rows;
    for (auto s : fit.sizes)
        sizes.append(qint64(s));
    for (Eigen::Index c = 0; c < centroids.rows(); ++c) {
        QJsonArray row;
        for (Eigen::Index j = 0; j < centroids.cols(); ++j)
            row.append(number(centroids(c, j)));
        rows.append(row);
    }
    printJson({{QStringLiteral("k"), int(centroids.rows())},
               {QStringLiteral("columns"), QJsonArray::fromStringList(names)},
               {QStringLiteral("inertia"), number(fit.inertia)},
               {QStringLiteral("silhouette"), number(silhouette)},
               {QStringLiteral("iterations"), fit.iterations},
               {QStringLiteral("converged"), fit.converged},
               {QStringLiteral("sizes"), sizes},
               {QStringLiteral("centroids"), rows}});
    return Ok;
}

int runSentiment(const QStringList& args)
{
    Command cmd(QStringLiteral("analyze sentiment"), QStringLiteral("analyze sentiment [--format json|csv] < TEXTS"),
                QStringLiteral("Sentiment of English and Chinese texts, one per line on standard input: a score in "
                               "[-1, 1] and a label (negative, neutral, positive) per line."));
    addFormatOption(cmd);
    bool csv = false;
    if (auto stop = parseWithFormat(cmd, args, csv))
        return *stop;
    const auto* analyzer = ui::sharedSentimentAnalyzer();
    if (!analyzer)
        return reportError({ErrorCode::NotFound, "the built-in sentiment lexicons are missing or broken"});
    auto input = readText(QStringLiteral("-"));
    if (!input)
        return reportError(input.error());
    std::vector<std::string> texts;
    auto lines = input->split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (auto& line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        texts.push_back(line.toStdString());
    }
    auto results = engine::analyzeSentiments(*analyzer, texts);
    if (!results)
        return reportError(results.error());
    QTextStream out(stdout);
    if (csv)
        out << "score,label\n";
    for (const auto& r : *results) {
        const QString label = r.label == engine::SentimentLabel::Positive   ? QStringLiteral("positive")
                              : r.label == engine::SentimentLabel::Negative ? QStringLiteral("negative")
                                                                            : QStringLiteral("neutral");
        if (csv)
            out << csvNumber(r.score) << ',' << label << '\n';
        else
            out << QJsonDocument(QJsonObject{{QStringLiteral("score"), r.score}, {QStringLiteral("label"), label}})
                       .toJson(QJsonDocument::Compact)
                << '\n';
    }
    return Ok;
}

struct AnalyzeSubcommand
{
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

constexpr AnalyzeSubcommand kSubcommands[] = {
    {"forecast", runForecast, "forecast a series: auto-ARIMA, ETS or seasonal naive, with intervals"},
    {"kmeans", runKmeans, "k-means segmentation with k set or chosen by silhouette"},
    {"rules", runRules, "association rules over baskets"},
    {"abtest", runAbtest, "A/B test statistics on conversion counts"},
    {"logistic", runLogistic, "logistic regression with standard errors"},
    {"sentiment", runSentiment, "sentiment of texts on standard input"},
};

} // namespace

int runAnalyze(const QStringList& args)
{
    const QString sub = args.value(1);
    for (const auto& s : kSubcommands)
        if (sub == QLatin1String(s.name))
            return s.run(args.mid(1));
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    QTextStream out(help ? stdout : stderr);
    if (!help && !sub.isEmpty())
        out << "heraldctl analyze: unknown algorithm \"" << sub << "\"\n";
    out << "Usage: heraldctl analyze ALGORITHM [options]\n\nAlgorithms:\n";
    for (const auto& s : kSubcommands)
        out << "  " << QString::fromLatin1(s.name).leftJustified(11) << s.summary << '\n';
    out << "\nOutput is JSON on stdout (--format csv for CSV). Malformed input names the line; exit status 2.\n";
    return help ? Ok : Usage;
}

} // namespace herald::app::cli
