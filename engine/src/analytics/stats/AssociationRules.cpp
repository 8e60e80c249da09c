#include "herald/engine/analytics/AssociationRules.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace herald::engine {

ItemId ItemDictionary::add(std::string_view name)
{
    const auto [it, inserted] = m_ids.try_emplace(std::string(name), static_cast<ItemId>(m_names.size()));
    if (inserted)
        m_names.emplace_back(name);
    return it->second;
}

std::optional<ItemId> ItemDictionary::find(std::string_view name) const
{
    const auto it = m_ids.find(std::string(name));
    return it == m_ids.end() ? std::nullopt : std::optional<ItemId>(it->second);
}

std::vector<Basket> encodeBaskets(const std::vector<std::vector<std::string>>& baskets, ItemDictionary& dictionary)
{
    std::vector<Basket> out;
    out.reserve(baskets.size());
    for (const auto& basket : baskets) {
        Basket& ids = out.emplace_back();
        ids.reserve(basket.size());
        for (const std::string& item : basket)
            ids.push_back(dictionary.add(item));
    }
    return out;
}

namespace {

using Word = std::uint64_t;

// dest[t] = a[pos[t]] & b[pos[t]] for every listed word; returns the number of set bits. Built twice so
// that x86-64 CPUs with POPCNT (all since ~2008) use the instruction; the baseline ABI lacks it.
#if defined(__GNUC__) && defined(__x86_64__)
__attribute__((target("popcnt"))) std::int64_t gatherAndPopcnt(const Word* a, const Word* b, const std::uint32_t* pos,
                                                               std::size_t count, Word* dest)
{
    std::int64_t bits = 0;
    for (std::size_t t = 0; t < count; ++t) {
        dest[t] = a[pos[t]] & b[pos[t]];
        bits += __builtin_popcountll(dest[t]);
    }
    return bits;
}
#endif

std::int64_t gatherAndGeneric(const Word* a, const Word* b, const std::uint32_t* pos, std::size_t count, Word* dest)
{
    std::int64_t bits = 0;
    for (std::size_t t = 0; t < count; ++t) {
        dest[t] = a[pos[t]] & b[pos[t]];
        bits += std::popcount(dest[t]);
    }
    return bits;
}

using GatherAnd = std::int64_t (*)(const Word*, const Word*, const std::uint32_t*, std::size_t, Word*);

GatherAnd pickGatherAnd()
{
#if defined(__GNUC__) && defined(__x86_64__)
    if (__builtin_cpu_supports("popcnt"))
        return gatherAndPopcnt;
#endif
    return gatherAndGeneric;
}

// A frequent itemset as a node of the prefix tree the search builds; items along a path are in rank
// order, and the children of a node are contiguous so a subset is found by binary search per item.
struct Node
{
    std::uint32_t rankItem = 0;
    std::uint32_t parent = 0;
    std::uint32_t firstChild = 0;
    std::uint32_t childCount = 0;
    std::int64_t count = 0;
    int length = 0;
};

// Depth-first Eclat over bitset tid-lists. A class (a prefix and its frequent one-item extensions) keeps
// each member's tid-list only over the words where the prefix has baskets: the children of a member can
// be non-zero only where that member is, so each level gathers just those words. Deep, rare itemsets
// thus cost a few words instead of baskets / 64.
class Miner
{
public:
    Miner(std::int64_t minCount, int maxLength, std::vector<Node>& nodes)
        : m_minCount(minCount), m_maxLength(maxLength), m_nodes(nodes), m_gatherAnd(pickGatherAnd())
    {
    }

    // Mines below the frequent single items (ranks 0..k-1, tid-lists row-major over `words` words).
    bool run(const std::vector<std::int64_t>& counts, std::vector<Word> tids, std::size_t words,
             const Progress& progress)
    {
        const std::size_t k = counts.size();
        m_levels.resize(static_cast<std::size_t>(m_maxLength) + 1);
        Level& top = m_levels[1];
        top.tids = std::move(tids);
        top.words = words;
        m_nodes.assign(1, Node{}); // the root: the empty itemset
        m_nodes[0].firstChild = 1;
        m_nodes[0].childCount = static_cast<std::uint32_t>(k);
        top.nodes.resize(k);
        for (std::size_t i = 0; i < k; ++i) {
            top.nodes[i] = static_cast<std::uint32_t>(m_nodes.size());
            m_nodes.push_back(Node{static_cast<std::uint32_t>(i), 0, 0, 0, counts[i], 1});
        }
        for (std::size_t i = 0; i < k; ++i) {
            if (progress && !progress(static_cast<double>(i) / static_cast<double>(k)))
                return false;
            if (m_maxLength > 1)
                extend(1, i);
        }
        return true;
    }

private:
    struct Level
    {
        std::vector<Word> tids; // member m's words at [m * words, (m + 1) * words)
        std::size_t words = 0;
        std::vector<std::uint32_t> nodes;     // node index of each member
        std::vector<std::uint32_t> positions; // scratch: words where the extended member is non-zero
    };

