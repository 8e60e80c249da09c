// Engagement-model fit time on a simulated 10,000-post history (the tests' designed pattern), plus a
// draft prediction and a best-slots query. Prints medians of several runs.
#include "herald/engine/analytics/EngagementModel.h"

#include "EngagementSimulation.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace herald::engine;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main()
{
    constexpr int kRuns = 9;
    for (std::size_t posts : {1000u, 10000u, 50000u}) {
        const auto account = herald::test::simulateAccount(posts, 1);
        std::vector<double> fit, query;
        int peak = -1;
        for (int run = 0; run < kRuns; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            const auto model = EngagementModel::fit(account.history);
            const auto t1 = std::chrono::steady_clock::now();
            if (!model || model->status() != EngagementStatus::Ok) {
                std::fprintf(stderr, "fit failed\n");
                return 1;
            }
            PostFeatures draft;
            draft.mediaCount = 1;
            const auto slots = model->bestSlots(draft, 0);
            const auto t2 = std::chrono::steady_clock::now();
            peak = slots ? (*slots)[0].hourOfWeek : -1;
            fit.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            query.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        }
        std::printf("engagement %6zu posts: fit %.2f ms, bestSlots %.3f ms (best hour of week %d)\n", posts,
                    median(fit), median(query), peak);
    }
    return 0;
}
