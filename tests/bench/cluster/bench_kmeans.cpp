// k-means on the 1,000,000 x 16 blobs regenerated from the shared portable generator, k = 8, n_init = 10
// (as scikit-learn's run_kmeans.py). Checks the regeneration against blobs_meta.json first.
//   bench_kmeans [--set blobs_1m_16d|blobs_1m_16d_overlap] [--runs 3]
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "BenchSupport.h"
#include "BlobGenerator.h"
#include "herald/engine/analytics/KMeans.h"

using namespace herald;

namespace {

// Compares the regenerated data with the checksums gen_blobs.py stored; returns false on any difference.
bool checkAgainstMeta(const bench::Blobs& blobs, const nlohmann::json& meta)
{
    bool ok = true;
    const Eigen::Index n = blobs.points.rows();
    const std::pair<const char*, Eigen::Index> rows[] = {{"row_0", 0}, {"row_1", 1}, {"row_last", n - 1}};
    for (const auto& [key, r] : rows) {
        const auto expected = meta.at(key).get<std::vector<double>>();
        for (Eigen::Index t = 0; t < blobs.points.cols(); ++t)
            ok = ok && expected[static_cast<std::size_t>(t)] == blobs.points(r, t); // bit for bit
    }
    std::vector<long> counts(static_cast<std::size_t>(blobs.centers.rows()), 0);
    for (int label : blobs.labels)
        ++counts[static_cast<std::size_t>(label)];
    ok = ok && counts == meta.at("label_counts").get<std::vector<long>>();
    // math.fsum is exactly rounded; a long double Neumaier sum agrees far below this tolerance.
    long double sum = 0.0L, compensation = 0.0L;
    for (Eigen::Index i = 0; i < blobs.points.size(); ++i) {
        const long double v = blobs.points.data()[i], t = sum + v;
        compensation += std::fabs(sum) >= std::fabs(v) ? (sum - t) + v : (v - t) + sum;
        sum = t;
    }
    const double fsum = static_cast<double>(sum + compensation), expectedSum = meta.at("fsum_all").get<double>();
    ok = ok && std::abs(fsum - expectedSum) <= 1e-9 * std::abs(expectedSum);
    std::printf("generator check: rows 0, 1, last bit-exact, label counts, fsum %.17g vs %.17g: %s\n", fsum,
                expectedSum, ok ? "OK" : "MISMATCH");
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string set = bench::argument(argc, argv, "--set", "blobs_1m_16d");
    const int runs = std::atoi(bench::argument(argc, argv, "--runs", "3").c_str());
    const bench::BlobSet params = set == "blobs_1m_16d_overlap" ? bench::kBlobs1m16dOverlap : bench::kBlobs1m16d;
    bench::Blobs blobs;
    const double generate = bench::secondsOf([&] { blobs = bench::generateBlobs(params); });
    std::printf("generated %s (%td x %td) in %.2f s\n", set.c_str(), blobs.points.rows(), blobs.points.cols(),
                generate);
    std::ifstream metaFile(bench::sharedDataDir() + "/kmeans/blobs_meta.json");
    if (!checkAgainstMeta(blobs, nlohmann::json::parse(metaFile).at(set)))
        return 1;

    engine::KMeansOptions options;
    options.k = params.k;
    options.nInit = 10;
    options.seed = 0;
    std::vector<double> times, cpu;
    engine::KMeansResult fit;
    for (int r = 0; r < runs; ++r) {
        times.push_back(bench::secondsOf([&] {
            auto result = engine::kMeans(blobs.points, options);
            if (result)
                fit = std::move(*result);
        }));
        cpu.push_back(bench::lastCpuSeconds());
        std::printf("  run %d: %.3f s (cpu %.1f s), inertia %.6f, %d iterations\n", r + 1, times.back(),
                    bench::lastCpuSeconds(), fit.inertia, fit.iterations);
    }
    double peerInertia = 0.0;
    std::ifstream peerFile(bench::sharedDataDir() + "/kmeans/expected/kmeans_" + set + ".json");
    if (peerFile)
        peerInertia = nlohmann::json::parse(peerFile).at("inertia").get<double>();
    std::printf("kmeans %s k=%d n_init=10: median %.3f s over %d runs, inertia %.6f", set.c_str(), params.k,
                bench::median(times), runs, fit.inertia);
    if (peerInertia > 0.0)
        std::printf(" (peer %.6f, ratio %.6f)", peerInertia, fit.inertia / peerInertia);
    std::printf("\nRESULT kmeans_%s %.4f %.6f %.2f\n", set.c_str(), bench::median(times), fit.inertia,
                bench::median(cpu));
    return peerInertia > 0.0 && fit.inertia > peerInertia * 1.005 ? 1 : 0;
}
