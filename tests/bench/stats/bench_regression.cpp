// Logistic (Newton/IRLS) and OLS fits on ctr_100k.csv, as the stored scikit-learn/statsmodels timings.
#include <fstream>
#include <sstream>

#include "BenchSupport.h"
#include "herald/engine/analytics/Logistic.h"
#include "herald/engine/analytics/Ols.h"

int main(int argc, char** argv)
{
    using namespace herald::engine;
    std::ifstream in(herald::bench::dataDir(argc, argv) + "/regression/ctr_100k.csv");
    if (!in) {
        std::fprintf(stderr, "cannot open ctr_100k.csv\n");
        return 1;
    }
    std::vector<double> cells;
    std::string line;
    std::getline(in, line); // header
    Eigen::Index rows = 0;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        const char* p = line.c_str();
        for (int c = 0; c < 12; ++c) {
            char* end = nullptr;
            cells.push_back(std::strtod(p, &end));
            p = end + 1;
        }
        ++rows;
    }
    const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, 12, Eigen::RowMajor>> table(cells.data(), rows, 12);
    const Eigen::MatrixXd x = table.leftCols(10);
    const Eigen::VectorXd click = table.col(10);
    const Eigen::VectorXd spend = table.col(11);

    int iterations = 0;
    herald::bench::report("logistic_newton",
                          herald::bench::medianSeconds(7, [&] { iterations = fitLogistic(x, click)->iterations; }));
    std::fprintf(stderr, "logistic: %d Newton iterations\n", iterations);
    herald::bench::report("ols", herald::bench::medianSeconds(7, [&] { (void)fitOls(x, spend); }));
    return 0;
}
