#pragma once

#include <cmath>
#include <cstdint>
#include <random>

namespace herald::engine::demo {

/// Draws built on std::mt19937_64, whose output the standard fixes, instead of the std
/// distributions, whose algorithms differ between standard libraries: one seed, one demo.
class DemoRandom
{
public:
    explicit DemoRandom(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t bits() { return m_engine(); }
    /// Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n); n > 0.
    int below(int n) { return static_cast<int>(uniform() * n); }
    bool chance(double p) { return uniform() < p; }

    /// Standard normal by Box-Muller; the second value of each pair is kept for the next call.
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        const double u1 = 1.0 - uniform(); // (0, 1]: log stays finite
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        constexpr double kTwoPi = 6.283185307179586;
        m_spare = r * std::sin(kTwoPi * u2);
        m_hasSpare = true;
        return r * std::cos(kTwoPi * u2);
    }
    /// Log-normal noise with mean 1.
    double noise(double sigma) { return std::exp(sigma * normal() - 0.5 * sigma * sigma); }
    double exponential(double mean) { return -mean * std::log1p(-uniform()); }
    /// Poisson by Knuth's product method; meant for small means (comments per post).
    int poisson(double mean)
    {
        const double limit = std::exp(-mean);
        int k = 0;
        for (double p = uniform(); p > limit; p *= uniform())
            ++k;
        return k;
    }
    /// Index drawn with probability proportional to weights[i].
    template <typename Weights> int weighted(const Weights& weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = uniform() * total;
        int i = 0;
        for (double w : weights) {
            if (x < w)
                return i;
            x -= w;
            ++i;
        }
        return i - 1;
    }
    template <typename T, std::size_t N> const T& pick(const T (&items)[N])
    {
        return items[below(static_cast<int>(N))];
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

} // namespace herald::engine::demo
