// Association rules on Groceries at the two settings of the stored arules timings.
#include <fstream>
#include <sstream>

#include "BenchSupport.h"
#include "herald/engine/analytics/AssociationRules.h"

int main(int argc, char** argv)
{
    using namespace herald::engine;
    std::ifstream in(herald::bench::dataDir(argc, argv) + "/assoc_rules/groceries.csv");
    if (!in) {
        std::fprintf(stderr, "cannot open groceries.csv\n");
        return 1;
    }
    std::vector<std::vector<std::string>> named;
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        auto& basket = named.emplace_back();
        std::stringstream cells(line);
        for (std::string item; std::getline(cells, item, ',');)
            basket.push_back(item);
    }
    ItemDictionary dictionary;
    const std::vector<Basket> baskets = encodeBaskets(named, dictionary);
    const struct
    {
        const char* name;
        double support;
        double confidence;
    } settings[] = {{"apriori_0.001_0.5", 0.001, 0.5}, {"apriori_0.01_0.3", 0.01, 0.3}};
    for (const auto& s : settings) {
        AssociationOptions o;
        o.minSupport = s.support;
        o.minConfidence = s.confidence;
        std::size_t rules = 0;
        const double t =
            herald::bench::medianSeconds(9, [&] { rules = mineAssociationRules(baskets, o)->rules.size(); });
        herald::bench::report(s.name, t);
        std::fprintf(stderr, "%s: %zu rules\n", s.name, rules);
    }
    return 0;
}
