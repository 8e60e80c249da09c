// Silhouettes and the choice of k by silhouette, against scikit-learn 1.2.1 on the 50k x 8 blobs
// (../shared/datasets/kmeans, 5 true centres) and against a case small enough to work by hand.
#include <cmath>

#include <QJsonArray>
#include <QTest>

#include "ClusterTestData.h"
#include "TestSupport.h"
#include "herald/engine/analytics/KMeans.h"

using namespace herald::engine;
using herald::test::readCsvColumns;
using herald::test::readJson;

class TestSilhouette : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_blobs = readCsvColumns("kmeans/blobs_50k_8d.csv", 8);
        QCOMPARE(m_blobs.rows(), Eigen::Index(50000));
    }

    void chooseKMatchesPeer()
    {
        const auto peer = readJson("kmeans/expected/kmeans_select_k_50k_8d.json");
        ChooseKOptions options;
        options.sampleSize = 10000;
        options.kMeans.nInit = 10; // as the peer
        const auto choice = chooseK(m_blobs, options);
        QVERIFY(choice);
        QCOMPARE(choice->bestK, peer[QStringLiteral("best_k_silhouette_first_10k")].toInt());
        QCOMPARE(choice->perK.size(), std::size_t(9));
        QCOMPARE(choice->best.centroids.rows(), Eigen::Index(choice->bestK));
        // Our sample is random (seeded), the peer's is the first 10,000 rows: the means agree to sampling error
        // (about 0.003 here) when both fits reach the same optimum.
        const auto rows = peer[QStringLiteral("per_k")].toArray();
        for (const auto& entry : choice->perK) {
            const auto peerRow = rows[entry.k - 2].toObject();
            const double peerSilhouette = peerRow[QStringLiteral("silhouette_first_10k")].toDouble();
            const double peerInertia = peerRow[QStringLiteral("inertia")].toDouble();
            const QString what = QStringLiteral("k=%1: inertia %2 (peer %3), silhouette %4 (peer %5)")
                                     .arg(entry.k)
                                     .arg(entry.inertia, 0, 'f', 1)
                                     .arg(peerInertia, 0, 'f', 1)
                                     .arg(entry.silhouette)
                                     .arg(peerSilhouette);
            QVERIFY2(entry.converged, qPrintable(what));
            QVERIFY2(entry.inertia <= peerInertia * 1.005, qPrintable(what));
            QVERIFY2(std::abs(entry.silhouette - peerSilhouette) < 0.01, qPrintable(what));
        }
    }

    void silhouetteKnownCase()
    {
        // Points 0, 1 | 10, 11 on a line: a(0) = 1, b(0) = (10 + 11) / 2, s = (b - a) / b.
        Eigen::MatrixXd data(5, 1);
        data << 0.0, 1.0, 10.0, 11.0, 30.0;
        const auto values = silhouetteSamples(data, {0, 0, 1, 1, 2});
        QVERIFY(values);
        QVERIFY(std::abs((*values)(0) - (10.5 - 1.0) / 10.5) < 1e-12);
        QVERIFY(std::abs((*values)(2) - (9.5 - 1.0) / 9.5) < 1e-12);
        QCOMPARE((*values)(4), 0.0); // alone in its cluster
        QVERIFY(!silhouetteSamples(data, {0, 0, 0, 0, 0}));
        QVERIFY(!silhouetteSamples(data, {0, 1}));
        const auto whole = silhouetteScore(data, {0, 0, 1, 1, 2}, 100, 1);
        QVERIFY(whole);
        QVERIFY(std::abs(*whole - values->mean()) < 1e-15);
    }

    void rejectsBadRanges_data()
    {
        QTest::addColumn<int>("kMin");
        QTest::addColumn<int>("kMax");
        QTest::addColumn<Eigen::Index>("sample");
        QTest::newRow("kMin 1") << 1 << 4 << Eigen::Index(100);
        QTest::newRow("kMax < kMin") << 5 << 4 << Eigen::Index(100);
        QTest::newRow("kMax >= rows") << 2 << 50000 << Eigen::Index(100);
        QTest::newRow("sample 1") << 2 << 4 << Eigen::Index(1);
    }

    void rejectsBadRanges()
    {
        QFETCH(int, kMin);
        QFETCH(int, kMax);
        QFETCH(Eigen::Index, sample);
        ChooseKOptions options;
        options.kMin = kMin;
        options.kMax = kMax;
        options.sampleSize = sample;
        const auto choice = chooseK(m_blobs, options);
        QVERIFY(!choice);
        QCOMPARE(choice.error().code, herald::ErrorCode::Invalid);
    }

    void cancels()
    {
        std::vector<int> labels(static_cast<std::size_t>(m_blobs.rows()));
        for (std::size_t i = 0; i < labels.size(); ++i)
            labels[i] = static_cast<int>(i % 3);
        const auto values = silhouetteSamples(m_blobs.topRows(5000), {labels.begin(), labels.begin() + 5000},
                                              [](double) { return false; });
        QVERIFY(!values);
        QCOMPARE(values.error().code, herald::ErrorCode::Cancelled);
        ChooseKOptions options;
        options.kMax = 3;
        options.sampleSize = 2000;
        int calls = 0;
        const auto choice = chooseK(m_blobs, options, [&](double) { return ++calls < 50; });
        QVERIFY(!choice);
        QCOMPARE(choice.error().code, herald::ErrorCode::Cancelled);
    }

    void sampledScoreIsDeterministic()
    {
        KMeansOptions options;
        options.k = 5;
        options.nInit = 1;
        const auto fit = kMeans(m_blobs, options);
        QVERIFY(fit);
        const auto a = silhouetteScore(m_blobs, fit->labels, 3000, 11);
        const auto b = silhouetteScore(m_blobs, fit->labels, 3000, 11);
        const auto c = silhouetteScore(m_blobs, fit->labels, 3000, 12);
        QVERIFY(a && b && c);
        QCOMPARE(*a, *b);
        QVERIFY(*a != *c);
        QVERIFY(std::abs(*a - *c) < 0.02);
    }

private:
    Eigen::MatrixXd m_blobs;
};

QTEST_APPLESS_MAIN(TestSilhouette)
#include "tst_silhouette.moc"
