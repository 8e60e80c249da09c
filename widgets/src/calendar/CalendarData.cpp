#include "calendar/CalendarData.h"

#include <algorithm>

#include <QCoreApplication>

namespace herald::ui {

CalendarDays::CalendarDays(std::vector<engine::CalendarEntry> entries, const QTimeZone& zone)
    : m_entries(std::move(entries)), m_zone(zone)
{
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const QDateTime local = localTimeOf(m_entries[std::size_t(i)]);
        if (local.isValid())
            m_byDay[local.date()].push_back(i);
    }
    // between() returns instant order, so each day's list is already sorted by time.
}

const std::vector<int>& CalendarDays::on(const QDate& day) const
{
    static const std::vector<int> none;
    const auto it = m_byDay.find(day);
    return it == m_byDay.end() ? none : it->second;
}

QDateTime CalendarDays::localTimeOf(const engine::CalendarEntry& entry) const
{
    if (!entry.scheduledUtc)
        return {};
    return QDateTime::fromSecsSinceEpoch(*entry.scheduledUtc, m_zone);
}

const engine::CalendarEntry* CalendarDays::find(std::int64_t postId) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [postId](const engine::CalendarEntry& e) { return e.postId == postId; });
    return it == m_entries.end() ? nullptr : &*it;
}

QDate monthGridStart(const QDate& month)
{
    const QDate first(month.year(), month.month(), 1);
    return first.addDays(1 - first.dayOfWeek());
}

QDate weekStart(const QDate& day)
{
    return day.addDays(1 - day.dayOfWeek());
}

std::int64_t dayStartUtc(const QDate& day, const QTimeZone& zone)
{
    return day.startOfDay(zone).toSecsSinceEpoch();
}

QString statusText(engine::PostStatus status)
{
    using S = engine::PostStatus;
    switch (status) {
    case S::Draft:
        return QCoreApplication::translate("CalendarText", "Draft");
    case S::Scheduled:
        return QCoreApplication::translate("CalendarText", "Scheduled");
    case S::Publishing:
        return QCoreApplication::translate("CalendarText", "Publishing");
    case S::Published:
        return QCoreApplication::translate("CalendarText", "Published");
    case S::Failed:
        return QCoreApplication::translate("CalendarText", "Failed");
    case S::Cancelled:
        return QCoreApplication::translate("CalendarText", "Cancelled");
    }
    return {};
}

QString statusSymbol(engine::PostStatus status)
{
    // The same in every language: the first letter of the translated word was ambiguous in Chinese.
    switch (status) {
    case engine::PostStatus::Draft: return QStringLiteral("\u270E");      // pencil
    case engine::PostStatus::Scheduled: return QStringLiteral("\u25F7");  // clock face
    case engine::PostStatus::Publishing: return QStringLiteral("\u21BB"); // circular arrow
    case engine::PostStatus::Published: return QStringLiteral("\u2713");  // check mark
    case engine::PostStatus::Failed: return QStringLiteral("!");
    case engine::PostStatus::Cancelled: return QStringLiteral("\u00D7");  // multiplication sign
    }
    return {};
}

QColor statusColour(engine::PostStatus status)
{
    using S = engine::PostStatus;
    switch (status) {
    case S::Draft:
        return QColor(0x9e, 0x9e, 0x9e);
    case S::Scheduled:
        return QColor(0x1e, 0x88, 0xe5);
    case S::Publishing:
        return QColor(0xfb, 0x8c, 0x00);
    case S::Published:
        return QColor(0x43, 0xa0, 0x47);
    case S::Failed:
        return QColor(0xe5, 0x39, 0x35);
    case S::Cancelled:
        return QColor(0x61, 0x61, 0x61);
    }
    return Qt::gray;
}

QString networkShortLabel(engine::Platform platform)
{
    using P = engine::Platform;
    switch (platform) {
    case P::Mastodon:
        return QStringLiteral("Ma");
    case P::Bluesky:
        return QStringLiteral("Bs");
    case P::X:
        return QStringLiteral("X");
    case P::LinkedIn:
        return QStringLiteral("in");
    case P::Facebook:
        return QStringLiteral("Fb");
    case P::Instagram:
        return QStringLiteral("IG");
    case P::Weibo:
        return QStringLiteral("Wb");
    case P::WeChat:
        return QStringLiteral("WC");
    case P::Douyin:
        return QStringLiteral("DY");
    }
    return {};
}

QColor campaignColour(const engine::CalendarEntry& entry)
{
    const QColor c(QString::fromStdString(entry.campaignColour));
    return entry.campaignId && c.isValid() ? c : QColor(0xb0, 0xb0, 0xb0);
}

QString entryCaption(const engine::CalendarEntry& entry)
{
    // A follow-up in a thread reads as a reply.
    const QString reply = entry.parentPostId ? QStringLiteral("↳ ") : QString();
    if (!entry.title.empty())
        return reply + QString::fromStdString(entry.title);
    const QString body = QString::fromStdString(entry.body);
    const qsizetype nl = body.indexOf(QLatin1Char('\n'));
    return reply + (nl < 0 ? body : body.left(nl)).left(200);
}

QString firstPermalink(const engine::CalendarEntry& entry)
{
    for (const auto& t : entry.targets)
        if (t.status == engine::PostStatus::Published && !t.permalink.empty())
            return QString::fromStdString(t.permalink);
    return {};
}

} // namespace herald::ui

#include <QPainter>
#include <QPalette>
#include <QApplication>

namespace herald::ui {

void paintChip(QPainter& painter, const QRect& rect, const engine::CalendarEntry& entry, const QString& timeText,
               bool selected)
{
    painter.save();
    const QPalette pal = QApplication::palette();
    const QColor campaign = campaignColour(entry);
    QColor fill = campaign;
    fill.setAlpha(selected ? 110 : 45);
    painter.setPen(selected ? QPen(pal.color(QPalette::Highlight), 1.5) : Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 3, 3);
    painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), campaign);

    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    const QFontMetrics fm(font);
    int x = rect.left() + 6;
    // Status badge: a coloured dot with the status's initial letter.
    const int badge = rect.height() - 6;
    const QRect dot(x, rect.top() + 3, badge, badge);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColour(entry.status));
    painter.drawEllipse(dot);
    painter.setPen(Qt::white);
    painter.drawText(dot, Qt::AlignCenter, statusSymbol(entry.status));
    x += badge + 4;
    // One short network label per target.
    for (const auto& t : entry.targets) {
        const QString label = networkShortLabel(t.platform);
        const int w = fm.horizontalAdvance(label) + 4;
        if (x + w > rect.right() - 10)
            break;
        const QRect box(x, rect.top() + 2, w, rect.height() - 4);
        painter.setPen(statusColour(t.status));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(box, 2, 2);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, label);
        x += w + 2;
    }
    QString text = timeText.isEmpty() ? entryCaption(entry) : timeText + QLatin1Char(' ') + entryCaption(entry);
    const QRect textRect(x + 2, rect.top(), rect.right() - x - 4, rect.height());
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(text, Qt::ElideRight, textRect.width()));
    painter.restore();
}

} // namespace herald::ui
