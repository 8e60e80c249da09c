// Association rules against R arules 1.7-10 apriori on Groceries (shared/datasets/assoc_rules) and a
// brute-force enumeration.
#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include <QFile>
#include <QTest>

#include "TestSupport.h"
#include "herald/engine/analytics/AssociationRules.h"

using namespace herald::engine;

namespace {

struct Groceries
{
    ItemDictionary items;
    std::vector<Basket> baskets;
};

const Groceries& groceries()
{
    static const Groceries data = [] {
        QFile f(QString::fromStdString(herald::test::sharedDataDir() + "/assoc_rules/groceries.csv"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("cannot open groceries.csv");
        std::vector<std::vector<std::string>> named;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            auto& basket = named.emplace_back();
            // read.transactions strips blanks around items ("cream cheese " in the file).
            for (const QByteArray& item : line.split(','))
                basket.push_back(item.trimmed().toStdString());
        }
        Groceries g;
        g.baskets = encodeBaskets(named, g.items);
        return g;
    }();
    return data;
}

// arules' canonical text of an itemset: names sorted bytewise, "{a,b}".
std::string setText(const std::vector<ItemId>& ids, const ItemDictionary& dict)
{
    std::vector<std::string> names;
    for (const ItemId id : ids)
        names.push_back(dict.name(id));
    std::sort(names.begin(), names.end());
    std::string out = "{";
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i ? "," : "") + names[i];
    return out + "}";
}

struct PeerRule
{
    double support, confidence, coverage, lift;
    std::int64_t count;
};

// rules_<supp>_<conf>.csv: "lhs","rhs",support,confidence,coverage,lift,count,size (no commas inside names
// other than the set separators, which sit inside the quotes).
std::map<std::string, PeerRule> peerRules(const char* file)
{
    QFile f(QString::fromStdString(herald::test::sharedDataDir() + "/assoc_rules/expected/" + file));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", file);
    std::map<std::string, PeerRule> rules;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray& line = lines[i];
        if (line.isEmpty())
            continue;
        const int lhsEnd = line.indexOf("\",\"");
        const int rhsEnd = line.indexOf("\",", lhsEnd + 3);
        const std::string key =
            line.mid(1, lhsEnd - 1).toStdString() + " => " + line.mid(lhsEnd + 3, rhsEnd - lhsEnd - 3).toStdString();
        const QList<QByteArray> nums = line.mid(rhsEnd + 2).split(',');
        rules[key] = {nums[0].toDouble(), nums[1].toDouble(), nums[2].toDouble(), nums[3].toDouble(),
                      nums[4].toLongLong()};
    }
    return rules;
}

bool nearRel(double a, double b)
{
    return std::fabs(a - b) <= 1e-9 * std::fabs(b);
}

} // namespace

class TestAssociationRules : public QObject
{
    Q_OBJECT

private slots:
    void groceriesMatchesArules();
    void matchesBruteForce_data();
    void matchesBruteForce();
    void emptyLhsAndLengths();
    void cancels();
    void invalidInput();
};

void TestAssociationRules::groceriesMatchesArules()
{
    const Groceries& g = groceries();
    QCOMPARE(g.baskets.size(), std::size_t{9835});
    QCOMPARE(g.items.size(), std::size_t{169});
    AssociationOptions o;
    o.minSupport = 0.01;
    o.minConfidence = 0.3;
    const auto r = mineAssociationRules(g.baskets, o);
    QVERIFY(r.has_value());
    const auto peer = peerRules("rules_0.01_0.3.csv");
    QCOMPARE(peer.size(), std::size_t{125});
    QCOMPARE(r->rules.size(), peer.size());
    for (const AssociationRule& rule : r->rules) {
        const std::string key = setText(rule.lhs, g.items) + " => " + setText({rule.rhs}, g.items);
        const auto it = peer.find(key);
        QVERIFY2(it != peer.end(), key.c_str());
        QCOMPARE(rule.count, it->second.count);
        QVERIFY2(nearRel(rule.support, it->second.support), key.c_str());
        QVERIFY2(nearRel(rule.confidence, it->second.confidence), key.c_str());
        QVERIFY2(nearRel(rule.coverage, it->second.coverage), key.c_str());
        QVERIFY2(nearRel(rule.lift, it->second.lift), key.c_str());
    }
    // Sorted by lift descending, as the peer's file; the top rule is the peer's first row.
    QCOMPARE(setText(r->rules.front().lhs, g.items), std::string("{citrus fruit,other vegetables}"));
    QVERIFY(std::is_sorted(r->rules.begin(), r->rules.end(),
                           [](const AssociationRule& a, const AssociationRule& b) { return a.lift > b.lift; }));
}

void TestAssociationRules::matchesBruteForce_data()
{
    QTest::addColumn<double>("support");
    QTest::addColumn<double>("confidence");
    QTest::addColumn<int>("minLength");
    QTest::addColumn<int>("maxLength");
    QTest::newRow("defaults-ish") << 0.05 << 0.5 << 1 << 10;
    QTest::newRow("low support") << 0.01 << 0.2 << 1 << 10;
    QTest::newRow("pairs only") << 0.02 << 0.3 << 2 << 2;
    QTest::newRow("empty lhs possible") << 0.05 << 0.1 << 1 << 3;
}

