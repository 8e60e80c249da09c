#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <QTimeZone>

#include "herald/connectors/publish/PostValidation.h"
#include "herald/engine/Result.h"
#include "herald/engine/analytics/EngagementModel.h"
#include "herald/engine/model/Account.h"
#include "herald/engine/store/PostPerformance.h"

// The composer's logic without widgets: UTM links, hashtag ranking, engagement history.
namespace herald::ui::composer {

struct UtmFields
{
    QString campaign; // utm_campaign: the campaign's utm_campaign, else its name
    QString content;  // utm_content; empty = left out
};

/// `text` with utm_source (the network's key), utm_medium=social, utm_campaign and utm_content added
/// to every http(s) link (before any #fragment; existing utm_* parameters of a link are replaced).
QString appendUtm(const QString& text, engine::Platform platform, const UtmFields& fields);

/// Tags ranked by the mean engagement rate of the published targets carrying them, best first,
/// as "#tag" (spaces removed), at most `count`.
std::vector<QString> rankTags(const std::vector<engine::PostPerformance>& posts, int count);

/// The account-local hour of week (0 = Monday 00:00) of `utc`.
int hourOfWeek(std::int64_t utc, const QTimeZone& zone);

/// A post's title: the first line of `text`, at most 80 UTF-16 units, never half an emoji.
QString postTitle(const QString& text);

/// Hashtags ("#word") in `text`.
int hashtagCount(const QString& text);

/// The engagement model's history of one account from its published targets.
std::vector<engine::PostOutcome> outcomesOf(const std::vector<engine::PostPerformance>& posts,
                                            const engine::Account& account);

/// What the composer reads off the UI thread: last 90 days' performance for tags, and one fitted
/// model per account (over the last 365 days; status NotEnoughHistory when thin).
struct History
{
    std::vector<QString> bestTags;
    std::map<std::int64_t, std::shared_ptr<const engine::EngagementModel>> models;
};

/// Blocking: opens the workspace read-only.
Result<History> loadHistory(const std::string& workspacePath, const std::vector<engine::Account>& accounts,
                            std::int64_t nowUtc);

} // namespace herald::ui::composer
