#pragma once

#include <vector>

#include <Eigen/Core>

// Internal to herald_analytics_forecast: the numerical pieces of R's stats::arima (parameter transforms,
// conditional sum of squares, the state-space form and its Kalman filter) shared by fitArima, autoArima.
namespace herald::engine::forecastdetail {

/// The ARMA orders as arima's `arma` vector: p, q, P, Q, period.
struct ArmaSpec
{
    int p = 0;
    int q = 0;
    int sp = 0;
    int sq = 0;
    int period = 1;
    int count() const { return p + q + sp + sq; }
};

/// AR parameters from unconstrained values: tanh to partial autocorrelations, then Durbin-Levinson (as
/// R's partrans). O(p^2).
void arTransform(const double* raw, int p, double* out);
/// Inverse of arTransform for a stationary AR polynomial. O(p^2).
void arInverseTransform(const double* phi, int p, double* out);
/// Reflects MA roots inside the unit circle to make the polynomial invertible (R's maInvert). O(q^3).
std::vector<double> maInvert(const std::vector<double>& ma);
/// Smallest root modulus of 1 - c1 z - ... (sign = -1) or 1 + c1 z + ... (sign = +1); 2 when all are zero
/// or beyond 2 (as auto.arima's check). O(k^3).
double minRootModulus(const std::vector<double>& coef, double sign);
/// True when every root of 1 - phi1 z - ... lies outside the unit circle (R's arCheck).
bool arIsStationary(const std::vector<double>& phi);

/// Expands the seasonal model to full phi (length p + period * P) and theta (length q + period * Q);
/// with transform, the AR blocks of par are first mapped by arTransform. par holds p, q, P, Q values.
void expandArma(const double* par, const ArmaSpec& spec, bool transform, std::vector<double>& phi,
                std::vector<double>& theta);

/// Coefficients of the differencing so that y_t = sum Delta_i y_{t-i} + w_t (R's Delta), length d + period*D.
std::vector<double> differencingPolynomial(int d, int seasonalD, int period);
/// Applies (1 - B)^d (1 - B^period)^D; the result is shorter by d + period * D.
std::vector<double> difference(const std::vector<double>& x, int d, int seasonalD, int period);

/// Conditional sum of squares / nu of the ARMA residuals of the differenced series (R's ARIMA_CSS);
/// residuals (optional) has size n with zeros before ncond. O(n (p + q)).
double conditionalSumOfSquares(const std::vector<double>& x, int d, int seasonalD, int period,
                               const std::vector<double>& phi, const std::vector<double>& theta, int ncond,
                               std::vector<double>* residuals);

/// Stationary covariance of Harvey's ARMA state (dimension max(p, q + 1)) by the doubling algorithm.
Eigen::MatrixXd stationaryStateCovariance(const std::vector<double>& phi, const std::vector<double>& theta);

struct LikelihoodSums
{
    double ssq = 0.0;
    double sumLog = 0.0;
    int nu = 0;
};

/// The full ARIMA state-space model (ARMA state plus the differencing memory) as R's makeARIMA, run over the
/// undifferenced series with the diffuse prior kappa = 1e6 on the differencing states. Keeps the final state
/// for forecasting.
struct ArimaStateSpace
{
    Eigen::MatrixXd T;
    Eigen::VectorXd Z;
    Eigen::MatrixXd V;
    Eigen::VectorXd a;
    Eigen::MatrixXd P;
    std::vector<double> residuals; // standardized innovations times sqrt of the scale, as arima's residuals
    LikelihoodSums sums;
};

/// Builds the model and filters x through it (the likelihood of the fit itself, as R's ARIMA_Like).
/// O(n (r + d)^2) with structured products.
ArimaStateSpace filterArima(const std::vector<double>& x, const std::vector<double>& phi,
                            const std::vector<double>& theta, const std::vector<double>& delta, bool keepResiduals);

/// Forecast means and variances (in units of sigma^2) from the filtered state, as R's KalmanForecast.
void kalmanForecast(const ArimaStateSpace& model, int horizon, std::vector<double>& mean,
                    std::vector<double>& variance);

} // namespace herald::engine::forecastdetail
