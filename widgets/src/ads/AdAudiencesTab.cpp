#include "AdAudiencesTab.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "AdsWorker.h"
#include "herald/engine/Clock.h"
#include "herald/engine/ads/CustomAudience.h"
#include "herald/widgets/Async.h"
#include "herald/widgets/ErrorText.h"

namespace herald::ui {

namespace {

struct Lists
{
    std::vector<engine::SegmentSummary> segments;
    std::vector<engine::AdAudience> audiences;
    std::vector<std::string> ageBands;
};

std::vector<std::string> splitList(const QString& text, bool upper)
{
    std::vector<std::string> out;
    for (QString part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty())
            continue;
        out.push_back((upper ? part.toUpper() : part).toStdString());
    }
    return out;
}

QString joinList(const std::vector<std::string>& values)
{
    QStringList parts;
    for (const auto& v : values)
        parts << QString::fromStdString(v);
    return parts.join(QStringLiteral(", "));
}

Result<bool> writeText(const QString& path, const std::string& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()))
        return fail(ErrorCode::Storage, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
    return true;
}

// Reads the audience's members and writes handles or the hashed customer list; returns the rows written.
// Blocking: runs on a worker thread (or in tests).
Result<QString> writeMembersFile(const QString& workspace, const engine::AudienceFilter& filter, bool handles,
                                 const QString& path)
{
    return ads::withDatabase(workspace, false, [&](engine::Database& db) -> Result<QString> {
        auto ids = engine::audienceMemberIds(db, filter);
        if (!ids)
            return tl::unexpected(ids.error());
        auto members = engine::loadExportMembers(db, *ids);
        if (!members)
            return tl::unexpected(members.error());
        if (members->empty())
            return fail(ErrorCode::Invalid, "the audience has no members");
        if (handles) {
            if (auto w = writeText(path, engine::handlesCsv(*members)); !w)
                return tl::unexpected(w.error());
            return QString::number(members->size());
        }
        auto list = engine::buildCustomAudience(*members);
        if (!list)
            return tl::unexpected(list.error());
        const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        if (auto w = writeText(path, json ? engine::customAudienceJson(*list) : engine::customAudienceCsv(*list)); !w)
            return tl::unexpected(w.error());
        return QString::number(list->rows.size());
    });
}

} // namespace