void TestAssociationRules::matchesBruteForce()
{
    QFETCH(double, support);
    QFETCH(double, confidence);
    QFETCH(int, minLength);
    QFETCH(int, maxLength);
    // 8 items with different popularities, 300 baskets: every subset can be counted directly.
    constexpr int kItems = 8;
    std::mt19937_64 rng(11);
    std::vector<Basket> baskets(300);
    for (Basket& b : baskets)
        for (ItemId i = 0; i < kItems; ++i)
            if (std::uniform_real_distribution<double>(0, 1)(rng) < 0.15 + 0.07 * i)
                b.push_back(i * 3 + 1);                           // sparse, non-dense ids
    baskets[0].push_back(baskets[0].empty() ? 1 : baskets[0][0]); // a duplicate counts once
    std::map<unsigned, std::int64_t> count;
    for (unsigned mask = 1; mask < (1u << kItems); ++mask)
        for (const Basket& b : baskets) {
            unsigned have = 0;
            for (const ItemId id : b)
                have |= 1u << ((id - 1) / 3);
            count[mask] += (have & mask) == mask;
        }
    std::map<std::pair<unsigned, int>, double> want; // (lhs mask, rhs item) -> confidence
    const double n = static_cast<double>(baskets.size());
    for (const auto& [mask, c] : count) {
        const int len = std::popcount(mask);
        if (c < support * n || len < minLength || len > maxLength)
            continue;
        for (int i = 0; i < kItems; ++i)
            if (mask & (1u << i)) {
                const unsigned lhs = mask & ~(1u << i);
                const double conf = static_cast<double>(c) / (lhs ? static_cast<double>(count[lhs]) : n);
                if (conf >= confidence)
                    want[{lhs, i}] = conf;
            }
    }
    AssociationOptions o;
    o.minSupport = support;
    o.minConfidence = confidence;
    o.minLength = minLength;
    o.maxLength = maxLength;
    const auto r = mineAssociationRules(baskets, o);
    QVERIFY(r.has_value());
    QCOMPARE(r->rules.size(), want.size());
    for (const AssociationRule& rule : r->rules) {
        unsigned lhs = 0;
        for (const ItemId id : rule.lhs)
            lhs |= 1u << ((id - 1) / 3);
        const auto it = want.find({lhs, static_cast<int>((rule.rhs - 1) / 3)});
        QVERIFY(it != want.end());
        QCOMPARE(rule.confidence, it->second);
        QVERIFY(std::fabs(rule.leverage - (rule.support - rule.coverage * rule.confidence / rule.lift)) < 1e-15);
    }
}

void TestAssociationRules::emptyLhsAndLengths()
{
    const std::vector<Basket> baskets = {{1, 2}, {1, 2, 3}, {1}, {1, 3}};
    AssociationOptions o;
    o.minSupport = 0.5;
    o.minConfidence = 0.9;
    const auto r = mineAssociationRules(baskets, o);
    QVERIFY(r.has_value());
    // Item 1 is in every basket: {} => {1}, {2} => {1} and {3} => {1} all have confidence 1.
    QCOMPARE(r->rules.size(), std::size_t{3});
    const auto emptyLhs =
        std::count_if(r->rules.begin(), r->rules.end(), [](const AssociationRule& x) { return x.lhs.empty(); });
    QCOMPARE(emptyLhs, 1);
    QVERIFY(std::isinf(r->rules.front().conviction));
    o.minLength = 2;
    const auto noEmpty = mineAssociationRules(baskets, o);
    QCOMPARE(noEmpty->rules.size(), std::size_t{2}); // {2} => {1}, {3} => {1}
    o.maxLength = 1;
    o.minLength = 1;
    QCOMPARE(mineAssociationRules(baskets, o)->rules.size(), std::size_t{1});
    o.minLift = 1.01;
    QCOMPARE(mineAssociationRules(baskets, o)->rules.size(), std::size_t{0});
}

void TestAssociationRules::cancels()
{
    AssociationOptions o;
    o.minSupport = 0.001;
    o.minConfidence = 0.5;
    const auto r = mineAssociationRules(groceries().baskets, o, [](double f) { return f < 0.3; });
    QVERIFY(r.has_value());
    QVERIFY(r->cancelled);
    QVERIFY(r->rules.empty() && r->itemsets.empty());
}

void TestAssociationRules::invalidInput()
{
    QCOMPARE(mineAssociationRules({}).error().code, herald::ErrorCode::Invalid);
    AssociationOptions o;
    o.minSupport = 0.0;
    QVERIFY(!mineAssociationRules({{1}}, o).has_value());
    o.minSupport = 0.5;
    o.minConfidence = 1.5;
    QVERIFY(!mineAssociationRules({{1}}, o).has_value());
    o.minConfidence = 0.5;
    o.maxLength = 0;
    QVERIFY(!mineAssociationRules({{1}}, o).has_value());
}

QTEST_APPLESS_MAIN(TestAssociationRules)
#include "tst_associationrules.moc"
