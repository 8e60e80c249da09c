#include "herald/engine/store/AudienceFeatures.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

constexpr double kDaySeconds = 86400.0;
constexpr std::int64_t kProgressRows = 1 << 16;

enum Depth { Likes, Replies, Reposts, Clicks, DepthCount };

// Per member tallies gathered by the streaming passes.
struct Tally
{
    std::int64_t lastEventUtc = 0;
    bool engaged = false;
    std::array<std::int32_t, DepthCount> kinds{};
    std::array<std::int32_t, 4> dayparts{};
};

// Row of a member id: a dense table when ids are compact (the usual case), else a hash map.
class RowIndex
{
public:
    explicit RowIndex(const std::vector<std::int64_t>& ids)
    {
        if (ids.empty())
            return;
        m_first = ids.front();
        const std::int64_t span = ids.back() - ids.front() + 1;
        if (span <= 4 * static_cast<std::int64_t>(ids.size()) + 1024) {
            m_dense.assign(static_cast<std::size_t>(span), -1);
            for (std::size_t i = 0; i < ids.size(); ++i)
                m_dense[static_cast<std::size_t>(ids[i] - m_first)] = static_cast<std::int32_t>(i);
        } else {
            m_sparse.reserve(ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i)
                m_sparse.emplace(ids[i], static_cast<std::int32_t>(i));
        }
    }
    std::int32_t find(std::int64_t id) const
    {
        if (!m_dense.empty()) {
            const std::int64_t at = id - m_first;
            return at >= 0 && at < static_cast<std::int64_t>(m_dense.size()) ? m_dense[static_cast<std::size_t>(at)]
                                                                             : -1;
        }
        auto it = m_sparse.find(id);
        return it == m_sparse.end() ? -1 : it->second;
    }

private:
    std::int64_t m_first = 0;
    std::vector<std::int32_t> m_dense;
    std::unordered_map<std::int64_t, std::int32_t> m_sparse;
};

std::int32_t intern(std::unordered_map<std::string, std::int32_t>& ids, std::vector<std::string>& names,
                    const std::string& name)
{
    if (name.empty())
        return -1;
    auto [it, added] = ids.emplace(name, static_cast<std::int32_t>(names.size()));
    if (added)
        names.push_back(name);
    return it->second;
}

// The n most frequent categories (ties by name), as indexes into names.
std::vector<std::int32_t> topCategories(const std::vector<std::int64_t>& counts, const std::vector<std::string>& names,
                                        int n)
{
    std::vector<std::int32_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
        return counts[ua] != counts[ub] ? counts[ua] > counts[ub] : names[ua] < names[ub];
    });
    order.resize(std::min(order.size(), static_cast<std::size_t>(std::max(0, n))));
    return order;
}

bool wants(const std::vector<std::string>& features, const char* id)
{
    return std::find(features.begin(), features.end(), id) != features.end();
}

} // namespace

const std::vector<FeatureInfo>& audienceFeatureCatalogue()
{
    static const std::vector<FeatureInfo> catalogue = {
        {"recency", "Days since last engagement", FeatureKind::Numeric},
        {"frequency", "Engagements", FeatureKind::Numeric},
        {"like_share", "Share of likes", FeatureKind::Numeric},
        {"reply_share", "Share of replies", FeatureKind::Numeric},
        {"repost_share", "Share of reposts and quotes", FeatureKind::Numeric},
        {"click_share", "Share of clicks", FeatureKind::Numeric},
        {"active_hours", "Active hours (share per day part)", FeatureKind::Numeric},
        {"languages", "Languages", FeatureKind::OneHot},
        {"countries", "Countries", FeatureKind::OneHot},
        {"interests", "Interests", FeatureKind::OneHot},
        {"followers", "Follower count", FeatureKind::Numeric},
        {"follower_age", "Days since following", FeatureKind::Numeric},
    };
    return catalogue;
}

