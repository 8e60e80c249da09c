#include "ArimaKernel.h"

#include <algorithm>
#include <cmath>
#include <complex>

#include <Eigen/Eigenvalues>

namespace herald::engine::forecastdetail {

namespace {

constexpr double kDiffuseVariance = 1e6; // arima's kappa, in units of the innovation variance
constexpr double kDiffuseGain = 1e4;     // innovations with a larger variance are still diffuse: not counted

// Roots of 1 + c1 z + ... + ck z^k (ck != 0) as the reciprocals of the companion eigenvalues of
// z^k + c1 z^(k-1) + ... + ck.
std::vector<std::complex<double>> polynomialRoots(const std::vector<double>& c)
{
    const int k = static_cast<int>(c.size());
    Eigen::MatrixXd companion = Eigen::MatrixXd::Zero(k, k);
    for (int j = 0; j < k; ++j)
        companion(0, j) = -c[j];
    for (int i = 1; i < k; ++i)
        companion(i, i - 1) = 1.0;
    Eigen::EigenSolver<Eigen::MatrixXd> solver(companion, false);
    std::vector<std::complex<double>> roots;
    for (int i = 0; i < k; ++i)
        roots.push_back(1.0 / solver.eigenvalues()[i]);
    return roots;
}

int lastNonZero(const std::vector<double>& c, double tol)
{
    int last = 0;
    for (int i = 0; i < static_cast<int>(c.size()); ++i)
        if (std::fabs(c[i]) > tol)
            last = i + 1;
    return last;
}

} // namespace

void arTransform(const double* raw, int p, double* out)
{
    std::vector<double> work(p);
    for (int j = 0; j < p; ++j)
        work[j] = out[j] = std::tanh(raw[j]);
    for (int j = 1; j < p; ++j) {
        const double a = out[j];
        for (int k = 0; k < j; ++k)
            work[k] -= a * out[j - k - 1];
        std::copy(work.begin(), work.begin() + j, out);
    }
}

void arInverseTransform(const double* phi, int p, double* out)
{
    std::vector<double> work(p);
    for (int j = 0; j < p; ++j)
        work[j] = out[j] = phi[j];
    for (int j = p - 1; j > 0; --j) {
        const double a = out[j];
        for (int k = 0; k < j; ++k)
            work[k] = (out[k] + a * out[j - k - 1]) / (1 - a * a);
        std::copy(work.begin(), work.begin() + j, out);
    }
    for (int j = 0; j < p; ++j)
        out[j] = std::atanh(out[j]);
}

std::vector<double> maInvert(const std::vector<double>& ma)
{
    const int q = static_cast<int>(ma.size());
    const int q0 = lastNonZero(ma, 0.0);
    if (q0 == 0)
        return ma;
    std::vector<double> head(ma.begin(), ma.begin() + q0);
    std::vector<std::complex<double>> roots = polynomialRoots(head);
    bool any = false;
    for (const auto& r : roots)
        any = any || std::abs(r) < 1.0;
    if (!any)
        return ma;
    std::vector<double> out(q, 0.0);
    if (q0 == 1) {
        out[0] = 1.0 / ma[0];
        return out;
    }
    for (auto& r : roots)
        if (std::abs(r) < 1.0)
            r = 1.0 / r;
    // Expand prod (1 - z / r_i).
    std::vector<std::complex<double>> x{1.0};
    for (const auto& r : roots) {
        std::vector<std::complex<double>> next(x.size() + 1, 0.0);
        for (std::size_t i = 0; i < x.size(); ++i) {
            next[i] += x[i];
            next[i + 1] -= x[i] / r;
        }
        x = std::move(next);
    }
    for (int i = 0; i < q0; ++i)
        out[i] = x[i + 1].real();
    return out;
}

double minRootModulus(const std::vector<double>& coef, double sign)
{
    const int k = lastNonZero(coef, 1e-8);
    if (k == 0)
        return 2.0;
    std::vector<double> c(coef.begin(), coef.begin() + k);
    for (double& v : c)
        v *= sign;
    double m = 2.0;
    for (const auto& r : polynomialRoots(c))
        m = std::min(m, std::abs(r));
    return m;
}

bool arIsStationary(const std::vector<double>& phi)
{
    const int k = lastNonZero(phi, 0.0);
    if (k == 0)
        return true;
    std::vector<double> c(phi.begin(), phi.begin() + k);
    for (double& v : c)
        v = -v;
    for (const auto& r : polynomialRoots(c))
        if (std::abs(r) <= 1.0)
            return false;
    return true;
}

void expandArma(const double* par, const ArmaSpec& spec, bool transform, std::vector<double>& phi,
                std::vector<double>& theta)
{
    const int mp = spec.p, mq = spec.q, msp = spec.sp, msq = spec.sq, ns = spec.period;
    std::vector<double> params(par, par + spec.count());
    if (transform) {
        if (mp > 0)
            arTransform(par, mp, params.data());
        if (msp > 0)
            arTransform(par + mp + mq, msp, params.data() + mp + mq);
    }
    const int p = mp + ns * msp;
    const int q = mq + ns * msq;
    phi.assign(p, 0.0);
    theta.assign(q, 0.0);
    for (int i = 0; i < mp; ++i)
        phi[i] = params[i];
    for (int i = 0; i < mq; ++i)
        theta[i] = params[i + mp];
    for (int j = 0; j < msp; ++j) {
        phi[(j + 1) * ns - 1] += params[j + mp + mq];
        for (int i = 0; i < mp; ++i)
            phi[(j + 1) * ns + i] -= params[i] * params[j + mp + mq];
    }
    for (int j = 0; j < msq; ++j) {
        theta[(j + 1) * ns - 1] += params[j + mp + mq + msp];
        for (int i = 0; i < mq; ++i)
            theta[(j + 1) * ns + i] += params[i + mp] * params[j + mp + mq + msp];
    }
}

std::vector<double> differencingPolynomial(int d, int seasonalD, int period)
{
    std::vector<double> poly{1.0};
    auto multiply = [&poly](int lag) {
        std::vector<double> next(poly.size() + lag, 0.0);
        for (std::size_t i = 0; i < poly.size(); ++i) {
            next[i] += poly[i];
            next[i + lag] -= poly[i];
        }
        poly = std::move(next);
    };
    for (int i = 0; i < d; ++i)
        multiply(1);
    for (int i = 0; i < seasonalD; ++i)
        multiply(period);
    std::vector<double> delta(poly.size() - 1);
    for (std::size_t i = 1; i < poly.size(); ++i)
        delta[i - 1] = -poly[i];
    return delta;
}

std::vector<double> difference(const std::vector<double>& x, int d, int seasonalD, int period)
{
    std::vector<double> w = x;
    auto apply = [&w](int lag) {
        if (static_cast<int>(w.size()) <= lag) {
            w.clear();
            return;
        }
        for (std::size_t l = w.size() - 1; l >= static_cast<std::size_t>(lag); --l)
            w[l] -= w[l - lag];
        w.erase(w.begin(), w.begin() + lag);
    };
    for (int i = 0; i < d; ++i)
        apply(1);
    for (int i = 0; i < seasonalD; ++i)
        apply(period);
    return w;
}

double conditionalSumOfSquares(const std::vector<double>& x, int d, int seasonalD, int period,
                               const std::vector<double>& phi, const std::vector<double>& theta, int ncond,
                               std::vector<double>* residuals)
{
    const int n = static_cast<int>(x.size());
    std::vector<double> w = x;
    for (int i = 0; i < d; ++i)
        for (int l = n - 1; l > 0; --l)
            w[l] -= w[l - 1];
    for (int i = 0; i < seasonalD; ++i)
        for (int l = n - 1; l >= period; --l)
            w[l] -= w[l - period];
    std::vector<double> resid(n, 0.0);
    const int p = static_cast<int>(phi.size());
    const int q = static_cast<int>(theta.size());
    double ssq = 0.0;
    int nu = 0;
    for (int l = ncond; l < n; ++l) {
        double tmp = w[l];
        for (int j = 0; j < p; ++j)
            tmp -= phi[j] * w[l - j - 1];
        const int jmax = std::min(l - ncond, q);
        for (int j = 0; j < jmax; ++j)
            tmp -= theta[j] * resid[l - j - 1];
        resid[l] = tmp;
        if (!std::isnan(tmp)) {
            ++nu;
            ssq += tmp * tmp;
        }
    }
    if (residuals)
        *residuals = std::move(resid);
    return ssq / nu;
}

Eigen::MatrixXd stationaryStateCovariance(const std::vector<double>& phi, const std::vector<double>& theta)
{
    const int p = static_cast<int>(phi.size());
    const int q = static_cast<int>(theta.size());
    const int r = std::max(p, q + 1);
    Eigen::MatrixXd A = Eigen::MatrixXd::Zero(r, r);
    for (int i = 0; i < p; ++i)
        A(i, 0) = phi[i];
    for (int i = 0; i + 1 < r; ++i)
        A(i, i + 1) = 1.0;
    Eigen::VectorXd rv = Eigen::VectorXd::Zero(r);
    rv(0) = 1.0;
    for (int i = 0; i < q; ++i)
        rv(i + 1) = theta[i];
    // P = sum_k T^k V T'^k; each doubling step adds as many terms as are already summed.
    Eigen::MatrixXd P = rv * rv.transpose();
    for (int iter = 0; iter < 80; ++iter) {
        const Eigen::MatrixXd increment = A * P * A.transpose();
        P += increment;
        if (increment.cwiseAbs().maxCoeff() <= 1e-16 * P.cwiseAbs().maxCoeff())
            break;
        A = A * A;
    }
    return P;
}

namespace {

// The transition T of the full model as row and column block operations: the ARMA companion rows, then the
// differencing memory whose first row is Z (sparse: (1-B)(1-B^12) has three non-zero terms). O(rd^2) per product
// instead of the dense O(rd^3).
class Transition
{
public:
    Transition(const std::vector<double>& phi, const std::vector<double>& delta, int r)
        : m_phi(Eigen::Map<const Eigen::VectorXd>(phi.data(), static_cast<Eigen::Index>(phi.size()))), m_r(r),
          m_nd(static_cast<int>(delta.size()))
    {
        for (int k = 0; k < m_nd; ++k)
            if (delta[k] != 0.0)
                m_delta.emplace_back(m_r + k, delta[k]);
    }

