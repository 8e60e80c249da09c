#include "herald/engine/analytics/Standardize.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace herald::engine {

Result<void> validateFinite(const Eigen::Ref<const Eigen::MatrixXd>& data)
{
    if (data.rows() == 0 || data.cols() == 0)
        return fail(ErrorCode::Invalid, "data is empty");
    if (data.allFinite())
        return {};
    for (Eigen::Index c = 0; c < data.cols(); ++c) {
        for (Eigen::Index r = 0; r < data.rows(); ++r) {
            if (!std::isfinite(data(r, c)))
                return fail(ErrorCode::Invalid,
                            "value at row " + std::to_string(r) + ", column " + std::to_string(c) + " is not finite");
        }
    }
    return {};
}

Result<Standardizer> fitStandardizer(const Eigen::Ref<const Eigen::MatrixXd>& data)
{
    if (auto ok = validateFinite(data); !ok)
        return tl::unexpected(ok.error());
    Standardizer s;
    s.means = data.colwise().mean().transpose();
    s.deviations.resize(data.cols());
    const double n = static_cast<double>(data.rows());
    for (Eigen::Index c = 0; c < data.cols(); ++c) {
        // Two-pass variance: the centred sum of squares does not cancel catastrophically.
        const double var = (data.col(c).array() - s.means(c)).square().sum() / n;
        const double sd = std::sqrt(var);
        if (!(sd > 1e-12 * std::max(1.0, std::abs(s.means(c)))))
            return fail(ErrorCode::Invalid, "column " + std::to_string(c) + " has zero variance");
        s.deviations(c) = sd;
    }
    return s;
}

Eigen::MatrixXd Standardizer::transform(const Eigen::Ref<const Eigen::MatrixXd>& data) const
{
    return ((data.rowwise() - means.transpose()).array().rowwise() / deviations.transpose().array()).matrix();
}

Eigen::MatrixXd Standardizer::inverse(const Eigen::Ref<const Eigen::MatrixXd>& scaled) const
{
    return ((scaled.array().rowwise() * deviations.transpose().array()).rowwise() + means.transpose().array()).matrix();
}

} // namespace herald::engine
