// Choosing k by mean silhouette on the 50k x 8 blobs: k-means (n_init = 10) for k = 2..10 and the exact
// silhouette of a 10,000-row sample for each, as run_kmeans.py does with scikit-learn.
//   bench_choosek [--runs 3]
#include <cstdio>

#include "BenchSupport.h"
#include "herald/engine/analytics/KMeans.h"

using namespace herald;

int main(int argc, char** argv)
{
    const int runs = std::atoi(bench::argument(argc, argv, "--runs", "3").c_str());
    const Eigen::MatrixXd data = bench::readCsv(bench::sharedDataDir() + "/kmeans/blobs_50k_8d.csv", 8);
    engine::ChooseKOptions options;
    options.sampleSize = 10000;
    options.kMeans.nInit = 10;
    std::vector<double> times, cpu;
    engine::ChooseKResult choice;
    for (int r = 0; r < runs; ++r) {
        times.push_back(bench::secondsOf([&] {
            auto result = engine::chooseK(data, options);
            if (result)
                choice = std::move(*result);
        }));
        cpu.push_back(bench::lastCpuSeconds());
        std::printf("  run %d: %.3f s (cpu %.1f s), best k %d\n", r + 1, times.back(), bench::lastCpuSeconds(),
                    choice.bestK);
    }
    for (const auto& e : choice.perK)
        std::printf("  k=%2d inertia %.3f silhouette %.4f iterations %d\n", e.k, e.inertia, e.silhouette, e.iterations);
    std::printf("choose k (2..10, n_init=10, silhouette on 10k rows): median %.3f s over %d runs, best k %d\n",
                bench::median(times), runs, choice.bestK);
    std::printf("RESULT choosek_50k_8d %.4f %d %.2f\n", bench::median(times), choice.bestK, bench::median(cpu));
    return choice.bestK == 5 ? 0 : 1;
}
