#include "helperlogging.h"

Q_LOGGING_CATEGORY(lcHelper, "passerelle.helper", QtInfoMsg)
