// Per-call cost of the A/B statistics, as the stored statsmodels/scipy per-call timings.
#include "BenchSupport.h"
#include "herald/engine/analytics/AbStats.h"

int main()
{
    using namespace herald::engine;
    volatile double sink = 0.0;
    const auto perCall = [&](int calls, auto&& fn) {
        return herald::bench::medianSeconds(5,
                                            [&] {
                                                for (int i = 0; i < calls; ++i)
                                                    sink = sink + fn();
                                            }) /
               calls;
    };
    herald::bench::report("proportions_ztest", perCall(20000, [] {
                              return twoProportionZTest({200, 2000, 240, 2000}).pTwoSided;
                          }));
    herald::bench::report("chi2_contingency", perCall(20000, [] {
                              return chiSquared2x2({200, 2000, 240, 2000}, true).p;
                          }));
    herald::bench::report("prob_b_beats_a_exact_2000",
                          perCall(2000, [] { return probabilityBetaGreater(241, 1761, 201, 1801); }));
    herald::bench::report("prob_b_beats_a_exact_1M",
                          perCall(200, [] { return probabilityBetaGreater(10301, 989701, 10001, 990001); }));
    herald::bench::report("solve_power", perCall(20000, [] {
                              SampleSizeOptions o;
                              o.baselineRate = 0.10;
                              o.minimumDetectableEffect = 0.02;
                              return sampleSize(o)->perGroup;
                          }));
    herald::bench::report("fisher_exact_1M",
                          perCall(20, [] { return fisherExactTwoSided(10000, 990000, 10300, 989700); }));
    herald::bench::report("analyze_ab_typical", perCall(2000, [] {
                              return analyzeAb({200, 2000, 240, 2000})->fisherP;
                          }));
    return 0;
}
