#include "herald/connectors/Connector.h"

namespace herald::connectors {

std::vector<engine::PostMetricSample> toMetricSamples(const PostCounts& counts, std::int64_t targetId,
                                                      std::int64_t atUtc)
{
    std::vector<engine::PostMetricSample> samples;
    auto add = [&](const char* metric, std::int64_t value) {
        samples.push_back({targetId, metric, atUtc, static_cast<double>(value)});
    };
    add("likes", counts.likes);
    add("reposts", counts.reposts);
    add("replies", counts.replies);
    if (counts.quotes)
        add("quotes", *counts.quotes);
    if (counts.impressions)
        add("impressions", *counts.impressions);
    return samples;
}

tl::unexpected<Error> notOffered(engine::Platform platform, std::string_view what)
{
    return fail(ErrorCode::Invalid,
                std::string(what) + " not offered by " + std::string(engine::platformDisplayName(platform)));
}

Result<std::vector<engine::AccountMetricDay>> Connector::accountInsights(const std::string&, const std::string&)
{
    return notOffered(platform(), "daily account insights are");
}

Result<UploadedMedia> Connector::uploadMedia(const MediaUpload&)
{
    return notOffered(platform(), "media upload is");
}

Result<PublishedPost> Connector::reply(const std::string& externalId, PublishRequest request)
{
    request.replyToExternalId = externalId;
    return publish(request);
}

Result<std::vector<RemotePost>> Connector::postMetrics(const std::vector<std::string>&)
{
    return notOffered(platform(), "post metrics are");
}

Result<Page<RemoteComment>> Connector::listMentions(const PageRequest&)
{
    return notOffered(platform(), "mentions are");
}

Result<Page<engine::AudienceMember>> Connector::listFollowers(const PageRequest&)
{
    return notOffered(platform(), "the followers list is");
}

} // namespace herald::connectors
