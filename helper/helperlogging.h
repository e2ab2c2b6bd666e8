// The helper's logging category. Changes made as root and refusals are
// reported at info level, which a system service's journal should keep.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcHelper)
