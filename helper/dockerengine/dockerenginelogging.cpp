#include "dockerenginelogging.h"

Q_LOGGING_CATEGORY(lcDockerEngine, "passerelle.helper.docker", QtInfoMsg)
