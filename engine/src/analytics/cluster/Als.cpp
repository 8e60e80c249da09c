#include "herald/engine/analytics/Als.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <random>
#include <string>

#include "Parallel.h"

namespace herald::engine {

namespace {

using Index = Eigen::Index;

// One half-step: re-solves every column of `solved` (users or items) against the fixed `other` factors.
// rows holds, per solved entity, its interactions as (index into other, strength). Each column is warm-started
// from its current value and improved by cgSteps conjugate-gradient steps on
//   (Y^T Y + lambda I + Y^T (C - I) Y) x = Y^T C p,
// so the objective never increases. Entities are split between threads by contiguous range.
// The calling thread (part 0) reports progress every few hundred rows; a cancel stops every part. Returns
// false when cancelled.
bool solveSide(const InteractionMatrix& rows, const Eigen::MatrixXf& other, Eigen::MatrixXf& solved,
               const AlsOptions& options, const std::function<bool(double)>& tick)
{
    const Index f = other.rows();
    Eigen::MatrixXf gram = Eigen::MatrixXf::Zero(f, f);
    gram.selfadjointView<Eigen::Lower>().rankUpdate(other);
    gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
    gram.diagonal().array() += static_cast<float>(options.regularization);
    const auto alpha = static_cast<float>(options.alpha);
    std::atomic<bool> cancelled = false;
    Index widest = 0;
    for (Index u = 0; u < rows.outerSize(); ++u)
        widest = std::max<Index>(widest, rows.outerIndexPtr()[u + 1] - rows.outerIndexPtr()[u]);
    clusterdetail::parallelRanges(rows.rows(), options.threads, [&](Index b, Index e, int part) {
        Eigen::VectorXf x(f), r(f), p(f), ap(f);
        // The row's factors are gathered once into a dense block, so each CG step is two matrix-vector
        // products instead of a loop over scattered columns.
        Eigen::MatrixXf gathered(f, widest);
        Eigen::VectorXf weight(widest), dots(widest);
        for (Index u = b; u < e; ++u) {
            if ((u - b) % 256 == 0) {
                if (part == 0 && !tick(static_cast<double>(u - b) / static_cast<double>(e - b)))
                    cancelled = true;
                if (cancelled)
                    return;
            }
            const Index begin = rows.outerIndexPtr()[u], count = rows.outerIndexPtr()[u + 1] - begin;
            auto y = gathered.leftCols(count);
            auto w = weight.head(count); // c - 1 = alpha * strength
            auto t = dots.head(count);
            for (Index n = 0; n < count; ++n) {
                y.col(n) = other.col(rows.innerIndexPtr()[begin + n]);
                w(n) = alpha * static_cast<float>(rows.valuePtr()[begin + n]);
            }
            x = solved.col(u);
            // r = Y^T C p - A x, with p = 1 on the stored entries.
            t.noalias() = y.transpose() * x;
            t = (w.array() + 1.0f - w.array() * t.array()).matrix();
            r.noalias() = y * t;
            r.noalias() -= gram * x;
            p = r;
            float rsOld = r.squaredNorm();
            for (int step = 0; step < options.cgSteps && rsOld > 1e-30f; ++step) {
                t.noalias() = y.transpose() * p;
                t.array() *= w.array();
                ap.noalias() = gram * p;
                ap.noalias() += y * t;
                const float curvature = p.dot(ap);
                if (!(curvature > 0.0f))
                    break;
                const float a = rsOld / curvature;
                x += a * p;
                r -= a * ap;
                const float rsNew = r.squaredNorm();
                p = r + (rsNew / rsOld) * p;
                rsOld = rsNew;
            }
            solved.col(u) = x;
        }
    });
    return !cancelled;
}

// The objective: sum over all pairs of (x.y)^2 from the two Gram matrices, corrected on the stored entries.
double objective(const InteractionMatrix& m, const Eigen::MatrixXd& users, const Eigen::MatrixXd& items,
                 const AlsOptions& options)
{
    const Eigen::MatrixXd uu = users * users.transpose(), ii = items * items.transpose();
    double loss = (uu.array() * ii.array()).sum();
    for (Index u = 0; u < m.outerSize(); ++u) {
        for (InteractionMatrix::InnerIterator it(m, u); it; ++it) {
            const double c = 1.0 + options.alpha * it.value();
            const double pred = users.col(u).dot(items.col(it.index()));
            loss += c * (1.0 - pred) * (1.0 - pred) - pred * pred;
        }
    }
    return loss + options.regularization * (users.squaredNorm() + items.squaredNorm());
}

} // namespace

Eigen::VectorXd AlsModel::scores(int user) const
{
    return itemFactors.transpose() * userFactors.col(user);
}

Result<AlsModel> fitAls(const InteractionMatrix& interactions, const AlsOptions& options, const Progress& progress)
{
    if (interactions.rows() == 0 || interactions.cols() == 0 || interactions.nonZeros() == 0)
        return fail(ErrorCode::Invalid, "the interaction matrix is empty");
    if (options.factors < 1 || options.iterations < 1 || options.cgSteps < 1)
        return fail(ErrorCode::Invalid, "factors, iterations and cgSteps must be at least 1");
    if (!(options.regularization >= 0.0) || !(options.alpha >= 0.0))
        return fail(ErrorCode::Invalid, "regularization and alpha must not be negative");
    const Eigen::Map<const Eigen::VectorXd> values(interactions.valuePtr(), interactions.nonZeros());
    if (!values.allFinite() || values.minCoeff() <= 0.0)
        return fail(ErrorCode::Invalid, "interaction strengths must be finite and positive");

    try {
        const InteractionMatrix byItem = InteractionMatrix(interactions.transpose());
        AlsModel model;
        // Small positive start (as implicit): the first half-step sees nearly zero item factors, so the
        // users' solution is driven by the data rather than by the starting point.
        std::mt19937_64 rng(options.seed);
        auto init = [&](Index cols) {
            Eigen::MatrixXf m(options.factors, cols);
            for (Index i = 0; i < m.size(); ++i)
                m.data()[i] = static_cast<float>(0.01 * clusterdetail::uniform01(rng));
            return m;
        };
        // Single precision, as implicit: twice the SIMD width and half the memory traffic; the factors only
        // rank items, and the objective is still evaluated in double.
        Eigen::MatrixXf users = init(interactions.rows());
        Eigen::MatrixXf items = init(interactions.cols());
        for (int it = 0; it < options.iterations; ++it) {
            auto tick = [&](double half) {
                return
                    [&, half](double f) { return !progress || progress((it + 0.5 * (half + f)) / options.iterations); };
            };
            if (!solveSide(interactions, items, users, options, tick(0.0)) ||
                !solveSide(byItem, users, items, options, tick(1.0)))
                return fail(ErrorCode::Cancelled, "ALS cancelled");
            if (options.computeLoss)
                model.loss.push_back(objective(interactions, users.cast<double>(), items.cast<double>(), options));
        }
        model.userFactors = users.cast<double>();
        model.itemFactors = items.cast<double>();
        if (progress && !progress(1.0))
            return fail(ErrorCode::Cancelled, "ALS cancelled");
        return model;
    } catch (const std::bad_alloc&) {
        return fail(ErrorCode::Invalid, "not enough memory for ALS with these dimensions");
    }
}

} // namespace herald::engine
