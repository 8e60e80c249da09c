#pragma once

#include <functional>

#include <QDate>
#include <QString>

#include "herald/engine/Result.h"
#include "herald/engine/demo/DemoGenerator.h"

namespace herald::app {

/// Demo options with the workspace zone's real rules and "today" in that zone filled in.
engine::DemoOptions demoOptions(const QString& timeZone, const QDate& endDay);

/// Creates a new demo workspace file at `path`; on failure or cancellation no file is left.
Result<engine::DemoSummary> createDemoWorkspace(const QString& path, engine::DemoOptions options);

/// Where "Open Demo Workspace" and ./scripts/run keep the demo workspace.
QString defaultDemoPath();

} // namespace herald::app
