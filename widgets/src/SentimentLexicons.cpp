#include "herald/widgets/SentimentLexicons.h"

#include <memory>
#include <optional>

#include <QFile>

#include "herald/engine/analytics/Sentiment.h"

namespace herald::ui {

namespace {

std::optional<engine::SentimentLexicon> lexicon(const char* name)
{
    QFile file(QStringLiteral(":/lexicons/%1").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray text = file.readAll();
    auto parsed = engine::SentimentLexicon::parse(std::string_view(text.constData(), std::size_t(text.size())), name);
    if (!parsed)
        return std::nullopt;
    return std::move(*parsed);
}

std::unique_ptr<engine::SentimentAnalyzer> build()
{
    auto en = lexicon("en.tsv");
    auto zh = lexicon("zh.tsv");
    auto emoji = lexicon("emoji.tsv");
    if (!en || !zh || !emoji)
        return nullptr;
    return std::make_unique<engine::SentimentAnalyzer>(*en, *zh, *emoji);
}

} // namespace

const engine::SentimentAnalyzer* sharedSentimentAnalyzer()
{
    static const std::unique_ptr<engine::SentimentAnalyzer> analyzer = build(); // thread-safe initialisation
    return analyzer.get();
}

} // namespace herald::ui
