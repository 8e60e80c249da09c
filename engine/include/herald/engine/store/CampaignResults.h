#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// A campaign's paid results up to a day, against its budget and goal.
struct CampaignResults
{
    std::int64_t campaignId = 0;
    std::string name;
    std::string colour;
    std::string currency;
    std::string goal;
    double goalTarget = 0;
    double budget = 0;
    std::string startDay;
    std::string endDay;
    double spend = 0;          // ad spend from the start up to the day
    double results = 0;        // conversions over the same days
    double clicks = 0;
    double impressions = 0;
    double costPerResult = 0;  // spend / results, 0 without results
};

/// Campaigns that run during [fromDay, toDay] (or have no dates), with their ad results up to
/// toDay, in start order. O(campaigns + ad metric days).
Result<std::vector<CampaignResults>> queryCampaignResults(Database& db, const std::string& fromDay,
                                                          const std::string& toDay);

/// Comments in [fromUtc, toUtc) on `accountIds` (all when empty): id, body and stored sentiment.
struct CommentText
{
    std::int64_t id = 0;
    std::string body;
    bool scored = false;
    double sentiment = 0;
};
Result<std::vector<CommentText>> queryComments(Database& db, std::int64_t fromUtc, std::int64_t toUtc,
                                               const std::vector<std::int64_t>& accountIds);

} // namespace herald::engine
