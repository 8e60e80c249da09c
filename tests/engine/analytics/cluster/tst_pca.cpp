// PCA 2-D projection: invariants (orthonormal components, variances, ratios), a case solvable by hand, and
// iris, whose standardized explained-variance ratios are the ones scikit-learn documents
// (StandardScaler + PCA: 0.7296, 0.2285, 0.0367, 0.0052).
#include <cmath>
#include <limits>

#include <QTest>

#include "ClusterTestData.h"
#include "TestSupport.h"
#include "herald/engine/analytics/Pca.h"

using namespace herald::engine;

class TestPca : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_iris = herald::test::readCsvColumns("kmeans/iris.csv", 4);
        QCOMPARE(m_iris.rows(), Eigen::Index(150));
    }

    void knownSmallCase()
    {
        // Centred points on the axes: covariance diag(8/3, 2/3), so the components are the axes with
        // variance ratios 0.8 and 0.2.
        Eigen::MatrixXd data(4, 2);
        data << 2.0, 0.0, -2.0, 0.0, 0.0, 1.0, 0.0, -1.0;
        const auto r = pca(data, {2, false});
        QVERIFY(r);
        QVERIFY(std::abs(r->explainedVariance(0) - 8.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(r->explainedVariance(1) - 2.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(r->explainedVarianceRatio(0) - 0.8) < 1e-12);
        QVERIFY((r->components - Eigen::Matrix2d::Identity()).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY((r->projected - data).cwiseAbs().maxCoeff() < 1e-12);
    }

    void irisMatchesDocumentedRatios_data()
    {
        QTest::addColumn<int>("components");
        QTest::newRow("2-D") << 2;
        QTest::newRow("all") << 4;
    }

    void irisMatchesDocumentedRatios()
    {
        QFETCH(int, components);
        const auto r = pca(m_iris, {components, true});
        QVERIFY(r);
        const double expected[] = {0.72962445, 0.22850762, 0.03668922, 0.00517871};
        for (int j = 0; j < components; ++j)
            QVERIFY2(std::abs(r->explainedVarianceRatio(j) - expected[j]) < 1e-6,
                     qPrintable(QString::number(r->explainedVarianceRatio(j), 'g', 10)));
        // Orthonormal components.
        const Eigen::MatrixXd gram = r->components.transpose() * r->components;
        QVERIFY((gram - Eigen::MatrixXd::Identity(components, components)).cwiseAbs().maxCoeff() < 1e-12);
        // The projected coordinates are centred, uncorrelated, with the explained variances.
        const Eigen::MatrixXd cov = r->projected.transpose() * r->projected / 149.0;
        QVERIFY(r->projected.colwise().mean().cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY((cov - Eigen::MatrixXd(r->explainedVariance.asDiagonal())).cwiseAbs().maxCoeff() < 1e-10);
        // Standardized columns have variance n / (n - 1) each: the explained variances sum to that times d.
        if (components == 4) {
            QVERIFY(std::abs(r->explainedVarianceRatio.sum() - 1.0) < 1e-12);
            QVERIFY(std::abs(r->explainedVariance.sum() - 4.0 * 150.0 / 149.0) < 1e-12);
        }
        // Deterministic signs: the largest loading of each component is positive.
        for (int j = 0; j < components; ++j) {
            Eigen::Index top = 0;
            r->components.col(j).cwiseAbs().maxCoeff(&top);
            QVERIFY(r->components(top, j) > 0.0);
        }
    }

    void signsDoNotDependOnRowOrder()
    {
        const Eigen::MatrixXd reversed = m_iris.colwise().reverse();
        const auto a = pca(m_iris);
        const auto b = pca(reversed);
        QVERIFY(a && b);
        QVERIFY((a->components - b->components).cwiseAbs().maxCoeff() < 1e-12);
        QVERIFY((a->projected - b->projected.colwise().reverse()).cwiseAbs().maxCoeff() < 1e-12);
    }

    void rejectsInvalidInput()
    {
        QVERIFY(!pca(Eigen::MatrixXd(0, 3)));
        QVERIFY(!pca(m_iris.topRows(1)));
        QVERIFY(!pca(m_iris, {5, true}));
        QVERIFY(!pca(m_iris, {0, true}));
        Eigen::MatrixXd bad = m_iris;
        bad(7, 2) = std::numeric_limits<double>::infinity();
        const auto r = pca(bad);
        QVERIFY(!r);
        QCOMPARE(r.error().code, herald::ErrorCode::Invalid);
        bad = m_iris;
        bad.col(1).setConstant(3.0);
        QCOMPARE(pca(bad).error().detail, std::string("column 1 has zero variance"));
        QVERIFY(pca(bad, {2, false})); // only centring: a constant column is merely uninformative
    }

private:
    Eigen::MatrixXd m_iris;
};

QTEST_APPLESS_MAIN(TestPca)
#include "tst_pca.moc"
