// PLACEHOLDER: replaced by the real implementation.
#include "dockerclient.h"

namespace Passerelle {
class DockerClient::Private {};
DockerClient::~DockerClient() = default;
} // namespace Passerelle