    void extend(std::size_t depth, std::size_t i)
    {
        Level& level = m_levels[depth];
        const Word* mine = level.tids.data() + i * level.words;
        // Branch-free compaction: which words are non-zero is unpredictable for rare itemsets.
        std::vector<std::uint32_t>& nonZero = level.positions;
        nonZero.resize(level.words);
        std::size_t kept = 0;
        for (std::size_t w = 0; w < level.words; ++w) {
            nonZero[kept] = static_cast<std::uint32_t>(w);
            kept += mine[w] != 0 ? 1 : 0;
        }
        nonZero.resize(kept);
        Level& next = m_levels[depth + 1];
        const std::size_t members = level.nodes.size();
        next.words = nonZero.size();
        next.tids.resize((members - i - 1) * next.words);
        next.nodes.clear();
        const std::uint32_t parent = level.nodes[i];
        const auto firstChild = static_cast<std::uint32_t>(m_nodes.size());
        for (std::size_t j = i + 1; j < members; ++j) {
            Word* dest = next.tids.data() + next.nodes.size() * next.words;
            const std::int64_t count =
                m_gatherAnd(mine, level.tids.data() + j * level.words, nonZero.data(), nonZero.size(), dest);
            if (count >= m_minCount) {
                next.nodes.push_back(static_cast<std::uint32_t>(m_nodes.size()));
                m_nodes.push_back(
                    Node{m_nodes[level.nodes[j]].rankItem, parent, 0, 0, count, m_nodes[parent].length + 1});
            }
        }
        m_nodes[parent].firstChild = firstChild;
        m_nodes[parent].childCount = static_cast<std::uint32_t>(next.nodes.size());
        if (static_cast<int>(depth) + 1 >= m_maxLength)
            return;
        // Deeper calls reuse the next levels' buffers; this level's data stays untouched until we return.
        for (std::size_t c = 0; c + 1 < next.nodes.size(); ++c)
            extend(depth + 1, c);
    }

    std::int64_t m_minCount;
    int m_maxLength;
    std::vector<Node>& m_nodes;
    GatherAnd m_gatherAnd;
    std::vector<Level> m_levels; // per depth
};

// Count of the itemset whose rank-ordered items are given, by walking the prefix tree; the itemset is a
// subset of a frequent one, so it is frequent and present.
std::int64_t countOf(const std::vector<Node>& nodes, const std::uint32_t* items, std::size_t size)
{
    std::uint32_t node = 0;
    for (std::size_t k = 0; k < size; ++k) {
        const Node& n = nodes[node];
        const Node* begin = nodes.data() + n.firstChild;
        const Node* end = begin + n.childCount;
        const Node* found =
            std::lower_bound(begin, end, items[k], [](const Node& a, std::uint32_t item) { return a.rankItem < item; });
        node = static_cast<std::uint32_t>(found - nodes.data());
    }
    return nodes[node].count;
}

bool ruleOrder(const AssociationRule& a, const AssociationRule& b)
{
    if (a.lift != b.lift)
        return a.lift > b.lift;
    if (a.support != b.support)
        return a.support > b.support;
    if (a.confidence != b.confidence)
        return a.confidence > b.confidence;
    if (a.lhs != b.lhs)
        return a.lhs < b.lhs;
    return a.rhs < b.rhs;
}

} // namespace