AdAudiencesTab::AdAudiencesTab(const engine::Clock& clock, QWidget* parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("adAudiencesTab"));
    auto* layout = new QHBoxLayout(this);
    auto* left = new QVBoxLayout;

    auto* source = new QGroupBox(tr("Start from a saved segment"), this);
    auto* sourceRow = new QHBoxLayout(source);
    m_segments = new QComboBox(source);
    m_segments->setObjectName(QStringLiteral("segmentCombo"));
    m_useSegment = new QPushButton(tr("Use segment"), source);
    m_useSegment->setObjectName(QStringLiteral("useSegmentButton"));
    auto* clear = new QPushButton(tr("Clear"), source);
    clear->setObjectName(QStringLiteral("clearAudienceButton"));
    clear->setToolTip(tr("Start again from everyone in the workspace"));
    connect(clear, &QPushButton::clicked, this, [this] { showFilter(engine::AudienceFilter{}); });
    sourceRow->addWidget(m_segments, 1);
    sourceRow->addWidget(m_useSegment);
    sourceRow->addWidget(clear);
    left->addWidget(source);
    m_segmentNote = new QLabel(this);
    m_segmentNote->setWordWrap(true);
    m_segmentNote->setObjectName(QStringLiteral("segmentNote"));
    left->addWidget(m_segmentNote);

    auto* filters = new QGroupBox(tr("Filters"), this);
    auto* form = new QFormLayout(filters);
    m_countries = new QLineEdit(filters);
    m_countries->setObjectName(QStringLiteral("countriesEdit"));
    m_countries->setPlaceholderText(tr("ISO codes, e.g. DE, NL, FR"));
    form->addRow(tr("Countries"), m_countries);
    m_languages = new QLineEdit(filters);
    m_languages->setObjectName(QStringLiteral("languagesEdit"));
    m_languages->setPlaceholderText(tr("e.g. en, de"));
    form->addRow(tr("Languages"), m_languages);
    m_ageBands = new QListWidget(filters);
    m_ageBands->setObjectName(QStringLiteral("ageBandList"));
    m_ageBands->setFlow(QListView::LeftToRight);
    m_ageBands->setMaximumHeight(34);
    form->addRow(tr("Age bands"), m_ageBands);
    auto* genders = new QHBoxLayout;
    m_female = new QCheckBox(tr("Women"), filters);
    m_female->setObjectName(QStringLiteral("femaleCheck"));
    m_male = new QCheckBox(tr("Men"), filters);
    m_male->setObjectName(QStringLiteral("maleCheck"));
    m_other = new QCheckBox(tr("Other"), filters);
    m_other->setObjectName(QStringLiteral("otherCheck"));
    genders->addWidget(m_female);
    genders->addWidget(m_male);
    genders->addWidget(m_other);
    genders->addStretch();
    form->addRow(tr("Genders"), genders);
    m_interests = new QLineEdit(filters);
    m_interests->setObjectName(QStringLiteral("interestsEdit"));
    m_interests->setPlaceholderText(tr("any of, e.g. programming, design"));
    form->addRow(tr("Interests"), m_interests);
    m_lookalike = new QComboBox(filters);
    m_lookalike->setObjectName(QStringLiteral("lookalikeCombo"));
    form->addRow(tr("Lookalike of"), m_lookalike);
    left->addWidget(filters);

    m_size = new QLabel(tr("Open a workspace to build an audience."), this);
    m_size->setObjectName(QStringLiteral("audienceSizeLabel"));
    QFont big = m_size->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_size->setFont(big);
    left->addWidget(m_size);

    auto* saveRow = new QHBoxLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("audienceNameEdit"));
    m_name->setPlaceholderText(tr("Audience name"));
    m_save = new QPushButton(tr("Save audience"), this);
    m_save->setObjectName(QStringLiteral("saveAudienceButton"));
    saveRow->addWidget(m_name, 1);
    saveRow->addWidget(m_save);
    left->addLayout(saveRow);

    auto* exportRow = new QHBoxLayout;
    const std::pair<ExportFormat, QString> exports[] = {{ExportFormat::MetaTargeting, tr("Meta targeting JSON…")},
                                                        {ExportFormat::LinkedIn, tr("LinkedIn targeting…")},
                                                        {ExportFormat::MetaCustomAudience, tr("Custom audience file…")},
                                                        {ExportFormat::Handles, tr("Handles CSV…")}};
    const char* names[] = {"exportMetaButton", "exportLinkedInButton", "exportCustomAudienceButton",
                           "exportHandlesButton"};
    int i = 0;
    for (const auto& [format, label] : exports) {
        auto* button = new QPushButton(label, this);
        button->setObjectName(QString::fromLatin1(names[i++]));
        connect(button, &QPushButton::clicked, this, [this, f = format] { chooseExport(f); });
        exportRow->addWidget(button);
    }
    left->addLayout(exportRow);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("audienceStatus"));
    m_status->setWordWrap(true);
    left->addWidget(m_status);
    left->addStretch();
    layout->addLayout(left, 3);

    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Saved audiences"), this));
    m_saved = new QListWidget(this);
    m_saved->setObjectName(QStringLiteral("savedAudiences"));
    right->addWidget(m_saved, 1);
    right->addWidget(new QLabel(tr("Validation before export"), this));
    m_validation = new QPlainTextEdit(this);
    m_validation->setObjectName(QStringLiteral("validationText"));
    m_validation->setReadOnly(true);
    right->addWidget(m_validation, 2);
    layout->addLayout(right, 2);

    m_countTimer = new QTimer(this);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(250);
    connect(m_countTimer, &QTimer::timeout, this, &AdAudiencesTab::count);
    for (auto* edit : {m_countries, m_languages, m_interests})
        connect(edit, &QLineEdit::textChanged, this, &AdAudiencesTab::scheduleCount);
    for (auto* box : {m_female, m_male, m_other})
        connect(box, &QCheckBox::toggled, this, &AdAudiencesTab::scheduleCount);
    connect(m_ageBands, &QListWidget::itemChanged, this, &AdAudiencesTab::scheduleCount);
    connect(m_lookalike, &QComboBox::currentIndexChanged, this, &AdAudiencesTab::scheduleCount);
    connect(m_useSegment, &QPushButton::clicked, this, &AdAudiencesTab::applySegment);
    connect(m_save, &QPushButton::clicked, this, &AdAudiencesTab::save);
    connect(m_saved, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= static_cast<int>(m_savedAudiences.size()))
            return;
        auto filter = engine::parseAudienceSpec(m_savedAudiences[static_cast<std::size_t>(row)].specJson);
        if (!filter) {
            m_status->setText(
                tr("This audience's spec cannot be read: %1").arg(QString::fromStdString(filter.error().detail)));
            return;
        }
        m_name->setText(QString::fromStdString(m_savedAudiences[static_cast<std::size_t>(row)].name));
        showFilter(*filter);
    });
    clearWorkspace();
}