Result<AudienceFeatures> buildAudienceFeatures(Database& db, const AudienceFeatureRequest& request,
                                               const Progress& progress)
{
    const auto& catalogue = audienceFeatureCatalogue();
    std::vector<std::string> features;
    for (const auto& f : catalogue)
        if (request.features.empty() || wants(request.features, f.id.c_str()))
            features.push_back(f.id);
    for (const auto& asked : request.features)
        if (!wants(features, asked.c_str())) {
            std::string known;
            for (const auto& f : catalogue)
                known += (known.empty() ? "" : ", ") + f.id;
            return fail(ErrorCode::Invalid, "unknown audience feature \"" + asked + "\" (known: " + known + ")");
        }
    if (request.topCategories < 1)
        return fail(ErrorCode::Invalid, "topCategories must be at least 1");
    const auto cancelled = [&](double fraction) { return progress && !progress(fraction); };
    const auto stopped = [] { return fail(ErrorCode::Cancelled, "audience feature building cancelled"); };

    auto account = db.prepare("SELECT COUNT(*) FROM accounts WHERE id = ?1");
    if (!account)
        return tl::unexpected(account.error());
    for (std::int64_t id : request.accountIds) {
        auto row = (*account)->bind(1, id).step();
        if (!row)
            return tl::unexpected(row.error());
        const bool found = *row && (*account)->int64(0) > 0;
        (*account)->reset();
        if (!found)
            return fail(ErrorCode::NotFound, "account " + std::to_string(id) + " does not exist in this workspace");
    }

    AudienceFeatures out;
    out.accountIds = request.accountIds;
    out.features = features;
    auto& d = out.descriptors;
    std::unordered_map<std::string, std::int32_t> languageIds, countryIds, interestIds;
    std::vector<std::optional<std::int64_t>> since;
    std::vector<std::int64_t> followers;

    // Pass 1: the members.
    auto members = db.prepare("SELECT id, account_id, handle, language, country, follower_since_utc, follower_count "
                              "FROM audience_members ORDER BY id");
    if (!members)
        return tl::unexpected(members.error());
    auto& m = **members;
    for (std::int64_t n = 0;; ++n) {
        auto row = m.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (!request.accountIds.empty() &&
            std::find(request.accountIds.begin(), request.accountIds.end(), m.int64(1)) == request.accountIds.end())
            continue;
        out.memberIds.push_back(m.int64(0));
        out.handles.push_back(m.text(2));
        d.language.push_back(intern(languageIds, d.languages, m.text(3)));
        d.country.push_back(intern(countryIds, d.countries, m.text(4)));
        since.push_back(m.optionalInt64(5));
        followers.push_back(m.int64(6));
        if (n % kProgressRows == 0 && cancelled(0.0)) {
            m.reset();
            return stopped();
        }
    }
    m.reset();
    const std::size_t count = out.memberIds.size();
    if (count == 0)
        return fail(ErrorCode::Invalid, request.accountIds.empty()
                                            ? "the workspace has no audience members to segment"
                                            : "the chosen accounts have no audience members to segment");
    const RowIndex rows(out.memberIds);
    if (cancelled(0.2))
        return stopped();

    // Pass 2: the engagement events (follows are not engagement).
    std::vector<Tally> tallies(count);
    std::unordered_map<std::int64_t, int> offsets; // by UTC hour: zone offsets change on hour boundaries
    auto events = db.prepare("SELECT member_id, CASE kind WHEN 'like' THEN 0 WHEN 'reply' THEN 1 WHEN 'click' THEN 3 "
                             "ELSE 2 END, ts_utc FROM member_events WHERE kind <> 'follow'");
    if (!events)
        return tl::unexpected(events.error());
    auto& e = **events;
    for (std::int64_t n = 0;; ++n) {
        auto row = e.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (n % kProgressRows == 0 && cancelled(0.2 + 0.5 * std::min(1.0, static_cast<double>(n) / (8.0 * count)))) {
            e.reset();
            return stopped();
        }
        const std::int32_t r = rows.find(e.int64(0));
        if (r < 0)
            continue;
        Tally& t = tallies[static_cast<std::size_t>(r)];
        const std::int64_t ts = e.int64(2);
        ++t.kinds[static_cast<std::size_t>(e.int64(1))];
        t.lastEventUtc = t.engaged ? std::max(t.lastEventUtc, ts) : ts;
        t.engaged = true;
        int offset = 0;
        if (request.utcOffset) {
            const std::int64_t hour = ts >= 0 ? ts / 3600 : (ts - 3599) / 3600;
            auto it = offsets.find(hour);
            if (it == offsets.end())
                it = offsets.emplace(hour, request.utcOffset(hour * 3600)).first;
            offset = it->second;
        }
        std::int64_t local = (ts + offset) % 86400;
        if (local < 0)
            local += 86400;
        ++t.dayparts[static_cast<std::size_t>(local / (6 * 3600))];
    }
    e.reset();
    if (cancelled(0.75))
        return stopped();

    // Pass 3: the interests.
    std::vector<std::pair<std::int32_t, std::int32_t>> pairs; // (row, interest)
    auto interests = db.prepare("SELECT member_id, interest FROM member_interests");
    if (!interests)
        return tl::unexpected(interests.error());
    auto& in = **interests;
    for (std::int64_t n = 0;; ++n) {
        auto row = in.step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        if (n % kProgressRows == 0 && cancelled(0.75 + 0.15 * std::min(1.0, static_cast<double>(n) / (4.0 * count)))) {
            in.reset();
            return stopped();
        }
        const std::int32_t r = rows.find(in.int64(0));
        if (r >= 0)
            pairs.emplace_back(r, intern(interestIds, d.interests, in.text(1)));
    }
    in.reset();
    d.interestOffsets.assign(count + 1, 0);
    for (const auto& [r, i] : pairs)
        ++d.interestOffsets[static_cast<std::size_t>(r) + 1];
    std::partial_sum(d.interestOffsets.begin(), d.interestOffsets.end(), d.interestOffsets.begin());
    d.interestIds.resize(pairs.size());
    {
        std::vector<std::int64_t> fill(d.interestOffsets.begin(), d.interestOffsets.end() - 1);
        for (const auto& [r, i] : pairs)
            d.interestIds[static_cast<std::size_t>(fill[static_cast<std::size_t>(r)]++)] = i;
    }
    pairs.clear();
    pairs.shrink_to_fit();

    // Descriptors every profile uses, chosen or not.
    d.dayparts.resize(static_cast<Eigen::Index>(count), 4);
    d.engagements.resize(count);
    for (std::size_t r = 0; r < count; ++r) {
        const Tally& t = tallies[r];
        std::int64_t total = 0;
        for (auto k : t.kinds)
            total += k;
        d.engagements[r] = total;
        for (int p = 0; p < 4; ++p)
            d.dayparts(static_cast<Eigen::Index>(r), p) =
                total > 0 ? static_cast<double>(t.dayparts[static_cast<std::size_t>(p)]) / static_cast<double>(total)
                          : 0.0;
    }

    // The columns, in catalogue order.
    auto add = [&](std::string id, const std::string& feature, std::string label, FeatureKind kind, bool logScale) {
        out.columns.push_back({std::move(id), feature, std::move(label), kind, logScale});
    };
    const char* depthIds[] = {"like_share", "reply_share", "repost_share", "click_share"};
    const char* depthLabels[] = {"like share", "reply share", "repost share", "click share"};
    auto categoryCounts = [&](const std::vector<std::int32_t>& perMember, std::size_t size) {
        std::vector<std::int64_t> counts(size, 0);
        for (auto c : perMember)
            if (c >= 0)
                ++counts[static_cast<std::size_t>(c)];
        return counts;
    };
    std::vector<std::int32_t> topLanguages, topCountries, topInterests;
    for (const auto& f : features) {
        if (f == "recency")
            add("recency", f, "days since last engagement", FeatureKind::Numeric, false);
        else if (f == "frequency")
            add("frequency", f, "engagements", FeatureKind::Numeric, true);
        else if (f == "active_hours")
            for (const char* part : kDayParts)
                add(std::string("daypart:") + part, f, part, FeatureKind::Numeric, false);
        else if (f == "languages") {
            topLanguages =
                topCategories(categoryCounts(d.language, d.languages.size()), d.languages, request.topCategories);
            for (auto c : topLanguages)
                add("language:" + d.languages[static_cast<std::size_t>(c)], f, d.languages[static_cast<std::size_t>(c)],
                    FeatureKind::OneHot, false);
        } else if (f == "countries") {
            topCountries =
                topCategories(categoryCounts(d.country, d.countries.size()), d.countries, request.topCategories);
            for (auto c : topCountries)
                add("country:" + d.countries[static_cast<std::size_t>(c)], f, d.countries[static_cast<std::size_t>(c)],
                    FeatureKind::OneHot, false);
        } else if (f == "interests") {
            topInterests =
                topCategories(categoryCounts(d.interestIds, d.interests.size()), d.interests, request.topCategories);
            for (auto c : topInterests)
                add("interest:" + d.interests[static_cast<std::size_t>(c)], f, d.interests[static_cast<std::size_t>(c)],
                    FeatureKind::OneHot, false);
        } else if (f == "followers")
            add("followers", f, "followers", FeatureKind::Numeric, true);
        else if (f == "follower_age")
            add("follower_age", f, "days since following", FeatureKind::Numeric, false);
        else
            for (int k = 0; k < DepthCount; ++k)
                if (f == depthIds[k])
                    add(f, f, depthLabels[k], FeatureKind::Numeric, false);
    }

    // Members whose follow date is unknown get the mean of the known ones.
    double knownAge = 0;
    std::int64_t known = 0;
    for (const auto& s : since)
        if (s) {
            knownAge += std::max(0.0, static_cast<double>(request.nowUtc - *s) / kDaySeconds);
            ++known;
        }
    const double meanAge = known > 0 ? knownAge / static_cast<double>(known) : 0.0;

    // How to fill each column, decided once rather than per cell.
    enum class Fill { Recency, Frequency, Depth, DayPart, Language, Country, Interest, Followers, FollowerAge };
    struct Plan
    {
        Fill fill;
        std::int32_t index; // depth kind, day part or category index
    };
    std::vector<Plan> plan;
    std::size_t dayPart = 0, language = 0, country = 0, interest = 0;
    for (const auto& col : out.columns) {
        if (col.id == "recency")
            plan.push_back({Fill::Recency, 0});
        else if (col.id == "frequency")
            plan.push_back({Fill::Frequency, 0});
        else if (col.feature == "active_hours")
            plan.push_back({Fill::DayPart, static_cast<std::int32_t>(dayPart++)});
        else if (col.feature == "languages")
            plan.push_back({Fill::Language, topLanguages[language++]});
        else if (col.feature == "countries")
            plan.push_back({Fill::Country, topCountries[country++]});
        else if (col.feature == "interests")
            plan.push_back({Fill::Interest, topInterests[interest++]});
        else if (col.id == "followers")
            plan.push_back({Fill::Followers, 0});
        else if (col.id == "follower_age")
            plan.push_back({Fill::FollowerAge, 0});
        else
            for (std::int32_t k = 0; k < DepthCount; ++k)
                if (col.id == depthIds[k])
                    plan.push_back({Fill::Depth, k});
    }

    out.values.setZero(static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(out.columns.size()));
    for (std::size_t r = 0; r < count; ++r) {
        const Tally& t = tallies[r];
        const auto i = static_cast<Eigen::Index>(r);
        const double total = static_cast<double>(d.engagements[r]);
        for (std::size_t c = 0; c < plan.size(); ++c) {
            double v = 0;
            const std::int32_t index = plan[c].index;
            switch (plan[c].fill) {
            case Fill::Recency:
                v = t.engaged ? static_cast<double>(request.nowUtc - t.lastEventUtc) / kDaySeconds
                              : request.recencyCapDays;
                v = std::clamp(v, 0.0, request.recencyCapDays);
                break;
            case Fill::Frequency:
                v = total;
                break;
            case Fill::Depth:
                v = total > 0 ? t.kinds[static_cast<std::size_t>(index)] / total : 0.0;
                break;
            case Fill::DayPart:
                v = d.dayparts(i, index);
                break;
            case Fill::Language:
                v = d.language[r] == index ? 1.0 : 0.0;
                break;
            case Fill::Country:
                v = d.country[r] == index ? 1.0 : 0.0;
                break;
            case Fill::Interest:
                for (auto k = d.interestOffsets[r]; k < d.interestOffsets[r + 1]; ++k)
                    if (d.interestIds[static_cast<std::size_t>(k)] == index)
                        v = 1.0;
                break;
            case Fill::Followers:
                v = static_cast<double>(followers[r]);
                break;
            case Fill::FollowerAge:
                v = since[r] ? std::max(0.0, static_cast<double>(request.nowUtc - *since[r]) / kDaySeconds) : meanAge;
                break;
            }
            out.values(i, static_cast<Eigen::Index>(c)) = v;
        }
        if (r % kProgressRows == 0 && cancelled(0.9 + 0.1 * static_cast<double>(r) / static_cast<double>(count)))
            return stopped();
    }
    return out;
}

} // namespace herald::engine
