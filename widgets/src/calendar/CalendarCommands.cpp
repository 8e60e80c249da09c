#include "calendar/CalendarCommands.h"

#include <QCoreApplication>

#include "calendar/CalendarEdits.h"
#include "herald/engine/Clock.h"
#include "herald/engine/store/CalendarQuery.h"
#include "herald/engine/store/Database.h"
#include "herald/engine/store/PostRepository.h"

namespace herald::ui {

namespace {

QString commandText(const char* source)
{
    return QCoreApplication::translate("CalendarText", source);
}

} // namespace

struct RescheduleCommand::State
{
    bool applied = false;
    bool scheduledByUs = false;
    std::optional<engine::Schedule> previous;
};

RescheduleCommand::RescheduleCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId,
                                     engine::Schedule to, bool scheduleDraft, const QString& text)
    : QUndoCommand(text), m_edits(edits), m_clock(clock), m_postId(postId), m_to(std::move(to)),
      m_scheduleDraft(scheduleDraft), m_state(std::make_shared<State>())
{
}

void RescheduleCommand::redo()
{
    m_edits.run([state = m_state, postId = m_postId, to = m_to, scheduleDraft = m_scheduleDraft,
                 now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        auto entry = engine::CalendarQuery(db).entry(postId);
        if (!entry)
            return tl::unexpected(entry.error());
        if (!*entry)
            return fail(ErrorCode::NotFound, "post " + std::to_string(postId) + " no longer exists");
        const bool wasDraft = (*entry)->status == engine::PostStatus::Draft;
        engine::PostEditor editor(db);
        auto previous = editor.reschedule(postId, to, now);
        if (!previous)
            return tl::unexpected(previous.error());
        state->previous = *previous;
        state->applied = true;
        state->scheduledByUs = false;
        if (scheduleDraft && wasDraft) {
            if (auto r = editor.schedule(postId, now); !r)
                return r;
            state->scheduledByUs = true;
        }
        return {};
    });
}

void RescheduleCommand::undo()
{
    m_edits.run([state = m_state, postId = m_postId, now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        if (!state->applied)
            return {};
        state->applied = false;
        engine::PostEditor editor(db);
        if (state->scheduledByUs || !state->previous)
            if (auto r = editor.unschedule(postId, now); !r)
                return r;
        if (state->previous)
            if (auto r = editor.reschedule(postId, *state->previous, now); !r)
                return tl::unexpected(r.error());
        return {};
    });
}

CancelCommand::CancelCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("CalendarText", "Cancel post"))), m_edits(edits), m_clock(clock),
      m_postId(postId), m_applied(std::make_shared<bool>(false))
{
}

void CancelCommand::redo()
{
    m_edits.run([applied = m_applied, postId = m_postId, now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        if (auto r = engine::PostEditor(db).cancel(postId, now); !r)
            return r;
        *applied = true;
        return {};
    });
}

void CancelCommand::undo()
{
    m_edits.run([applied = m_applied, postId = m_postId, now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        if (!*applied)
            return {};
        *applied = false;
        return engine::PostEditor(db).schedule(postId, now);
    });
}

DuplicateCommand::DuplicateCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("CalendarText", "Duplicate post"))), m_edits(edits), m_clock(clock),
      m_postId(postId), m_copyId(std::make_shared<std::int64_t>(0))
{
}

void DuplicateCommand::redo()
{
    m_edits.run([copy = m_copyId, postId = m_postId, now = m_clock.nowUtc()](engine::Database& db) -> Result<void> {
        auto id = engine::PostEditor(db).duplicate(postId, now);
        if (!id)
            return tl::unexpected(id.error());
        *copy = *id;
        return {};
    });
}

void DuplicateCommand::undo()
{
    m_edits.run([copy = m_copyId](engine::Database& db) -> Result<void> {
        if (*copy == 0)
            return {};
        const std::int64_t id = std::exchange(*copy, 0);
        return engine::PostEditor(db).removeDraft(id);
    });
}

struct DeleteDraftCommand::State
{
    struct Saved
    {
        engine::Post post;
        std::vector<engine::Media> media;
    };
    std::int64_t currentId = 0; // the post's id now (it changes when undo recreates it)
    bool deleted = false;
    std::vector<Saved> saved; // the post, then the follow-ups of its thread (deleted with it)
};

DeleteDraftCommand::DeleteDraftCommand(CalendarEdits& edits, std::int64_t postId)
    : QUndoCommand(commandText(QT_TRANSLATE_NOOP("CalendarText", "Delete draft"))), m_edits(edits),
      m_state(std::make_shared<State>())
{
    m_state->currentId = postId;
}

void DeleteDraftCommand::redo()
{
    m_edits.run([state = m_state](engine::Database& db) -> Result<void> {
        engine::PostEditor editor(db);
        auto thread = editor.thread(state->currentId);
        if (!thread)
            return tl::unexpected(thread.error());
        thread->insert(thread->begin(), state->currentId);
        std::vector<State::Saved> saved;
        for (const auto id : *thread) {
            auto post = engine::PostRepository(db).find(id);
            if (!post)
                return tl::unexpected(post.error());
            if (!*post)
                return fail(ErrorCode::NotFound, "post " + std::to_string(id) + " no longer exists");
            auto entry = engine::CalendarQuery(db).entry(id);
            if (!entry)
                return tl::unexpected(entry.error());
            auto media = editor.media(id);
            if (!media)
                return tl::unexpected(media.error());
            State::Saved s{std::move(**post), std::move(*media)};
            if (*entry)
                s.post.tags = (*entry)->tags;
            saved.push_back(std::move(s));
        }
        if (auto r = editor.removeDraft(state->currentId); !r) // its follow-ups go with it
            return r;
        state->saved = std::move(saved);
        state->deleted = true;
        return {};
    });
}

void DeleteDraftCommand::undo()
{
    m_edits.run([state = m_state](engine::Database& db) -> Result<void> {
        if (!state->deleted)
            return {};
        // A deleted post was a draft or cancelled; it comes back as a draft at its old time, with its
        // follow-ups, all in one transaction.
        std::vector<engine::Post> posts;
        std::vector<std::vector<engine::Media>> media;
        for (const auto& saved : state->saved) {
            engine::Post copy = saved.post;
            copy.id = 0;
            copy.status = engine::PostStatus::Draft;
            for (auto& t : copy.targets) {
                t.id = 0;
                t.postId = 0;
            }
            std::vector<engine::Media> files = saved.media;
            for (auto& m : files) {
                m.id = 0;
                m.postId = 0;
            }
            posts.push_back(std::move(copy));
            media.push_back(std::move(files));
        }
        auto ids = engine::PostEditor(db).createThread(posts, media);
        if (!ids)
            return tl::unexpected(ids.error());
        state->currentId = ids->front();
        state->deleted = false;
        return {};
    });
}

} // namespace herald::ui
