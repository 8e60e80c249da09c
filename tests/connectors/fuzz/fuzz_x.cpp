// libFuzzer target: X's response parsers must never crash or hang on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "herald/connectors/x/XConnector.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    (void)herald::connectors::parseXTweets(input);
    (void)herald::connectors::parseXMentions(input);
    (void)herald::connectors::parseXUsers(input);
    return 0;
}
