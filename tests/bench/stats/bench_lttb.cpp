// LTTB: 1,000,000 points down to 2,000 (the chart budget is 100 ms end to end).
#include <cmath>

#include "BenchSupport.h"
#include "herald/engine/analytics/Lttb.h"

int main()
{
    const Eigen::Index n = 1000000;
    Eigen::VectorXd x(n);
    Eigen::VectorXd y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        x[i] = static_cast<double>(i);
        y[i] = std::sin(i * 1e-4) * 100.0 + std::sin(i * 0.37) * 5.0 + (i % 9973 == 0 ? 80.0 : 0.0);
    }
    std::size_t kept = 0;
    herald::bench::report("lttb_1M_to_2000", herald::bench::medianSeconds(
                                                 21, [&] { kept = herald::engine::lttbIndices(x, y, 2000)->size(); }));
    std::fprintf(stderr, "kept %zu points\n", kept);
    return 0;
}
