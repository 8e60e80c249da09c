#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "herald/engine/Result.h"
#include "herald/engine/analytics/Progress.h"

namespace herald::engine {

using ItemId = std::uint32_t;
using Basket = std::vector<ItemId>;

/// Maps item names (hashtags, products, segments) to dense ids and back.
class ItemDictionary
{
public:
    /// The id of name, adding it if new. O(1) amortised.
    ItemId add(std::string_view name);
    /// The id of name if known. O(1).
    std::optional<ItemId> find(std::string_view name) const;
    /// The name of a known id. O(1).
    const std::string& name(ItemId id) const { return m_names.at(id); }
    std::size_t size() const { return m_names.size(); }

private:
    std::vector<std::string> m_names;
    std::unordered_map<std::string, ItemId> m_ids;
};

/// Converts baskets of names to baskets of ids, filling dictionary. O(total items).
std::vector<Basket> encodeBaskets(const std::vector<std::vector<std::string>>& baskets, ItemDictionary& dictionary);

/// Thresholds with R arules' apriori semantics (its defaults are support 0.1, confidence 0.8, minlen 1,
/// maxlen 10). Lengths count the items of lhs + rhs; minLength 1 admits rules with an empty lhs
/// ({} => {x}, confidence = support of x).
struct AssociationOptions
{
    double minSupport = 0.1;    // fraction of baskets, in (0, 1]
    double minConfidence = 0.8; // in [0, 1]
    double minLift = 0.0;       // extra filter on the rules; 0 keeps all
    int minLength = 1;
    int maxLength = 10;
};

struct FrequentItemset
{
    std::vector<ItemId> items; // ascending ids
    std::int64_t count = 0;    // baskets containing all of them
    double support = 0.0;
};

/// lhs => rhs with a single item on the right, as arules generates them.
struct AssociationRule
{
    std::vector<ItemId> lhs; // ascending ids, possibly empty
    ItemId rhs = 0;
    std::int64_t count = 0;  // baskets containing lhs and rhs
    double support = 0.0;    // count / baskets
    double confidence = 0.0; // support / coverage
    double coverage = 0.0;   // support of lhs
    double lift = 0.0;       // confidence / support of rhs
    double leverage = 0.0;   // support - coverage * support of rhs
    double conviction = 0.0; // (1 - support of rhs) / (1 - confidence); +inf when confidence is 1
};

struct AssociationResult
{
    bool cancelled = false;
    std::int64_t baskets = 0;
    std::vector<FrequentItemset> itemsets; // every frequent itemset up to maxLength items
    std::vector<AssociationRule> rules;    // by lift, support, confidence descending, then lhs and rhs ids
};

/// Frequent itemsets by depth-first Eclat over vertical bitset tid-lists, then every single-consequent
/// rule passing the thresholds. Duplicate items in a basket count once. Invalid for no baskets or
/// thresholds out of range. O(frequent itemsets * baskets / 64) for mining plus O(rules log rules).
Result<AssociationResult> mineAssociationRules(const std::vector<Basket>& baskets,
                                               const AssociationOptions& options = {}, const Progress& progress = {});

} // namespace herald::engine
