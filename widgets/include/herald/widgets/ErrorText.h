#pragma once

#include <QString>

#include "herald/engine/Result.h"

namespace herald::ui {

/// A short, translated sentence for the kind of failure; the technical detail goes in a details box.
QString errorSummary(const herald::Error& error);

} // namespace herald::ui
