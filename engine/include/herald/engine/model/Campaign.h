#pragma once

#include <cstdint>
#include <string>

namespace herald::engine {

struct Campaign
{
    std::int64_t id = 0;
    std::string name;
    std::string goal;          // free text, e.g. "signups"
    double goalTarget = 0;     // how many results the goal asks for
    std::string startDay;      // YYYY-MM-DD, workspace zone
    std::string endDay;        // YYYY-MM-DD, inclusive
    double budget = 0;
    std::string currency = "EUR";
    std::string utmCampaign;
    std::string colour = "#4e79a7"; // #rrggbb
    std::int64_t createdUtc = 0;
};

} // namespace herald::engine
