#include "herald/engine/analytics/AutoArima.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "ArimaFitting.h"
#include "ArimaKernel.h"
#include "Stl.h"

namespace herald::engine {

namespace fd = forecastdetail;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kSeasonalThreshold = 0.64; // nsdiffs' "seas" threshold, tuned by forecast on M3
constexpr int kSeasonalWindow = 11;         // mstl's first s.window (7 + 4 * 1)

bool isConstant(const std::vector<double>& x)
{
    return std::all_of(x.begin(), x.end(), [&x](double v) { return v == x.front(); });
}

double kpss(const std::vector<double>& x)
{
    const int n = static_cast<int>(x.size());
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / n;
    std::vector<double> e(n);
    for (int i = 0; i < n; ++i)
        e[i] = x[i] - mean;
    double s = 0.0, eta = 0.0, s2 = 0.0;
    for (int i = 0; i < n; ++i) {
        s += e[i];
        eta += s * s;
        s2 += e[i] * e[i];
    }
    eta /= static_cast<double>(n) * n;
    s2 /= n;
    const int lags = static_cast<int>(3.0 * std::sqrt(static_cast<double>(n)) / 13.0);
    for (int k = 1; k <= lags; ++k) {
        double cov = 0.0;
        for (int t = k; t < n; ++t)
            cov += e[t] * e[t - k];
        s2 += 2.0 / n * (1.0 - k / (lags + 1.0)) * cov;
    }
    return eta / s2;
}

// urca's p-value by linear interpolation in the level-KPSS table, clamped as approx(rule = 2).
double kpssPValue(double stat)
{
    static constexpr double cval[] = {0.347, 0.463, 0.574, 0.739};
    static constexpr double pval[] = {0.10, 0.05, 0.025, 0.01};
    if (stat <= cval[0])
        return pval[0];
    for (int i = 1; i < 4; ++i)
        if (stat <= cval[i])
            return pval[i - 1] + (pval[i] - pval[i - 1]) * (stat - cval[i - 1]) / (cval[i] - cval[i - 1]);
    return pval[3];
}

int chooseD(std::vector<double> x, int maxD)
{
    int d = 0;
    if (x.size() < 2 || isConstant(x))
        return d;
    bool diff = kpssPValue(kpss(x)) < 0.05;
    while (diff && d < maxD) {
        ++d;
        x = fd::difference(x, 1, 0, 1);
        if (isConstant(x))
            return d;
        if (x.size() < 2)
            return d - 1;
        diff = kpssPValue(kpss(x)) < 0.05;
    }
    return d;
}

double strength(const std::vector<double>& x, int period)
{
    const fd::StlResult s = fd::stl(x, period, kSeasonalWindow);
    auto variance = [](const std::vector<double>& v) {
        const double m = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
        double ss = 0.0;
        for (double e : v)
            ss += (e - m) * (e - m);
        return ss / static_cast<double>(v.size() - 1);
    };
    std::vector<double> detrended(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        detrended[i] = s.remainder[i] + s.seasonal[i];
    return std::clamp(1.0 - variance(s.remainder) / variance(detrended), 0.0, 1.0);
}

int chooseSeasonalD(std::vector<double> x, int period, int maxD, std::optional<double>* strengthOut)
{
    int D = 0;
    if (isConstant(x) || maxD < 1 || static_cast<int>(x.size()) <= 2 * period)
        return D;
    const double s = strength(x, period);
    if (strengthOut)
        *strengthOut = s;
    bool diff = s > kSeasonalThreshold;
    while (diff && D < maxD) {
        ++D;
        x = fd::difference(x, 0, 1, period);
        if (isConstant(x))
            return D;
        diff = D<maxD&& static_cast<int>(x.size())> 2 * period && strength(x, period) > kSeasonalThreshold;
    }
    return D;
}

std::vector<double> toStd(const Eigen::Ref<const Eigen::VectorXd>& v)
{
    return std::vector<double>(v.data(), v.data() + v.size());
}

// The search state shared by the stepwise and exhaustive searches (auto.arima's myarima and its bookkeeping).
class Search
{
public:
    Search(const std::vector<double>& y, int d, int D, int period, InformationCriterion criterion, double offset,
           fd::ProgressTicker& ticker)
        : m_y(y), m_d(d), m_D(D), m_period(period), m_criterion(criterion), m_offset(offset), m_ticker(ticker)
    {
    }

    struct Fit
    {
        std::optional<ArimaModel> model;
        double ic = kInf;
    };

    // Fits one candidate; cancelled() tells whether the progress callback stopped the search.
    Fit fit(int p, int q, int P, int Q, bool constant, bool approximation)
    {
        ArimaOptions options;
        options.order = ArimaOrder{p, m_d, q, P, m_D, Q, m_period};
        const int diffs = m_d + m_D;
        options.includeMean = constant && diffs == 0;
        options.includeDrift = constant && diffs == 1;
        options.method = approximation ? ArimaMethod::Css : ArimaMethod::CssMl;
        Fit out;
        Result<ArimaModel> model = fd::fitArimaSeries(m_y, options, m_ticker);
        m_candidates.push_back(ArimaCandidate{options.order, constant, kInf});
        if (!model) {
            m_cancelled = model.error().code == ErrorCode::Cancelled;
            return out;
        }
        const double nstar = model->nobs;
        const double npar = model->parameterCount;
        double aic = model->aic;
        if (approximation)
            aic = m_offset + nstar * std::log(model->fitVariance) + 2 * npar;
        if (!std::isfinite(aic))
            return out;
        const double bic = aic + npar * (std::log(nstar) - 2);
        const double aicc = aic + 2 * npar * (npar + 1) / (nstar - npar - 1);
        double ic = m_criterion == InformationCriterion::Aic   ? aic
                    : m_criterion == InformationCriterion::Bic ? bic
                                                               : aicc;
        // Roots near the unit circle make poor forecasting models: auto.arima rejects them.
        std::vector<double> phi, theta;
        std::vector<double> par = model->ar;
        par.insert(par.end(), model->ma.begin(), model->ma.end());
        par.insert(par.end(), model->seasonalAr.begin(), model->seasonalAr.end());
        par.insert(par.end(), model->seasonalMa.begin(), model->seasonalMa.end());
        fd::expandArma(par.data(), fd::ArmaSpec{p, q, P, Q, m_period}, false, phi, theta);
        double minRoot = 2.0;
        if (p + P > 0)
            minRoot = std::min(minRoot, fd::minRootModulus(phi, -1.0));
        if (q + Q > 0)
            minRoot = std::min(minRoot, fd::minRootModulus(theta, 1.0));
        if (minRoot < 1.01)
            ic = kInf;
        m_candidates.back().criterion = ic;
        out.ic = ic;
        out.model = std::move(*model);
        return out;
    }

    bool tried(int p, int q, int P, int Q, bool constant) const
    {
        return std::any_of(m_candidates.begin(), m_candidates.end(), [&](const ArimaCandidate& c) {
            return c.order.p == p && c.order.q == q && c.order.seasonalP == P && c.order.seasonalQ == Q &&
                   c.constant == constant;
        });
    }

    // With approximate criteria, refits the candidates by exact ML from the best down; the first that fits wins.
    Fit refitBest()
    {
        std::vector<std::size_t> index(m_candidates.size());
        std::iota(index.begin(), index.end(), 0);
        std::stable_sort(index.begin(), index.end(), [this](std::size_t a, std::size_t b) {
            return m_candidates[a].criterion < m_candidates[b].criterion;
        });
        const std::vector<ArimaCandidate> candidates = m_candidates;
        for (std::size_t i : index) {
            const ArimaCandidate& c = candidates[i];
            Fit f = fit(c.order.p, c.order.q, c.order.seasonalP, c.order.seasonalQ, c.constant, false);
            if (m_cancelled || f.ic < kInf)
                return f;
        }
        return {};
    }

    bool cancelled() const { return m_cancelled; }
    const std::vector<ArimaCandidate>& candidates() const { return m_candidates; }

private:
    const std::vector<double>& m_y;
    int m_d;
    int m_D;
    int m_period;
    InformationCriterion m_criterion;
    double m_offset;
    fd::ProgressTicker& m_ticker;
    std::vector<ArimaCandidate> m_candidates;
    bool m_cancelled = false;
};

// A model without free coefficients for data it describes exactly (sigma2 = 0, criteria undefined).
ArimaModel exactModel(const std::vector<double>& y, const ArimaOrder& order, bool mean, bool drift, double value)
{
    ArimaModel model;
    model.order = order;
    model.hasMean = mean;
    model.hasDrift = drift;
    if (mean)
        model.mean = value;
    if (drift)
        model.drift = value;
    model.nobs = static_cast<int>(y.size()) - order.d - order.period * order.seasonalD;
    model.parameterCount = 1 + int(mean || drift);
    model.loglik = model.aic = model.aicc = model.bic = std::nan("");
    model.residuals.assign(y.size(), 0.0);
    model.series = y;
    return model;
}

} // namespace

double kpssStatistic(const Eigen::Ref<const Eigen::VectorXd>& series)
{
    return series.size() < 2 ? std::nan("") : kpss(toStd(series));
}

Result<int> ndiffs(const Eigen::Ref<const Eigen::VectorXd>& series, int maxD)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    return chooseD(toStd(series), maxD);
}

