#pragma once

#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Forecast.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

enum class EtsError {
    Additive,
    Multiplicative,
};

enum class EtsTrend {
    None,
    Additive,
    AdditiveDamped,
};

enum class EtsSeason {
    None,
    Additive,
    Multiplicative,
};

/// One member of the ETS family, e.g. ETS(M,Ad,M): Holt-Winters with multiplicative seasons and a damped trend.
struct EtsSpec
{
    EtsError error = EtsError::Additive;
    EtsTrend trend = EtsTrend::None;
    EtsSeason season = EtsSeason::None;

    friend bool operator==(const EtsSpec&, const EtsSpec&) = default;
};

struct EtsOptions
{
    int period = 1;               // observations per season; seasonal models need 1 < period <= 24
    std::optional<EtsSpec> model; // a fixed model; empty: choose among all admissible ones by the criterion
    bool additiveOnly = false;    // only additive errors and seasons (forecast::ets additive.only)
    // Parameter bounds as forecast::ets ("both": these and the admissible region).
    double lowerSmoothing = 1e-4;
    double upperSmoothing = 0.9999;
    double lowerPhi = 0.8;
    double upperPhi = 0.98;
    int maxEvaluations = 2000; // Nelder-Mead evaluations per model, as ets' maxit
};

enum class EtsStatus {
    Converged,
    IterationLimit, // Nelder-Mead stopped at maxEvaluations
};

/// A fitted ETS model; enough to forecast.
struct EtsModel
{
    EtsSpec spec;
    int period = 1;
    double alpha = 0.0;
    double beta = 0.0;                // 0 without trend
    double gamma = 0.0;               // 0 without season
    double phi = 1.0;                 // 1 unless damped
    std::vector<double> initialState; // l, b (with trend), s_1..s_m (most recent season first)
    std::vector<double> finalState;   // after the last observation, same layout
    std::vector<double> residuals;    // y - fitted (additive error) or (y - fitted) / fitted (multiplicative)
    double sigma2 = 0.0;              // sum of squared residuals / (n - parameters), as forecast::ets
    double loglik = 0.0;              // forecast::ets' -0.5 * (n log SSE [+ 2 sum log |fitted|])
    double aic = 0.0;
    double aicc = 0.0;
    double bic = 0.0;
    int parameterCount = 0; // smoothing parameters + initial states + 1
    EtsStatus status = EtsStatus::Converged;

    /// forecast's label, e.g. "ETS(M,Ad,M)".
    std::string label() const;
};

struct EtsResult
{
    EtsModel model;               // the chosen (or the fixed) model
    std::vector<EtsModel> fitted; // every model the selection fitted successfully, in forecast::ets' order
};

/// Fits ETS models by maximum likelihood as forecast::ets (Nelder-Mead over smoothing parameters and initial
/// states, started from forecast's classical-decomposition states) and keeps the one with the lowest AICc.
/// Multiplicative trends are not fitted (forecast's default). Invalid for empty series, NaN/inf, period < 1,
/// a series too short for any model (<= 6 observations), a fixed multiplicative model on data <= 0, or a
/// seasonal model with period 1 or > 24; Cancelled when progress returns false.
/// O(models * evaluations * (n + period^2)).
Result<EtsResult> fitEts(const Eigen::Ref<const Eigen::VectorXd>& series, const EtsOptions& options,
                         const Progress& progress = {});

/// Forecasts with 80% and 95% intervals from the analytic variances forecast::ets uses for every model fitEts
/// fits (its classes 1-3: linear models, multiplicative error with additive components, multiplicative error
/// and season); no simulation is needed. Invalid for horizon < 1. O(h p^2) (class 3: O(h (p m)^3)).
Result<Forecast> forecastEts(const EtsModel& model, int horizon);

} // namespace herald::engine
