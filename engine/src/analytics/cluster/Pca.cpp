#include "herald/engine/analytics/Pca.h"

#include <string>

#include <Eigen/Eigenvalues>

namespace herald::engine {

Result<PcaResult> pca(const Eigen::Ref<const Eigen::MatrixXd>& data, const PcaOptions& options)
{
    if (auto ok = validateFinite(data); !ok)
        return tl::unexpected(ok.error());
    const Eigen::Index n = data.rows(), d = data.cols();
    if (n < 2)
        return fail(ErrorCode::Invalid, "PCA needs at least 2 rows");
    if (options.components < 1 || options.components > d)
        return fail(ErrorCode::Invalid, "components (" + std::to_string(options.components) + ") must lie in [1, " +
                                            std::to_string(d) + "]");
    PcaResult result;
    if (options.standardize) {
        auto scaling = fitStandardizer(data);
        if (!scaling)
            return tl::unexpected(scaling.error());
        result.scaling = std::move(*scaling);
    } else {
        result.scaling.means = data.colwise().mean().transpose();
        result.scaling.deviations = Eigen::VectorXd::Ones(d);
    }
    const Eigen::MatrixXd scaled = result.scaling.transform(data);
    // Only the lower triangle is formed (a symmetric rank-n update), then read as a self-adjoint matrix.
    Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(d, d);
    covariance.selfadjointView<Eigen::Lower>().rankUpdate(scaled.transpose(), 1.0 / static_cast<double>(n - 1));
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance, Eigen::ComputeEigenvectors);
    if (eigen.info() != Eigen::Success)
        return fail(ErrorCode::Invalid, "covariance eigen-decomposition failed");

    const int c = options.components;
    result.components.resize(d, c);
    result.explainedVariance.resize(c);
    // Eigen returns eigenvalues in increasing order: take them from the end.
    for (int j = 0; j < c; ++j) {
        Eigen::VectorXd v = eigen.eigenvectors().col(d - 1 - j);
        Eigen::Index top = 0;
        v.cwiseAbs().maxCoeff(&top);
        if (v(top) < 0.0)
            v = -v;
        result.components.col(j) = v;
        result.explainedVariance(j) = std::max(0.0, eigen.eigenvalues()(d - 1 - j));
    }
    const double total = eigen.eigenvalues().cwiseMax(0.0).sum();
    result.explainedVarianceRatio =
        total > 0.0 ? Eigen::VectorXd(result.explainedVariance / total) : Eigen::VectorXd::Zero(c);
    result.projected = scaled * result.components;
    return result;
}

} // namespace herald::engine