    // out = T * in (in and out distinct, rd rows).
    template <typename In, typename Out> void left(const In& in, Out& out) const
    {
        const int p = static_cast<int>(m_phi.size());
        out.topRows(m_r - 1) = in.middleRows(1, m_r - 1);
        out.row(m_r - 1).setZero();
        if (p > 0)
            out.topRows(p).noalias() += m_phi * in.row(0);
        if (m_nd > 0) {
            out.row(m_r) = in.row(0);
            for (const auto& [k, c] : m_delta)
                out.row(m_r) += c * in.row(k);
            if (m_nd > 1)
                out.middleRows(m_r + 1, m_nd - 1) = in.middleRows(m_r, m_nd - 1);
        }
    }

    // out = in * T' (in and out distinct, rd columns).
    void right(const Eigen::MatrixXd& in, Eigen::MatrixXd& out) const
    {
        const int p = static_cast<int>(m_phi.size());
        out.leftCols(m_r - 1) = in.middleCols(1, m_r - 1);
        out.col(m_r - 1).setZero();
        if (p > 0)
            out.leftCols(p).noalias() += in.col(0) * m_phi.transpose();
        if (m_nd > 0) {
            out.col(m_r) = in.col(0);
            for (const auto& [k, c] : m_delta)
                out.col(m_r) += c * in.col(k);
            if (m_nd > 1)
                out.middleCols(m_r + 1, m_nd - 1) = in.middleCols(m_r, m_nd - 1);
        }
    }

private:
    Eigen::VectorXd m_phi;
    int m_r;
    int m_nd;
    std::vector<std::pair<int, double>> m_delta; // state index and coefficient of the non-zero Delta terms
};

} // namespace

ArimaStateSpace filterArima(const std::vector<double>& x, const std::vector<double>& phi,
                            const std::vector<double>& theta, const std::vector<double>& delta, bool keepResiduals)
{
    const int p = static_cast<int>(phi.size());
    const int q = static_cast<int>(theta.size());
    const int r = std::max(p, q + 1);
    const int nd = static_cast<int>(delta.size());
    const int rd = r + nd;
    const Transition transition(phi, delta, r);
    ArimaStateSpace m;
    m.Z = Eigen::VectorXd::Zero(rd);
    m.Z(0) = 1.0;
    std::vector<int> zIndex{0};
    for (int i = 0; i < nd; ++i) {
        m.Z(r + i) = delta[i];
        if (delta[i] != 0.0)
            zIndex.push_back(r + i);
    }
    Eigen::VectorXd rv = Eigen::VectorXd::Zero(q + 1);
    rv(0) = 1.0;
    for (int i = 0; i < q; ++i)
        rv(i + 1) = theta[i];
    const Eigen::MatrixXd vBlock = rv * rv.transpose();
    Eigen::MatrixXd Pinit = Eigen::MatrixXd::Zero(rd, rd);
    Pinit.topLeftCorner(r, r) = stationaryStateCovariance(phi, theta);
    for (int i = 0; i < nd; ++i)
        Pinit(r + i, r + i) = kDiffuseVariance;
    m.a = Eigen::VectorXd::Zero(rd);
    m.P = Pinit;
    const int n = static_cast<int>(x.size());
    if (keepResiduals)
        m.residuals.assign(n, 0.0);
    Eigen::VectorXd anew(rd), M(rd);
    Eigen::MatrixXd Pnew = Pinit, TP(rd, rd), next(rd, rd);
    // Once the prediction covariance stops changing the filter is in its steady state: skip its update.
    bool steady = false;
    for (int l = 0; l < n; ++l) {
        transition.left(m.a, anew);
        if (l > 0 && !steady) {
            transition.left(m.P, TP);
            transition.right(TP, next);
            next.topLeftCorner(q + 1, q + 1) += vBlock;
            const double change = (next - Pnew).cwiseAbs().maxCoeff();
            Pnew.swap(next);
            steady = l > 1 && change <= 1e-14 * Pnew(0, 0);
        }
        double resid = x[l];
        M.setZero();
        for (int k : zIndex) {
            resid -= m.Z(k) * anew(k);
            M.noalias() += m.Z(k) * Pnew.col(k);
        }
        double gain = 0.0;
        for (int k : zIndex)
            gain += m.Z(k) * M(k);
        if (gain < kDiffuseGain) {
            ++m.sums.nu;
            m.sums.ssq += resid * resid / gain;
            m.sums.sumLog += std::log(gain);
        }
        if (keepResiduals)
            m.residuals[l] = resid / std::sqrt(gain);
        m.a = anew + M * (resid / gain);
        if (!steady) {
            m.P = Pnew;
            m.P.noalias() -= (M / gain) * M.transpose();
        }
    }
    if (steady) {
        m.P = Pnew;
        m.P.noalias() -= (M / m.Z.dot(M)) * M.transpose();
    }
    // The dense transition and innovation covariance, for forecasting.
    const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(rd, rd);
    m.T.resize(rd, rd);
    transition.left(identity, m.T);
    m.V = Eigen::MatrixXd::Zero(rd, rd);
    m.V.topLeftCorner(q + 1, q + 1) = vBlock;
    return m;
}

void kalmanForecast(const ArimaStateSpace& model, int horizon, std::vector<double>& mean, std::vector<double>& variance)
{
    Eigen::VectorXd a = model.a;
    Eigen::MatrixXd P = model.P;
    mean.assign(horizon, 0.0);
    variance.assign(horizon, 0.0);
    for (int h = 0; h < horizon; ++h) {
        a = model.T * a;
        P = model.T * P * model.T.transpose() + model.V;
        mean[h] = model.Z.dot(a);
        variance[h] = model.Z.dot(P * model.Z);
    }
}

} // namespace herald::engine::forecastdetail
