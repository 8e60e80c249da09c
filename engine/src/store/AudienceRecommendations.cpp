#include "herald/engine/store/AudienceRecommendations.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "herald/engine/analytics/Als.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

// Runs a query and hands every row to `each`.
template <typename Each> Result<void> forEachRow(Database& db, const char* sql, Each&& each)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    while (true) {
        auto row = s.step();
        if (!row) {
            s.reset();
            return tl::unexpected(row.error());
        }
        if (!*row)
            break;
        if (!each(s)) {
            s.reset();
            return fail(ErrorCode::Cancelled, "segment recommendations cancelled");
        }
    }
    s.reset();
    return {};
}

} // namespace

Result<std::vector<SegmentRecommendations>>
recommendForSegments(Database& db, const std::vector<std::int64_t>& memberIds, const std::vector<int>& labels, int k,
                     const AudienceRecommendationOptions& options, const Progress& progress)
{
    if (labels.size() != memberIds.size() || k < 1)
        return fail(ErrorCode::Invalid, "segment labels do not match the members");
    for (int label : labels)
        if (label < 0 || label >= k)
            return fail(ErrorCode::Invalid, "a segment label is outside 0.." + std::to_string(k - 1));
    std::unordered_map<std::int64_t, int> rowOf;
    rowOf.reserve(memberIds.size());
    for (std::size_t i = 0; i < memberIds.size(); ++i)
        rowOf.emplace(memberIds[i], static_cast<int>(i));

    std::unordered_map<std::int64_t, int> tagIndex;
    std::vector<std::string> tagNames;
    if (auto r = forEachRow(db, "SELECT id, name FROM tags ORDER BY id",
                            [&](Statement& s) {
                                tagIndex.emplace(s.int64(0), static_cast<int>(tagNames.size()));
                                tagNames.push_back(s.text(1));
                                return true;
                            });
        !r)
        return tl::unexpected(r.error());
    std::unordered_map<std::int64_t, std::vector<int>> postTags;
    if (auto r = forEachRow(db, "SELECT post_id, tag_id FROM post_tags",
                            [&](Statement& s) {
                                auto it = tagIndex.find(s.int64(1));
                                if (it != tagIndex.end())
                                    postTags[s.int64(0)].push_back(it->second);
                                return true;
                            });
        !r)
        return tl::unexpected(r.error());

    const auto segments = static_cast<std::size_t>(k);
    std::vector<std::unordered_map<std::int64_t, std::int64_t>> postCounts(segments);
    std::unordered_map<std::int64_t, std::int64_t> allPostCounts;
    std::vector<std::vector<std::int64_t>> tagCounts(segments, std::vector<std::int64_t>(tagNames.size(), 0));
    std::vector<Interaction> interactions;
    std::int64_t n = 0;
    if (auto r =
            forEachRow(db,
                       "SELECT e.member_id, t.post_id FROM member_events e JOIN post_targets t ON t.id = e.target_id "
                       "WHERE e.kind <> 'follow'",
                       [&](Statement& s) {
                           if (++n % 65536 == 0 && progress && !progress(0.3))
                               return false;
                           auto member = rowOf.find(s.int64(0));
                           const std::int64_t post = s.int64(1);
                           if (member == rowOf.end())
                               return true;
                           ++allPostCounts[post];
                           const auto segment =
                               static_cast<std::size_t>(labels[static_cast<std::size_t>(member->second)]);
                           ++postCounts[segment][post];
                           auto tags = postTags.find(post);
                           if (tags != postTags.end())
                               for (int tag : tags->second) {
                                   ++tagCounts[segment][static_cast<std::size_t>(tag)];
                                   interactions.push_back({member->second, tag, 1.0});
                               }
                           return true;
                       });
        !r)
        return tl::unexpected(r.error());

    std::vector<SegmentRecommendations> out(segments);
    std::vector<std::int64_t> sizes(segments, 0);
    for (int label : labels)
        ++sizes[static_cast<std::size_t>(label)];
    for (std::size_t c = 0; c < segments; ++c)
        out[c].segment = static_cast<int>(c);

    if (!interactions.empty() && !tagNames.empty()) {
        auto matrix =
            interactionMatrix(static_cast<int>(memberIds.size()), static_cast<int>(tagNames.size()), interactions);
        if (!matrix)
            return tl::unexpected(matrix.error());
        interactions.clear();
        AlsOptions als;
        als.factors = std::max(1, std::min(options.factors, static_cast<int>(tagNames.size())));
        als.iterations = options.iterations;
        als.seed = options.seed;
        Progress alsProgress;
        if (progress)
            alsProgress = [&progress](double f) { return progress(0.4 + 0.5 * f); };
        auto model = fitAls(*matrix, als, alsProgress);
        if (!model)
            return tl::unexpected(model.error());
        std::vector<Eigen::VectorXd> sums(segments, Eigen::VectorXd::Zero(model->userFactors.rows()));
        for (std::size_t i = 0; i < labels.size(); ++i)
            sums[static_cast<std::size_t>(labels[i])] += model->userFactors.col(static_cast<Eigen::Index>(i));
        std::vector<std::int64_t> allTagCounts(tagNames.size(), 0);
        for (const auto& counts : tagCounts)
            for (std::size_t t = 0; t < counts.size(); ++t)
                allTagCounts[t] += counts[t];
        for (std::size_t c = 0; c < segments; ++c) {
            if (sizes[c] == 0)
                continue;
            const Eigen::VectorXd scores = model->itemFactors.transpose() * (sums[c] / static_cast<double>(sizes[c]));
            std::vector<int> order(tagNames.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores(a) > scores(b); });
            for (int t : order) {
                if (static_cast<int>(out[c].tags.size()) == options.tags)
                    break;
                if (tagCounts[c][static_cast<std::size_t>(t)] == 0)
                    continue; // recommend among what the segment actually engaged with
                const auto ti = static_cast<std::size_t>(t);
                const double perMember = static_cast<double>(tagCounts[c][ti]) / static_cast<double>(sizes[c]);
                const double perAudience =
                    static_cast<double>(allTagCounts[ti]) / static_cast<double>(memberIds.size());
                out[c].tags.push_back({tagNames[ti], scores(t), tagCounts[c][ti], perMember / perAudience});
            }
        }
    }

    auto title = db.prepare("SELECT title, body FROM posts WHERE id = ?1");
    if (!title)
        return tl::unexpected(title.error());
    const double audience = static_cast<double>(memberIds.size());
    for (std::size_t c = 0; c < segments; ++c) {
        std::vector<std::pair<std::int64_t, std::int64_t>> posts(postCounts[c].begin(), postCounts[c].end());
        std::sort(posts.begin(), posts.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        posts.resize(std::min(posts.size(), static_cast<std::size_t>(std::max(0, options.posts))));
        for (const auto& [post, count] : posts) {
            PostRecommendation p;
            p.postId = post;
            p.engagements = count;
            const double all = static_cast<double>(allPostCounts[post]);
            p.lift = all > 0 && sizes[c] > 0
                         ? (static_cast<double>(count) / static_cast<double>(sizes[c])) / (all / audience)
                         : 0.0;
            auto row = (*title)->bind(1, post).step();
            if (!row)
                return tl::unexpected(row.error());
            if (*row) {
                p.title = (*title)->text(0);
                if (p.title.empty()) {
                    p.title = (*title)->text(1);
                    if (p.title.size() > 80) {
                        std::size_t cut = 77;
                        while (cut > 0 && (static_cast<unsigned char>(p.title[cut]) & 0xC0) == 0x80)
                            --cut; // do not split a UTF-8 sequence
                        p.title = p.title.substr(0, cut) + "...";
                    }
                }
            }
            (*title)->reset();
            out[c].posts.push_back(std::move(p));
        }
    }
    if (progress && !progress(1.0))
        return fail(ErrorCode::Cancelled, "segment recommendations cancelled");
    return out;
}

} // namespace herald::engine
