// libFuzzer target: Mastodon's response parsers must never crash or hang on any input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "herald/connectors/mastodon/MastodonConnector.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    (void)herald::connectors::parseMastodonStatuses(input);
    (void)herald::connectors::parseMastodonNotifications(input);
    (void)herald::connectors::parseMastodonAccounts(input);
    (void)herald::connectors::nextMaxIdFromLink(std::string(input));
    return 0;
}
