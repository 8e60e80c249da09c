#pragma once

#include "herald/engine/ZoneConverter.h"

namespace herald::ui {

/// The engine's ZoneConverter over QTimeZone (the system's IANA database). Stateless and
/// thread-safe: workers may share one instance.
class QtZoneConverter final : public engine::ZoneConverter
{
public:
    std::optional<std::int64_t> toUtc(std::string_view localIsoMinute, std::string_view zone) const override;
    std::string toLocal(std::int64_t utc, std::string_view zone) const override;
};

/// Whether `zone` is an IANA zone the system knows.
bool isKnownTimeZone(std::string_view zone);

} // namespace herald::ui
