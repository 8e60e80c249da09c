#pragma once

// Timing and argument helpers shared by the cluster benchmarks.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace herald::bench {

inline std::string sharedDataDir()
{
    return HERALD_SHARED_DATA_DIR;
}

/// Value of `--name value` on the command line, or fallback.
inline std::string argument(int argc, char** argv, const char* name, const char* fallback)
{
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return argv[i + 1];
    }
    return fallback;
}

/// Process CPU seconds (all threads) of the last secondsOf call: with other jobs on the machine, wall time
/// alone says little, and CPU time / threads is what the run would take on idle cores.
inline double& lastCpuSeconds()
{
    static double seconds = 0.0;
    return seconds;
}

template <typename Fn> double secondsOf(Fn&& fn)
{
    const std::clock_t cpu = std::clock();
    const auto start = std::chrono::steady_clock::now();
    fn();
    lastCpuSeconds() = static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

/// The first `columns` columns of a CSV file with a header line.
inline Eigen::MatrixXd readCsv(const std::string& path, int columns)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::vector<double> values;
    Eigen::Index rows = 0;
    while (std::getline(in, line)) {
        std::stringstream cells(line);
        std::string cell;
        for (int c = 0; c < columns && std::getline(cells, cell, ','); ++c)
            values.push_back(std::strtod(cell.c_str(), nullptr));
        ++rows;
    }
    Eigen::MatrixXd m(rows, columns);
    for (Eigen::Index r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c)
            m(r, c) = values[static_cast<std::size_t>(r * columns + c)];
    }
    return m;
}

} // namespace herald::bench