Result<AssociationResult> mineAssociationRules(const std::vector<Basket>& baskets, const AssociationOptions& options,
                                               const Progress& progress)
{
    if (baskets.empty())
        return fail(ErrorCode::Invalid, "no baskets");
    if (!(options.minSupport > 0.0 && options.minSupport <= 1.0))
        return fail(ErrorCode::Invalid, "minimum support must be in (0, 1]");
    if (!(options.minConfidence >= 0.0 && options.minConfidence <= 1.0))
        return fail(ErrorCode::Invalid, "minimum confidence must be in [0, 1]");
    if (!(options.minLift >= 0.0) || !std::isfinite(options.minLift))
        return fail(ErrorCode::Invalid, "minimum lift must be finite and non-negative");
    if (options.minLength < 1 || options.maxLength < options.minLength)
        return fail(ErrorCode::Invalid, "need 1 <= minLength <= maxLength");

    const auto n = static_cast<std::int64_t>(baskets.size());
    const double dn = static_cast<double>(n);
    // The smallest count whose support reaches the threshold (the epsilon absorbs 0.01 * 10000 = 100.000...01).
    const auto minCount =
        std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(options.minSupport * dn - 1e-9)));

    ItemId maxId = 0;
    for (const Basket& b : baskets)
        for (const ItemId id : b)
            maxId = std::max(maxId, id);
    std::vector<std::int64_t> itemCounts(static_cast<std::size_t>(maxId) + 1, 0);
    std::vector<Basket> unique(baskets.size());
    for (std::size_t t = 0; t < baskets.size(); ++t) {
        unique[t] = baskets[t];
        std::sort(unique[t].begin(), unique[t].end());
        unique[t].erase(std::unique(unique[t].begin(), unique[t].end()), unique[t].end());
        for (const ItemId id : unique[t])
            ++itemCounts[id];
    }

    // Frequent items ranked by ascending count: rare items first keep the deep classes small.
    std::vector<ItemId> ranked;
    for (ItemId id = 0; id <= maxId; ++id)
        if (itemCounts[id] >= minCount)
            ranked.push_back(id);
    std::stable_sort(ranked.begin(), ranked.end(), [&](ItemId a, ItemId b) { return itemCounts[a] < itemCounts[b]; });
    std::vector<std::int64_t> rank(itemCounts.size(), -1);
    for (std::size_t r = 0; r < ranked.size(); ++r)
        rank[ranked[r]] = static_cast<std::int64_t>(r);
    const std::size_t words = (baskets.size() + 63) / 64;
    std::vector<Word> tids(ranked.size() * words, 0);
    for (std::size_t t = 0; t < unique.size(); ++t)
        for (const ItemId id : unique[t])
            if (rank[id] >= 0)
                tids[static_cast<std::size_t>(rank[id]) * words + t / 64] |= Word{1} << (t % 64);
    std::vector<std::int64_t> rankedCounts(ranked.size());
    for (std::size_t r = 0; r < ranked.size(); ++r)
        rankedCounts[r] = itemCounts[ranked[r]];

    AssociationResult result;
    result.baskets = n;
    std::vector<Node> nodes;
    Miner miner(minCount, options.maxLength, nodes);
    if (!miner.run(rankedCounts, std::move(tids), words, progress))
        return AssociationResult{true, n, {}, {}};

    // Nodes 1.. are the frequent itemsets; their rank-ordered items come from the path to the root.
    result.itemsets.reserve(nodes.size() - 1);
    std::vector<std::uint32_t> path;
    std::vector<std::uint32_t> lhsRanks;
    for (std::size_t v = 1; v < nodes.size(); ++v) {
        path.clear();
        for (auto u = static_cast<std::uint32_t>(v); u != 0; u = nodes[u].parent)
            path.push_back(nodes[u].rankItem);
        std::reverse(path.begin(), path.end());
        FrequentItemset set;
        set.count = nodes[v].count;
        set.support = static_cast<double>(set.count) / dn;
        for (const std::uint32_t r : path)
            set.items.push_back(ranked[r]);
        std::sort(set.items.begin(), set.items.end());
        result.itemsets.push_back(std::move(set));

        const int length = nodes[v].length;
        if (length < options.minLength)
            continue;
        for (std::size_t k = 0; k < path.size(); ++k) {
            lhsRanks.assign(path.begin(), path.end());
            lhsRanks.erase(lhsRanks.begin() + static_cast<std::ptrdiff_t>(k));
            const std::int64_t lhsCount = lhsRanks.empty() ? n : countOf(nodes, lhsRanks.data(), lhsRanks.size());
            const double confidence = static_cast<double>(nodes[v].count) / static_cast<double>(lhsCount);
            if (confidence < options.minConfidence)
                continue;
            const ItemId rhs = ranked[path[k]];
            const double rhsSupport = static_cast<double>(itemCounts[rhs]) / dn;
            AssociationRule rule;
            rule.count = nodes[v].count;
            rule.support = static_cast<double>(rule.count) / dn;
            rule.coverage = static_cast<double>(lhsCount) / dn;
            rule.confidence = confidence;
            rule.lift = confidence / rhsSupport;
            if (rule.lift < options.minLift)
                continue;
            rule.leverage = rule.support - rule.coverage * rhsSupport;
            rule.conviction =
                confidence < 1.0 ? (1.0 - rhsSupport) / (1.0 - confidence) : std::numeric_limits<double>::infinity();
            for (const std::uint32_t r : lhsRanks)
                rule.lhs.push_back(ranked[r]);
            std::sort(rule.lhs.begin(), rule.lhs.end());
            rule.rhs = rhs;
            result.rules.push_back(std::move(rule));
        }
    }
    std::sort(result.rules.begin(), result.rules.end(), ruleOrder);
    if (progress)
        progress(1.0);
    return result;
}

} // namespace herald::engine
