#pragma once

#include <cstdint>
#include <memory>

#include <QUndoCommand>

#include "herald/engine/store/PostEditor.h"

namespace herald::engine {
class Clock;
}

namespace herald::ui {

class CalendarEdits;

/// The undoable calendar edits. Each command queues its store work on CalendarEdits; what the undo
/// needs (the previous schedule, a new post's id) is kept in a state object touched only by that
/// single worker thread, in queue order.

/// Moves a post to a new instant; undo restores the exact previous schedule (or none). With
/// `scheduleDraft`, a draft also becomes scheduled ("Add to queue"), and undo makes it a draft again.
class RescheduleCommand final : public QUndoCommand
{
public:
    RescheduleCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId, engine::Schedule to,
                      bool scheduleDraft, const QString& text);
    void redo() override;
    void undo() override;

private:
    struct State;
    CalendarEdits& m_edits;
    const engine::Clock& m_clock;
    std::int64_t m_postId;
    engine::Schedule m_to;
    bool m_scheduleDraft;
    std::shared_ptr<State> m_state;
};

/// Cancels a scheduled or failed post; undo schedules it again at its stored instant.
class CancelCommand final : public QUndoCommand
{
public:
    CancelCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId);
    void redo() override;
    void undo() override;

private:
    CalendarEdits& m_edits;
    const engine::Clock& m_clock;
    std::int64_t m_postId;
    std::shared_ptr<bool> m_applied;
};

/// Duplicates a post as a draft; undo deletes the copy.
class DuplicateCommand final : public QUndoCommand
{
public:
    DuplicateCommand(CalendarEdits& edits, const engine::Clock& clock, std::int64_t postId);
    void redo() override;
    void undo() override;

private:
    CalendarEdits& m_edits;
    const engine::Clock& m_clock;
    std::int64_t m_postId;
    std::shared_ptr<std::int64_t> m_copyId;
};

/// Deletes a draft or cancelled post; undo recreates it (content, targets, tags, media, schedule)
/// under a new id.
class DeleteDraftCommand final : public QUndoCommand
{
public:
    DeleteDraftCommand(CalendarEdits& edits, std::int64_t postId);
    void redo() override;
    void undo() override;

private:
    struct State;
    CalendarEdits& m_edits;
    std::shared_ptr<State> m_state;
};

} // namespace herald::ui
