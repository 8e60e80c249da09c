#pragma once

// Tiny timing helpers shared by the stats benchmarks: median wall time of repeated runs, printed as
// "<name> <seconds>" lines that compare-peers-stats parses.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace herald::bench {

template <typename Fn> double medianSeconds(int repeats, Fn&& fn)
{
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto start = std::chrono::steady_clock::now();
        fn();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

inline void report(const char* name, double seconds)
{
    std::printf("%s %.6g\n", name, seconds);
    std::fflush(stdout);
}

/// The shared datasets folder: argv[1] if given, else the one beside the project.
inline std::string dataDir(int argc, char** argv)
{
    return argc > 1 ? std::string(argv[1]) : std::string(HERALD_SHARED_DATA_DIR);
}

} // namespace herald::bench
