#include "composer/ComposerText.h"

#include <QCoreApplication>

namespace herald::ui::composer {

QString problemText(const connectors::ValidationProblem& problem, const QString& account)
{
    using connectors::ProblemKind;
    const QString detail = QString::fromStdString(problem.detail);
    const QString media = QString::number(problem.mediaIndex + 1);
    switch (problem.kind) {
    case ProblemKind::NoTargets:
        return QCoreApplication::translate("ComposerText", "Select at least one account to publish to.");
    case ProblemKind::UnknownAccount:
        return QCoreApplication::translate("ComposerText", "%1: this account no longer exists.").arg(account);
    case ProblemKind::AccountDisabled:
        return QCoreApplication::translate("ComposerText",
                                           "%1: the account is disabled or must be reconnected in the Accounts panel.")
            .arg(account);
    case ProblemKind::NotPublishable:
        return QCoreApplication::translate(
                   "ComposerText", "%1: Herald cannot publish to this network (its data comes from CSV imports).")
            .arg(account);
    case ProblemKind::EmptyText:
        return QCoreApplication::translate("ComposerText", "%1: there is neither text nor media to publish.")
            .arg(account);
    case ProblemKind::TextTooLong:
        return QCoreApplication::translate("ComposerText", "%1: the text is over the network's limit (%2).")
            .arg(account, detail);
    case ProblemKind::MediaMissing:
        return QCoreApplication::translate("ComposerText", "Media %1 is missing or was changed (%2).")
            .arg(media, detail);
    case ProblemKind::MediaUnsupported:
        return QCoreApplication::translate("ComposerText", "%1 does not accept media %2 (%3).")
            .arg(account, media, detail);
    case ProblemKind::MediaTooMany:
        return QCoreApplication::translate("ComposerText", "%1: too many media files or a mix it refuses (%2).")
            .arg(account, detail);
    case ProblemKind::MediaTooLarge:
        return QCoreApplication::translate("ComposerText", "%1: media %2 is too large (%3).")
            .arg(account, media, detail);
    case ProblemKind::AltTextMissing:
        return QCoreApplication::translate("ComposerText", "Image %1 has no alt text.").arg(media);
    case ProblemKind::InThePast:
        return QCoreApplication::translate("ComposerText", "The scheduled time is in the past.");
    case ProblemKind::ThreadsUnsupported:
        return QCoreApplication::translate("ComposerText", "%1 does not support threads.").arg(account);
    }
    return detail;
}

} // namespace herald::ui::composer
