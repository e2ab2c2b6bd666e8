// Logging categories, one per area, quiet by default
// (QT_LOGGING_RULES="passerelle.*.debug=true" to hear them).
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcNetlink)
Q_DECLARE_LOGGING_CATEGORY(lcDocker)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