Result<double> seasonalStrength(const Eigen::Ref<const Eigen::VectorXd>& series, int period)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    if (period < 2 || series.size() <= 2 * period)
        return fail(ErrorCode::Invalid, "the seasonal strength needs period > 1 and more than two seasons of data");
    return strength(toStd(series), period);
}

Result<int> nsdiffs(const Eigen::Ref<const Eigen::VectorXd>& series, int period, int maxD)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    if (period < 2)
        return fail(ErrorCode::Invalid, "seasonal differencing needs a period > 1");
    return chooseSeasonalD(toStd(series), period, maxD, nullptr);
}

Result<AutoArimaResult> autoArima(const Eigen::Ref<const Eigen::VectorXd>& series, const AutoArimaOptions& options,
                                  const Progress& progress)
{
    if (const std::string problem = fd::seriesProblem(series); !problem.empty())
        return fail(ErrorCode::Invalid, problem);
    if (options.period < 1)
        return fail(ErrorCode::Invalid, "the period must be at least 1");
    const std::vector<double> y = toStd(series);
    const int n = static_cast<int>(y.size());
    fd::ProgressTicker ticker(progress);
    AutoArimaResult result;

    if (isConstant(y)) {
        result.model = exactModel(y, ArimaOrder{}, true, false, y.front());
        return result;
    }
    const int m = options.period;
    int maxP = std::min(options.maxP, n / 3);
    int maxQ = std::min(options.maxQ, n / 3);
    int maxSP = std::min(options.maxSeasonalP, n / 3 / m);
    int maxSQ = std::min(options.maxSeasonalQ, n / 3 / m);
    const InformationCriterion criterion = n <= 3 ? InformationCriterion::Aic : options.criterion;

    int D = options.seasonalD;
    if (m == 1) {
        D = 0;
        maxSP = maxSQ = 0;
    } else if (D < 0 && n <= 2 * m) {
        D = 0;
    } else if (D < 0) {
        D = chooseSeasonalD(y, m, options.maxSeasonalD, &result.seasonalStrength);
    }
    std::vector<double> dx = D > 0 ? fd::difference(y, 0, D, m) : y;
    int d = options.d;
    if (d < 0)
        d = chooseD(dx, options.maxD);
    if (d > 0)
        dx = fd::difference(dx, d, 0, 1);
    if (dx.empty())
        return fail(ErrorCode::Invalid, std::string("the series is too short for its differencing (") +
                                            std::to_string(n) + std::string(" observations, period ") +
                                            std::to_string(m) + ")");
    if (isConstant(dx)) {
        // The differences are exact (a polynomial trend or a repeating season): no noise to model. As
        // auto.arima, the differenced constant becomes a drift where one difference leaves it.
        const double mean = std::accumulate(dx.begin(), dx.end(), 0.0) / static_cast<double>(dx.size());
        const ArimaOrder order{0, d, 0, 0, D, 0, D > 0 ? m : 1};
        // (d + D == 0 cannot happen here: y itself would be constant.)
        const bool drift = d + D == 1;
        result.model = exactModel(y, order, false, drift, drift && D > 0 ? mean / m : mean);
        return result;
    }
    if (m > 1) {
        if (maxSP > 0)
            maxP = std::min(maxP, m - 1);
        if (maxSQ > 0)
            maxQ = std::min(maxQ, m - 1);
    }
    const bool approximation = options.approximation.value_or(n > 150 || m > 12);
    result.approximationUsed = approximation;

    double offset = 0.0;
    if (approximation) {
        // auto.arima's offset makes CSS criteria comparable with ML ones: from an ARIMA(1,d,0)(0,D,0) ML fit.
        ArimaOptions o;
        o.order = ArimaOrder{1, d, 0, 0, D, 0, D > 0 ? m : 1};
        Result<ArimaModel> fit = fd::fitArimaSeries(y, o, ticker);
        if (!fit && fit.error().code == ErrorCode::Cancelled)
            return fail(ErrorCode::Cancelled, "auto-ARIMA cancelled");
        if (fit)
            offset = -2 * fit->loglik - n * std::log(fit->fitVariance);
    }
    const bool allowDrift = options.allowDrift && d + D == 1;
    const bool allowMean = options.allowMean && d + D == 0;
    bool constant = allowDrift || allowMean;

    Search search(y, d, D, m, criterion, offset, ticker);
    Search::Fit best;
    auto consider = [&](Search::Fit&& f) {
        if (f.ic < best.ic) {
            best = std::move(f);
            return true;
        }
        return false;
    };
    auto cancelledResult = [] { return fail(ErrorCode::Cancelled, "auto-ARIMA cancelled"); };

    if (!options.stepwise) {
        const int total = (maxP + 1) * (maxQ + 1) * (maxSP + 1) * (maxSQ + 1) * (constant ? 2 : 1);
        auto exhaustive = [&](bool approx) {
            int done = 0;
            for (int i = 0; i <= maxP; ++i)
                for (int j = 0; j <= maxQ; ++j)
                    for (int I = 0; I <= maxSP; ++I)
                        for (int J = 0; J <= maxSQ; ++J) {
                            if (i + j + I + J > options.maxOrder)
                                continue;
                            for (int K = 0; K <= int(constant); ++K) {
                                ticker.setFraction(static_cast<double>(++done) / total);
                                consider(search.fit(i, j, I, J, K == 1, approx));
                                if (search.cancelled())
                                    return;
                            }
                        }
        };
        exhaustive(approximation);
        if (approximation && best.model && !search.cancelled()) {
            // As search.arima: refit the winner by ML; when that fails, search again without the approximation.
            const ArimaModel& w = *best.model;
            Search::Fit refit =
                search.fit(w.order.p, w.order.q, w.order.seasonalP, w.order.seasonalQ, w.hasMean || w.hasDrift, false);
            best = Search::Fit{};
            if (refit.ic < kInf)
                best = std::move(refit);
            else
                exhaustive(false);
        }
        if (search.cancelled())
            return cancelledResult();
    } else {
        int startP = options.startP, startQ = options.startQ;
        int startSP = options.startSeasonalP, startSQ = options.startSeasonalQ;
        if (n < 10) {
            startP = std::min(startP, 1);
            startQ = std::min(startQ, 1);
            startSP = startSQ = 0;
        }
        int p = std::min(startP, maxP), q = std::min(startQ, maxQ);
        int P = std::min(startSP, maxSP), Q = std::min(startSQ, maxSQ);
        auto progressOf = [&search] { return std::min(0.95, static_cast<double>(search.candidates().size()) / 40.0); };
        // Each try fits one neighbour unless already fitted; returns true (and moves there) when it improves.
        auto tryModel = [&](int np, int nq, int nP, int nQ, bool c) {
            if (search.tried(np, nq, nP, nQ, c) || static_cast<int>(search.candidates().size()) >= options.maxModels)
                return false;
            ticker.setFraction(progressOf());
            if (!consider(search.fit(np, nq, nP, nQ, c, approximation)))
                return false;
            p = np;
            q = nq;
            P = nP;
            Q = nQ;
            constant = c;
            return true;
        };
        // The start model, then the null, a basic AR, a basic MA and the null without constant, as auto.arima.
        consider(search.fit(p, q, P, Q, constant, approximation));
        if (consider(search.fit(0, 0, 0, 0, constant, approximation)))
            p = q = P = Q = 0;
        const int basicSP = m > 1 && maxSP > 0 ? 1 : 0;
        const int basicSQ = m > 1 && maxSQ > 0 ? 1 : 0;
        if ((maxP > 0 || maxSP > 0) && consider(search.fit(maxP > 0 ? 1 : 0, 0, basicSP, 0, constant, approximation))) {
            p = maxP > 0 ? 1 : 0;
            P = basicSP;
            q = Q = 0;
        }
        if ((maxQ > 0 || maxSQ > 0) && consider(search.fit(0, maxQ > 0 ? 1 : 0, 0, basicSQ, constant, approximation))) {
            p = P = 0;
            q = maxQ > 0 ? 1 : 0;
            Q = basicSQ;
        }
        if (constant && consider(search.fit(0, 0, 0, 0, false, approximation))) {
            p = q = P = Q = 0;
            constant = false;
        }
        // Neighbours in auto.arima's order; the first that improves becomes the centre and the scan restarts.
        while (true) {
            const std::size_t before = search.candidates().size();
            if (search.cancelled())
                return cancelledResult();
            if (static_cast<int>(before) >= options.maxModels)
                break;
            const bool moved =
                (P > 0 && tryModel(p, q, P - 1, Q, constant)) || (Q > 0 && tryModel(p, q, P, Q - 1, constant)) ||
                (P < maxSP && tryModel(p, q, P + 1, Q, constant)) ||
                (Q < maxSQ && tryModel(p, q, P, Q + 1, constant)) ||
                (Q > 0 && P > 0 && tryModel(p, q, P - 1, Q - 1, constant)) ||
                (Q < maxSQ && P > 0 && tryModel(p, q, P - 1, Q + 1, constant)) ||
                (Q > 0 && P < maxSP && tryModel(p, q, P + 1, Q - 1, constant)) ||
                (Q < maxSQ && P < maxSP && tryModel(p, q, P + 1, Q + 1, constant)) ||
                (p > 0 && tryModel(p - 1, q, P, Q, constant)) || (q > 0 && tryModel(p, q - 1, P, Q, constant)) ||
                (p < maxP && tryModel(p + 1, q, P, Q, constant)) || (q < maxQ && tryModel(p, q + 1, P, Q, constant)) ||
                (q > 0 && p > 0 && tryModel(p - 1, q - 1, P, Q, constant)) ||
                (q < maxQ && p > 0 && tryModel(p - 1, q + 1, P, Q, constant)) ||
                (q > 0 && p < maxP && tryModel(p + 1, q - 1, P, Q, constant)) ||
                (q < maxQ && p < maxP && tryModel(p + 1, q + 1, P, Q, constant)) ||
                ((allowDrift || allowMean) && tryModel(p, q, P, Q, !constant));
            if (search.cancelled())
                return cancelledResult();
            if (!moved)
                break;
        }
    }
    if (options.stepwise && approximation && best.model) {
        best = search.refitBest();
        if (search.cancelled())
            return cancelledResult();
    }
    result.candidates = search.candidates();
    if (!best.model)
        return fail(ErrorCode::Invalid, std::string("no ARIMA model could be fitted to the series (") +
                                            std::to_string(n) + " observations)");
    result.model = std::move(*best.model);
    return result;
}

} // namespace herald::engine
