// libFuzzer target: Bluesky's response parsers and the facet detector must never crash or hang on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "herald/connectors/bluesky/BlueskyConnector.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    (void)herald::connectors::parseBlueskyAuthorFeed(input);
    (void)herald::connectors::parseBlueskyPosts(input);
    (void)herald::connectors::parseBlueskyNotifications(input);
    (void)herald::connectors::parseBlueskyFollowers(input);
    for (const auto& facet : herald::connectors::detectBlueskyFacets(input)) {
        if (facet.byteStart >= facet.byteEnd || facet.byteEnd > input.size())
            __builtin_trap(); // a facet must be a non-empty slice of the text
    }
    return 0;
}