AdAudiencesTab::~AdAudiencesTab() = default;

void AdAudiencesTab::setWorkspace(const WorkspaceSnapshot& workspace)
{
    m_workspace = workspace;
    m_hasWorkspace = true;
    setEnabled(true);
    reloadLists();
}

void AdAudiencesTab::clearWorkspace()
{
    m_hasWorkspace = false;
    ++m_generation;
    m_segments->clear();
    m_lookalike->clear();
    m_saved->clear();
    m_savedAudiences.clear();
    m_shownSize = -1;
    m_size->setText(tr("Open a workspace to build an audience."));
    setEnabled(false);
}

void AdAudiencesTab::reloadLists()
{
    const QString path = m_workspace.path;
    const int generation = ++m_generation;
    runAsync<Result<Lists>>(
        this,
        [path] {
            return ads::withDatabase(path, false, [](engine::Database& db) -> Result<Lists> {
                Lists lists;
                auto segments = engine::listSegments(db);
                if (!segments)
                    return tl::unexpected(segments.error());
                lists.segments = std::move(*segments);
                auto audiences = engine::listAdAudiences(db);
                if (!audiences)
                    return tl::unexpected(audiences.error());
                lists.audiences = std::move(*audiences);
                auto bands = engine::audienceAgeBands(db);
                if (!bands)
                    return tl::unexpected(bands.error());
                lists.ageBands = std::move(*bands);
                return lists;
            });
        },
        [this, generation](const Result<Lists>& lists) {
            if (generation != m_generation || !m_hasWorkspace)
                return;
            if (!lists) {
                m_status->setText(errorSummary(lists.error()) + QLatin1Char(' ') +
                                  QString::fromStdString(lists.error().detail));
                return;
            }
            const QSignalBlocker blockSegments(m_segments);
            const QSignalBlocker blockLookalike(m_lookalike);
            m_segments->clear();
            m_lookalike->clear();
            m_lookalike->addItem(tr("No lookalike"), QVariant());
            for (const auto& s : lists->segments) {
                const QString text =
                    tr("%1 (%n member(s))", nullptr, static_cast<int>(s.members)).arg(QString::fromStdString(s.name));
                m_segments->addItem(text, QVariant::fromValue(qint64(s.id)));
                m_lookalike->addItem(text, QVariant::fromValue(qint64(s.id)));
            }
            const bool haveSegments = !lists->segments.empty();
            m_useSegment->setEnabled(haveSegments);
            m_segments->setEnabled(haveSegments);
            m_segmentNote->setText(haveSegments ? QString()
                                                : tr("No saved segments yet: segment the audience in the Audience "
                                                     "panel, or build the audience from filters below."));
            {
                const QSignalBlocker blockBands(m_ageBands);
                m_ageBands->clear();
                for (const auto& band : lists->ageBands) {
                    auto* item = new QListWidgetItem(QString::fromStdString(band), m_ageBands);
                    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                    item->setCheckState(Qt::Unchecked);
                }
            }
            m_savedAudiences = lists->audiences;
            const QSignalBlocker blockSaved(m_saved);
            m_saved->clear();
            for (const auto& a : m_savedAudiences)
                m_saved->addItem(tr("%1 — %n member(s) when saved", nullptr, static_cast<int>(a.sizeEstimate))
                                     .arg(QString::fromStdString(a.name)));
            if (m_savedAudiences.empty())
                m_saved->addItem(tr("No saved audiences yet."));
            count();
        });
}

