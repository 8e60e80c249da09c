#pragma once

#include <optional>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Arima.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

enum class InformationCriterion {
    Aicc,
    Aic,
    Bic,
};

/// Defaults are forecast::auto.arima's (forecast 8.20).
struct AutoArimaOptions
{
    int period = 1;     // observations per season; 1 for a non-seasonal search
    int d = -1;         // -1: chosen by repeated KPSS tests (ndiffs)
    int seasonalD = -1; // -1: chosen by the seasonal strength test (nsdiffs, test "seas")
    int maxP = 5;
    int maxQ = 5;
    int maxSeasonalP = 2;
    int maxSeasonalQ = 2;
    int maxOrder = 5; // p + q + P + Q, exhaustive search only (as auto.arima)
    int maxD = 2;
    int maxSeasonalD = 1;
    int startP = 2;
    int startQ = 2;
    int startSeasonalP = 1;
    int startSeasonalQ = 1;
    bool stepwise = true;              // Hyndman-Khandakar stepwise search; false: every order up to maxOrder
    std::optional<bool> approximation; // CSS fits during the search; default n > 150 or period > 12
    bool allowDrift = true;
    bool allowMean = true;
    int maxModels = 94; // stepwise: at most this many fits
    InformationCriterion criterion = InformationCriterion::Aicc;
};

/// One model the search fitted, with its criterion (infinite when the fit failed or had roots near the unit
/// circle, as auto.arima).
struct ArimaCandidate
{
    ArimaOrder order;
    bool constant = false;
    double criterion = 0.0;
};

struct AutoArimaResult
{
    ArimaModel model; // the chosen model, fitted by CSS-ML with residuals
    bool approximationUsed = false;
    std::optional<double> seasonalStrength; // of the series, when the seasonal test ran
    std::vector<ArimaCandidate> candidates; // in the order they were fitted
};

/// Chooses and fits a seasonal ARIMA as forecast::auto.arima (differencing by tests, then the stepwise or
/// exhaustive search by AICc, approximate CSS criteria refitted by ML for long or high-period series).
/// Invalid for empty series, NaN/inf, period < 1; Cancelled when progress returns false.
/// O(models * cost(fitArima)); about 20-60 models stepwise.
Result<AutoArimaResult> autoArima(const Eigen::Ref<const Eigen::VectorXd>& series, const AutoArimaOptions& options,
                                  const Progress& progress = {});

/// The KPSS level-stationarity statistic with urca's short lag trunc(3 sqrt(n) / 13). O(n l).
double kpssStatistic(const Eigen::Ref<const Eigen::VectorXd>& series);

/// Number of first differences by repeated KPSS tests at level 0.05 (forecast::ndiffs). O(maxD n l).
Result<int> ndiffs(const Eigen::Ref<const Eigen::VectorXd>& series, int maxD = 2);

/// Seasonal strength 1 - var(remainder) / var(remainder + seasonal) of an STL fit with s.window 11, clamped to
/// [0, 1] (forecast's seas.heuristic). Invalid unless n > 2 * period and period > 1. O(n period).
Result<double> seasonalStrength(const Eigen::Ref<const Eigen::VectorXd>& series, int period);

/// Number of seasonal differences: 1 while the seasonal strength exceeds 0.64 (forecast::nsdiffs, test "seas").
/// O(maxD n period).
Result<int> nsdiffs(const Eigen::Ref<const Eigen::VectorXd>& series, int period, int maxD = 1);

} // namespace herald::engine
