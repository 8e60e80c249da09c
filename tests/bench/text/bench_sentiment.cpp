// Sentiment throughput: the English and Chinese evaluation sets repeated to 100,000 comments, scored
// one by one on one thread and with analyzeSentiments() on two. Prints medians of several runs.
#include "herald/engine/analytics/Sentiment.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace herald::engine;

namespace {

std::vector<std::string> readTexts(const std::string& path)
{
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#')
            out.push_back(line.substr(0, line.rfind('\t')));
    }
    return out;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main()
{
    auto analyzer = SentimentAnalyzer::fromDirectory(HERALD_LEXICON_DIR);
    if (!analyzer) {
        std::fprintf(stderr, "%s\n", analyzer.error().detail.c_str());
        return 1;
    }
    const std::string fixtures = HERALD_FIXTURES_DIR "/sentiment/";
    constexpr std::size_t kComments = 100000;
    constexpr int kRuns = 7;
    for (const char* set : {"eval_en.tsv", "eval_zh.tsv", "both"}) {
        std::vector<std::string> base;
        if (std::string(set) == "both") {
            base = readTexts(fixtures + "eval_en.tsv");
            const auto zh = readTexts(fixtures + "eval_zh.tsv");
            base.insert(base.end(), zh.begin(), zh.end());
        } else {
            base = readTexts(fixtures + set);
        }
        if (base.empty()) {
            std::fprintf(stderr, "no comments in %s\n", set);
            return 1;
        }
        std::vector<std::string> texts;
        texts.reserve(kComments);
        for (std::size_t i = 0; texts.size() < kComments; ++i)
            texts.push_back(base[i % base.size()]);

        std::vector<double> single, batch;
        double checksum = 0.0;
        for (int run = 0; run < kRuns; ++run) {
            auto t0 = std::chrono::steady_clock::now();
            for (const auto& t : texts)
                checksum += analyzer->analyze(t).score;
            auto t1 = std::chrono::steady_clock::now();
            const auto all = analyzeSentiments(*analyzer, texts);
            auto t2 = std::chrono::steady_clock::now();
            checksum += all ? (*all)[0].score : 0.0;
            single.push_back(std::chrono::duration<double>(t1 - t0).count());
            batch.push_back(std::chrono::duration<double>(t2 - t1).count());
        }
        std::printf("sentiment %-11s %zu comments: 1 thread %.0f comments/s (%.1f ms), analyzeSentiments 2 threads "
                    "%.0f comments/s (%.1f ms)  [checksum %.3f]\n",
                    set, texts.size(), kComments / median(single), 1e3 * median(single), kComments / median(batch),
                    1e3 * median(batch), checksum);
    }
    return 0;
}