engine::AudienceFilter AdAudiencesTab::currentFilter() const
{
    engine::AudienceFilter f = m_extra;
    f.segmentId = m_segmentId;
    f.countries = splitList(m_countries->text(), true);
    f.languages = splitList(m_languages->text().toLower(), false);
    f.interests = splitList(m_interests->text(), false);
    f.ageBands.clear();
    for (int i = 0; i < m_ageBands->count(); ++i)
        if (m_ageBands->item(i)->checkState() == Qt::Checked)
            f.ageBands.push_back(m_ageBands->item(i)->text().toStdString());
    f.genders.clear();
    if (m_female->isChecked())
        f.genders.emplace_back("female");
    if (m_male->isChecked())
        f.genders.emplace_back("male");
    if (m_other->isChecked())
        f.genders.emplace_back("other");
    const QVariant lookalike = m_lookalike->currentData();
    f.lookalikeSegmentId = lookalike.isValid() ? std::optional<std::int64_t>(lookalike.toLongLong()) : std::nullopt;
    return f;
}

void AdAudiencesTab::showFilter(const engine::AudienceFilter& f)
{
    m_extra = f;
    m_segmentId = f.segmentId;
    {
        const QSignalBlocker b1(m_countries), b2(m_languages), b3(m_interests), b4(m_female), b5(m_male), b6(m_other),
            b7(m_ageBands), b8(m_lookalike);
        m_countries->setText(joinList(f.countries));
        m_languages->setText(joinList(f.languages));
        m_interests->setText(joinList(f.interests));
        auto has = [&f](const char* g) { return std::find(f.genders.begin(), f.genders.end(), g) != f.genders.end(); };
        m_female->setChecked(has("female"));
        m_male->setChecked(has("male"));
        m_other->setChecked(has("other"));
        for (int i = 0; i < m_ageBands->count(); ++i) {
            const std::string band = m_ageBands->item(i)->text().toStdString();
            m_ageBands->item(i)->setCheckState(std::find(f.ageBands.begin(), f.ageBands.end(), band) != f.ageBands.end()
                                                   ? Qt::Checked
                                                   : Qt::Unchecked);
        }
        const int lookalike =
            f.lookalikeSegmentId ? m_lookalike->findData(QVariant::fromValue(qint64(*f.lookalikeSegmentId))) : 0;
        m_lookalike->setCurrentIndex(std::max(0, lookalike));
    }
    m_segmentNote->setText(
        f.segmentId ? tr("Members of segment %1 only; the filters narrow it further.").arg(*f.segmentId) : QString());
    count();
}

void AdAudiencesTab::applySegment()
{
    if (!m_hasWorkspace || m_segments->currentIndex() < 0)
        return;
    const std::int64_t segmentId = m_segments->currentData().toLongLong();
    const QString path = m_workspace.path;
    const int generation = m_generation;
    runAsync<Result<engine::AudienceFilter>>(
        this,
        [path, segmentId] {
            return ads::withDatabase(path, false, [segmentId](engine::Database& db) {
                return engine::deriveAudienceFromSegment(db, segmentId);
            });
        },
        [this, generation](const Result<engine::AudienceFilter>& filter) {
            if (generation != m_generation)
                return;
            if (!filter) {
                m_status->setText(errorSummary(filter.error()) + QLatin1Char(' ') +
                                  QString::fromStdString(filter.error().detail));
                return;
            }
            if (m_name->text().isEmpty())
                m_name->setText(m_segments->currentText().section(QStringLiteral(" ("), 0, 0));
            showFilter(*filter);
            emit segmentApplied();
        });
}

void AdAudiencesTab::scheduleCount()
{
    m_extra.segmentId = m_segmentId;
    // A count still running is for the previous filter: its answer must not show.
    ++m_generation;
    m_shownSize = -1;
    m_size->setText(tr("Counting members…"));
    m_countTimer->start();
    updateValidation();
}

void AdAudiencesTab::count()
{
    updateValidation();
    if (!m_hasWorkspace)
        return;
    const QString path = m_workspace.path;
    const auto filter = currentFilter();
    const int generation = ++m_generation;
    m_shownSize = -1; // the size on show belonged to the previous filter
    m_size->setText(tr("Counting members…"));
    runAsync<Result<std::int64_t>>(
        this,
        [path, filter] {
            return ads::withDatabase(
                path, false, [&filter](engine::Database& db) { return engine::countAudienceMembers(db, filter); });
        },
        [this, generation](const Result<std::int64_t>& n) {
            if (generation != m_generation)
                return;
            if (!n) {
                m_size->setText(errorSummary(n.error()));
                return;
            }
            m_shownSize = *n;
            m_size->setText(*n == 0 ? tr("No member of this workspace matches.")
                                    : tr("%n member(s) of this workspace match.", nullptr, static_cast<int>(*n)));
            emit audienceSized(*n);
        });
}

