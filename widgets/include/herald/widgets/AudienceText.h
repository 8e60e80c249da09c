#pragma once

#include <string>
#include <vector>

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "herald/engine/store/AudienceSegmentation.h"

namespace herald::ui {

/// Segment profiles in plain words ("replies 3.1× more than average", "mostly active in the evening"), shared by
/// the audience panel and `heraldctl segment`.
class AudienceText
{
    Q_DECLARE_TR_FUNCTIONS(AudienceText)

public:
    /// The translated label of a catalogue feature id ("reply_share" -> "Share of replies").
    static QString featureLabel(const std::string& id);
    /// A column's label: its feature's label, with the category or day part for group columns.
    static QString columnLabel(const std::string& columnId);
    /// One distinguishing feature as a sentence fragment; empty when there is nothing worth saying.
    static QString trait(const engine::SegmentTrait& trait);
    /// The distinguishing features in plain words, most distinguishing first (at most `limit`).
    static QStringList describe(const engine::SegmentProfile& profile, int limit = 4);
    /// When the segment engages ("mostly active in the evening", "active throughout the day").
    static QString activeHours(const engine::SegmentProfile& profile);
    /// "English 80%, German 12%" for languages (kind 0), countries (1) or interests (2).
    static QString shares(const std::vector<engine::ShareEntry>& entries, int kind);
    /// The segment's display name ("Segment 1").
    static QString segmentName(int index);
    /// A language code's name ("de" -> "German"), else the code.
    static QString languageName(const std::string& code);
    /// A country code's name ("DE" -> "Germany"), else the code.
    static QString countryName(const std::string& code);
};

} // namespace herald::ui
