#include "herald/engine/store/SegmentStore.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"
#include "herald/engine/store/Transaction.h"

namespace herald::engine {

namespace {

using nlohmann::json;

json sharesJson(const std::vector<ShareEntry>& shares)
{
    json out = json::array();
    for (const auto& s : shares)
        out.push_back({{"name", s.name}, {"share", s.share}});
    return out;
}

std::vector<ShareEntry> sharesFrom(const json& j)
{
    std::vector<ShareEntry> out;
    for (const auto& s : j)
        out.push_back({s.at("name").get<std::string>(), s.at("share").get<double>()});
    return out;
}

json daypartsJson(const std::array<double, 4>& parts)
{
    json out = json::object();
    for (std::size_t i = 0; i < parts.size(); ++i)
        out[kDayParts[i]] = parts[i];
    return out;
}

std::array<double, 4> daypartsFrom(const json& j)
{
    std::array<double, 4> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = j.at(kDayParts[i]).get<double>();
    return out;
}

json profileJson(const SegmentProfile& p)
{
    json traits = json::array();
    for (const auto& t : p.traits)
        traits.push_back({{"column", t.column},
                          {"feature", t.feature},
                          {"label", t.label},
                          {"kind", t.kind == FeatureKind::OneHot ? "one_hot" : "numeric"},
                          {"segment_mean", t.segmentMean},
                          {"overall_mean", t.overallMean},
                          {"deviation", t.deviation}});
    return {{"index", p.index},
            {"size", p.size},
            {"share", p.share},
            {"traits", traits},
            {"interests", sharesJson(p.interests)},
            {"languages", sharesJson(p.languages)},
            {"countries", sharesJson(p.countries)},
            {"dayparts", daypartsJson(p.dayparts)},
            {"overall_dayparts", daypartsJson(p.overallDayparts)},
            {"mean_engagements", p.meanEngagements},
            {"mean_silhouette", p.meanSilhouette}};
}

SegmentProfile profileFrom(const json& j)
{
    SegmentProfile p;
    p.index = j.at("index").get<int>();
    p.size = j.at("size").get<std::int64_t>();
    p.share = j.at("share").get<double>();
    for (const auto& t : j.at("traits"))
        p.traits.push_back(
            {t.at("column").get<std::string>(), t.at("feature").get<std::string>(), t.at("label").get<std::string>(),
             t.at("kind").get<std::string>() == "one_hot" ? FeatureKind::OneHot : FeatureKind::Numeric,
             t.at("segment_mean").get<double>(), t.at("overall_mean").get<double>(), t.at("deviation").get<double>()});
    p.interests = sharesFrom(j.at("interests"));
    p.languages = sharesFrom(j.at("languages"));
    p.countries = sharesFrom(j.at("countries"));
    p.dayparts = daypartsFrom(j.at("dayparts"));
    p.overallDayparts = daypartsFrom(j.at("overall_dayparts"));
    p.meanEngagements = j.at("mean_engagements").get<double>();
    p.meanSilhouette = j.at("mean_silhouette").get<double>();
    return p;
}

// Reads the segments rows of one run (or all runs when runId is empty), grouped by run, newest first.
Result<std::vector<SavedSegmentRun>> readRuns(Database& db, const std::string& runId)
{
    auto stmt = db.prepare(runId.empty() ? "SELECT id, run_id, features, profile, created_utc FROM segments "
                                           "WHERE run_id <> '' ORDER BY created_utc DESC, id DESC"
                                         : "SELECT id, run_id, features, profile, created_utc FROM segments "
                                           "WHERE run_id = ?1 ORDER BY id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = **stmt;
    if (!runId.empty())
        s.bind(1, runId);
    std::vector<SavedSegmentRun> runs;
    try {
        while (true) {
            auto row = s.step();
            if (!row) {
                s.reset();
                return tl::unexpected(row.error());
            }
            if (!*row)
                break;
            const std::string id = s.text(1);
            auto it = std::find_if(runs.begin(), runs.end(), [&](const SavedSegmentRun& r) { return r.runId == id; });
            const json profile = json::parse(s.text(3));
            if (!profile.contains("run"))
                continue; // a segment written by something else than a segmentation run
            if (it == runs.end()) {
                SavedSegmentRun run;
                const json& meta = profile.at("run");
                run.runId = id;
                run.name = meta.at("name").get<std::string>();
                run.createdUtc = s.int64(4);
                run.accountIds = meta.at("accounts").get<std::vector<std::int64_t>>();
                run.features = meta.at("features").get<std::vector<std::string>>();
                run.columns = json::parse(s.text(2)).get<std::vector<std::string>>();
                run.k = meta.at("k").get<int>();
                run.chosenBySilhouette = meta.at("chosen_by_silhouette").get<bool>();
                run.silhouette = meta.at("silhouette").get<double>();
                runs.push_back(std::move(run));
                it = runs.end() - 1;
            }
            it->segmentIds.push_back(s.int64(0));
            it->segments.push_back(profileFrom(profile));
        }
    } catch (const json::exception& e) {
        s.reset();
        return fail(ErrorCode::Parse, std::string("a saved segment's profile is not valid: ") + e.what());
    }
    s.reset();
    for (auto& run : runs) {
        std::vector<std::size_t> order(run.segments.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](std::size_t a, std::size_t b) { return run.segments[a].index < run.segments[b].index; });
        SavedSegmentRun sorted = run;
        for (std::size_t i = 0; i < order.size(); ++i) {
            sorted.segmentIds[i] = run.segmentIds[order[i]];
            sorted.segments[i] = run.segments[order[i]];
        }
        run = std::move(sorted);
    }
    return runs;
}

Result<std::vector<std::int64_t>> segmentSizes(Database& db, const std::vector<std::int64_t>& segmentIds)
{
    auto stmt = db.prepare("SELECT COUNT(*) FROM segment_members WHERE segment_id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    std::vector<std::int64_t> sizes;
    for (auto id : segmentIds) {
        auto row = (*stmt)->bind(1, id).step();
        if (!row)
            return tl::unexpected(row.error());
        sizes.push_back(*row ? (*stmt)->int64(0) : 0);
        (*stmt)->reset();
    }
    return sizes;
}

} // namespace

std::string segmentProfileJson(const SegmentProfile& profile)
{
    return profileJson(profile).dump();
}

Result<std::string> saveSegmentRun(Database& db, const SegmentationResult& result, const std::string& name,
                                   std::int64_t nowUtc)
{
    if (name.find_first_not_of(" \t") == std::string::npos)
        return fail(ErrorCode::Invalid, "a saved segmentation needs a name");
    if (result.segments.empty() || result.labels.size() != result.memberIds.size())
        return fail(ErrorCode::Invalid, "there is no segmentation to save");
    auto existing = listSegmentRuns(db);
    if (!existing)
        return tl::unexpected(existing.error());
    for (const auto& run : *existing)
        if (run.name == name)
            return fail(ErrorCode::Invalid, "a saved segmentation is already named \"" + name + "\"");

    auto tx = Transaction::begin(db);
    if (!tx)
        return tl::unexpected(tx.error());
    auto next = db.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM segments");
    if (!next)
        return tl::unexpected(next.error());
    auto row = (*next)->step();
    if (!row)
        return tl::unexpected(row.error());
    const std::string runId = "run-" + std::to_string(nowUtc) + "-" + std::to_string((*next)->int64(0));
    (*next)->reset();

    const json meta = {{"name", name},
                       {"accounts", result.accountIds},
                       {"features", result.features},
                       {"k", result.k},
                       {"chosen_by_silhouette", result.chosenBySilhouette},
                       {"silhouette", result.silhouette}};
    const std::string columns = json(result.columns).dump();
    auto insert = db.prepare("INSERT INTO segments(name, run_id, account_id, features, profile, created_utc) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return tl::unexpected(insert.error());
    std::vector<std::int64_t> ids;
    for (const auto& segment : result.segments) {
        json profile = profileJson(segment);
        profile["run"] = meta;
        auto& s = **insert;
        s.bind(1, name + " #" + std::to_string(segment.index + 1)).bind(2, runId);
        if (result.accountIds.size() == 1)
            s.bind(3, result.accountIds.front());
        else
            s.bindNull(3);
        s.bind(4, columns).bind(5, profile.dump()).bind(6, nowUtc);
        if (auto r = s.run(); !r)
            return tl::unexpected(r.error());
        ids.push_back(db.lastInsertRowId());
    }
    auto member = db.prepare("INSERT INTO segment_members(segment_id, member_id) VALUES (?1, ?2)");
    if (!member)
        return tl::unexpected(member.error());
    for (std::size_t i = 0; i < result.labels.size(); ++i)
        if (auto r =
                (*member)->bind(1, ids[static_cast<std::size_t>(result.labels[i])]).bind(2, result.memberIds[i]).run();
            !r)
            return tl::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return tl::unexpected(r.error());
    return runId;
}

Result<std::vector<SavedSegmentRun>> listSegmentRuns(Database& db)
{
    return readRuns(db, {});
}

Result<SavedSegmentRun> loadSegmentRun(Database& db, const std::string& runId)
{
    if (runId.empty())
        return fail(ErrorCode::NotFound, "no saved segmentation has an empty id");
    auto runs = readRuns(db, runId);
    if (!runs)
        return tl::unexpected(runs.error());
    if (runs->empty())
        return fail(ErrorCode::NotFound, "no saved segmentation has the id \"" + runId + "\"");
    SavedSegmentRun run = std::move(runs->front());
    auto stmt = db.prepare("SELECT member_id FROM segment_members WHERE segment_id = ?1 ORDER BY member_id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    for (auto id : run.segmentIds) {
        auto& s = (*stmt)->bind(1, id);
        std::vector<std::int64_t> members;
        while (true) {
            auto row = s.step();
            if (!row) {
                s.reset();
                return tl::unexpected(row.error());
            }
            if (!*row)
                break;
            members.push_back(s.int64(0));
        }
        s.reset();
        run.members.push_back(std::move(members));
    }
    return run;
}

Result<void> deleteSegmentRun(Database& db, const std::string& runId)
{
    auto stmt = db.prepare("DELETE FROM segments WHERE run_id = ?1");
    if (!stmt)
        return tl::unexpected(stmt.error());
    if (runId.empty())
        return fail(ErrorCode::NotFound, "no saved segmentation has an empty id");
    if (auto r = (*stmt)->bind(1, runId).run(); !r)
        return r;
    if (db.changes() == 0)
        return fail(ErrorCode::NotFound, "no saved segmentation has the id \"" + runId + "\"");
    return {};
}

Result<SegmentRunComparison> compareSegmentRuns(Database& db, const std::string& runA, const std::string& runB)
{
    auto a = readRuns(db, runA);
    auto b = readRuns(db, runB);
    if (!a)
        return tl::unexpected(a.error());
    if (!b)
        return tl::unexpected(b.error());
    if (runA.empty() || a->empty())
        return fail(ErrorCode::NotFound, "no saved segmentation has the id \"" + runA + "\"");
    if (runB.empty() || b->empty())
        return fail(ErrorCode::NotFound, "no saved segmentation has the id \"" + runB + "\"");
    const auto& idsA = a->front().segmentIds;
    const auto& idsB = b->front().segmentIds;
    SegmentRunComparison out;
    auto sizesA = segmentSizes(db, idsA);
    auto sizesB = segmentSizes(db, idsB);
    if (!sizesA)
        return tl::unexpected(sizesA.error());
    if (!sizesB)
        return tl::unexpected(sizesB.error());
    out.sizesA = *sizesA;
    out.sizesB = *sizesB;
    out.overlap.assign(idsA.size(), std::vector<std::int64_t>(idsB.size(), 0));
    out.jaccard.assign(idsA.size(), std::vector<double>(idsB.size(), 0.0));
    auto stmt = db.prepare("SELECT x.segment_id, y.segment_id, COUNT(*) FROM segment_members x "
                           "JOIN segments sx ON sx.id = x.segment_id AND sx.run_id = ?1 "
                           "JOIN segment_members y ON y.member_id = x.member_id "
                           "JOIN segments sy ON sy.id = y.segment_id AND sy.run_id = ?2 "
                           "GROUP BY x.segment_id, y.segment_id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    auto& s = (*stmt)->bind(1, runA).bind(2, runB);
    while (true) {
        auto row = s.step();
        if (!row) {
            s.reset();
            return tl::unexpected(row.error());
        }
        if (!*row)
            break;
        const auto i = std::find(idsA.begin(), idsA.end(), s.int64(0)) - idsA.begin();
        const auto j = std::find(idsB.begin(), idsB.end(), s.int64(1)) - idsB.begin();
        if (i < static_cast<std::ptrdiff_t>(idsA.size()) && j < static_cast<std::ptrdiff_t>(idsB.size()))
            out.overlap[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = s.int64(2);
    }
    s.reset();
    for (std::size_t i = 0; i < idsA.size(); ++i)
        for (std::size_t j = 0; j < idsB.size(); ++j) {
            const auto both = out.overlap[i][j];
            const auto either = out.sizesA[i] + out.sizesB[j] - both;
            out.jaccard[i][j] = either > 0 ? static_cast<double>(both) / static_cast<double>(either) : 0.0;
        }
    return out;
}

} // namespace herald::engine
