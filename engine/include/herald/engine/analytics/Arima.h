#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Forecast.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

/// Orders of a seasonal ARIMA(p,d,q)(P,D,Q)[period] model.
struct ArimaOrder
{
    int p = 0;
    int d = 0;
    int q = 0;
    int seasonalP = 0;
    int seasonalD = 0;
    int seasonalQ = 0;
    int period = 1; // observations per season (12 monthly, 7 daily-with-week); 1 for none

    friend bool operator==(const ArimaOrder&, const ArimaOrder&) = default;
};

enum class ArimaMethod {
    CssMl, // conditional sum of squares for the start, then exact maximum likelihood (R's default "CSS-ML")
    Ml,    // exact maximum likelihood from zero coefficients
    Css,   // conditional sum of squares only (auto-ARIMA's approximation); aic is NaN
};

struct ArimaOptions
{
    ArimaOrder order;
    bool includeMean = true;   // a mean when d + D == 0, as forecast::Arima (ignored with differencing)
    bool includeDrift = false; // a linear drift when d + D <= 1, as forecast::Arima(include.drift = TRUE)
    ArimaMethod method = ArimaMethod::CssMl;
    int maxIterations = 100; // BFGS iterations per stage, as optim's default maxit
    // Residuals and the bias-corrected sigma2 need one more pass with the full state-space model; leave it out
    // when only the information criteria matter (then residuals is empty and sigma2 the ML estimate).
    bool computeResiduals = true;
};

enum class ArimaStatus {
    Converged,
    IterationLimit, // BFGS stopped at maxIterations: the estimates are usable but not a verified optimum
};

/// A fitted seasonal ARIMA model; enough to forecast (it keeps a copy of the series).
struct ArimaModel
{
    ArimaOrder order;
    std::vector<double> ar;         // phi_1..phi_p (sign as R: y_t = phi_1 y_{t-1} + ... + e_t + theta_1 e_{t-1})
    std::vector<double> ma;         // theta_1..theta_q
    std::vector<double> seasonalAr; // Phi_1..Phi_P
    std::vector<double> seasonalMa; // Theta_1..Theta_Q
    bool hasMean = false;
    bool hasDrift = false;
    double mean = 0.0;        // intercept when hasMean
    double drift = 0.0;       // slope per observation when hasDrift (time index 1..n as R)
    double sigma2 = 0.0;      // innovation variance, bias-corrected as forecast::Arima
    double fitVariance = 0.0; // the variance estimate of the fit itself (stats::arima's sigma2)
    double loglik = 0.0;
    double aic = 0.0;
    double aicc = 0.0;
    double bic = 0.0;
    int nobs = 0;                  // observations after differencing
    int parameterCount = 0;        // coefficients + 1 for sigma2, as used in the information criteria
    std::vector<double> residuals; // one per observation (the first d + D*period are near zero)
    ArimaStatus status = ArimaStatus::Converged;
    std::vector<double> series;

    /// R's label, e.g. "ARIMA(2,1,1)(0,1,0)[12] with drift".
    std::string label() const;
};

/// Fits a seasonal ARIMA by exact Gaussian maximum likelihood (Kalman filter on the state-space form, AR parts
/// kept stationary by R's PACF transform, BFGS with numeric gradients), reproducing R's arima/forecast::Arima.
/// Invalid for empty series, NaN/inf, negative orders, a seasonal part without period > 1, a series too short
/// for the model or its season, or a non-stationary CSS start; Cancelled when progress returns false.
/// O(iterations * k * n * r^2) with k coefficients and r = max(p + period P, q + period Q + 1) + d + period D.
Result<ArimaModel> fitArima(const Eigen::Ref<const Eigen::VectorXd>& series, const ArimaOptions& options,
                            const Progress& progress = {});

/// Forecasts h steps ahead with 80% and 95% normal intervals from the Kalman filter's final state, as R's
/// predict.Arima (coefficient uncertainty is not included). Invalid for horizon < 1. O(n r^2 + h r^3).
Result<Forecast> forecastArima(const ArimaModel& model, int horizon);

} // namespace herald::engine
