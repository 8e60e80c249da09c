#pragma once

#include <QString>

#include "herald/connectors/publish/PostValidation.h"

namespace herald::ui::composer {

/// A translated sentence for a validation problem; `account` names the target ("X @name"), empty for
/// the whole post.
QString problemText(const connectors::ValidationProblem& problem, const QString& account);

} // namespace herald::ui::composer