void AdAudiencesTab::updateValidation()
{
    const auto filter = currentFilter();
    const auto meta = engine::metaTargeting(filter);
    const auto linkedIn = engine::linkedInTargeting(filter);
    QStringList lines;
    auto section = [&lines](const QString& title, const engine::TargetingExport& e) {
        lines << (e.isValid() ? tr("%1: ready to export").arg(title) : tr("%1: cannot be exported").arg(title));
        for (const auto& v : e.violations)
            lines << tr("  ✗ %1").arg(QString::fromStdString(v));
        for (const auto& w : e.warnings)
            lines << tr("  ! %1").arg(QString::fromStdString(w));
    };
    section(tr("Meta"), meta);
    section(tr("LinkedIn"), linkedIn);
    m_validation->setPlainText(lines.join(QLatin1Char('\n')));
}

void AdAudiencesTab::save()
{
    if (!m_hasWorkspace)
        return;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_status->setText(tr("Give the audience a name before saving it."));
        m_name->setFocus();
        return;
    }
    const QString path = m_workspace.path;
    const auto filter = currentFilter();
    const engine::Clock* clock = &m_clock;
    m_save->setEnabled(false);
    runAsync<Result<std::int64_t>>(
        this,
        [path, filter, name, clock] {
            return ads::withDatabase(path, true, [&](engine::Database& db) {
                return engine::saveAdAudience(db, name.toStdString(), filter, *clock);
            });
        },
        [this, name](const Result<std::int64_t>& id) {
            m_save->setEnabled(true);
            if (!id) {
                m_status->setText(tr("Could not save the audience: %1").arg(QString::fromStdString(id.error().detail)));
                return;
            }
            m_status->setText(tr("Saved the audience \"%1\".").arg(name));
            emit audienceSaved(*id);
            reloadLists();
        });
}

Result<bool> AdAudiencesTab::exportTo(ExportFormat format, const QString& path)
{
    if (!m_hasWorkspace)
        return fail(ErrorCode::Invalid, "no workspace is open");
    const auto filter = currentFilter();
    if (format == ExportFormat::MetaTargeting || format == ExportFormat::LinkedIn) {
        const auto e =
            format == ExportFormat::LinkedIn ? engine::linkedInTargeting(filter) : engine::metaTargeting(filter);
        updateValidation();
        if (!e.isValid())
            return false;
        auto written = writeText(path, e.json + "\n");
        if (written)
            emit exported(path);
        return written;
    }
    auto written = writeMembersFile(m_workspace.path, filter, format == ExportFormat::Handles, path);
    if (!written)
        return tl::unexpected(written.error());
    emit exported(path);
    return true;
}

void AdAudiencesTab::chooseExport(ExportFormat format)
{
    QString filterText = tr("JSON files (*.json)");
    if (format == ExportFormat::MetaCustomAudience)
        filterText = tr("CSV for Ads Manager (*.csv);;Marketing API payload (*.json)");
    else if (format == ExportFormat::Handles)
        filterText = tr("CSV files (*.csv)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export audience"), QString(), filterText);
    if (path.isEmpty())
        return;
    // Custom-audience and handles files read the members: do it off the UI thread.
    if (format == ExportFormat::MetaCustomAudience || format == ExportFormat::Handles) {
        const QString workspace = m_workspace.path;
        const auto filter = currentFilter();
        runAsync<Result<QString>>(
            this,
            [workspace, filter, format, path] {
                return writeMembersFile(workspace, filter, format == ExportFormat::Handles, path);
            },
            [this, path](const Result<QString>& rows) {
                if (!rows) {
                    m_status->setText(tr("Nothing was exported: %1").arg(QString::fromStdString(rows.error().detail)));
                    return;
                }
                m_status->setText(tr("Exported %1 rows to %2.").arg(*rows, path));
                emit exported(path);
            });
        return;
    }
    auto written = exportTo(format, path);
    if (!written)
        m_status->setText(tr("Nothing was exported: %1").arg(QString::fromStdString(written.error().detail)));
    else if (!*written)
        m_status->setText(tr("Nothing was exported: the targeting breaks the platform's rules listed on the right."));
    else
        m_status->setText(tr("Exported the targeting to %1.").arg(path));
}

} // namespace herald::ui
